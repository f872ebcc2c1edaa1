/**
 * The state of a call, event, course or offer at a given moment. Pure functions of `Date`
 * instants only (no luxon, no Node APIs), so that the build and a small browser script that
 * refreshes badges on a cached static page give the same answer. Convert content values to
 * instants first with src/lib/time.ts (toInstant, dateStartInstant, dateEndInstant).
 *
 * All boundaries are instants; a deadline is exclusive (at the deadline the thing is over).
 */

/** How close (in days of 24 h) a call deadline must be for the "closing soon" badge. */
export const CLOSING_SOON_DAYS = 14;

/** Length assumed for an event without `end`: two hours, a typical forum or seminar session. */
export const DEFAULT_EVENT_DURATION_MS = 2 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A call for proposals' state, shown as a badge and used to split open from past calls. */
export type CallStatus = 'upcoming' | 'open' | 'closing-soon' | 'closed';

/** An event's state, used to split upcoming from past events. */
export type EventPhase = 'upcoming' | 'ongoing' | 'past';

function ms(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`status: \`${name}\` is an invalid Date`);
  return t;
}

/**
 * State of a call: 'closed' at or after `deadline`; otherwise 'upcoming' before `opens`
 * (pass dateStartInstant(opens, timezone)); 'closing-soon' when the deadline is at most
 * CLOSING_SOON_DAYS × 24 h away (exactly 14 days before counts); else 'open'. Closed is
 * checked first so that inconsistent data (opens after deadline) never shows a dead call as
 * upcoming.
 */
export function callStatus({ deadline, opens, now }: { deadline: Date; opens?: Date; now: Date }): CallStatus {
  const t = ms(now, 'now');
  const d = ms(deadline, 'deadline');
  if (t >= d) return 'closed';
  if (opens && t < ms(opens, 'opens')) return 'upcoming';
  return d - t <= CLOSING_SOON_DAYS * DAY_MS ? 'closing-soon' : 'open';
}

/**
 * State of an event: 'upcoming' before `start`, 'ongoing' from `start` (inclusive) to `end`
 * (exclusive), then 'past'. An event without `end` is taken to last DEFAULT_EVENT_DURATION_MS
 * (2 h), not until the end of its day: a 09:00 webinar should not be "ongoing" at 23:00.
 */
export function eventPhase({ start, end, now }: { start: Date; end?: Date; now: Date }): EventPhase {
  const t = ms(now, 'now');
  const s = ms(start, 'start');
  const e = end ? ms(end, 'end') : s + DEFAULT_EVENT_DURATION_MS;
  if (t < s) return 'upcoming';
  return t < e ? 'ongoing' : 'past';
}

/**
 * Whether applications to a course are still accepted: until `deadline` (the course's
 * `applicationDeadline`, exclusive) if given, else until the course starts (pass
 * dateStartInstant(start, timezone)).
 */
export function applicationOpen({ deadline, start, now }: { deadline?: Date; start: Date; now: Date }): boolean {
  const closes = deadline ? ms(deadline, 'deadline') : ms(start, 'start');
  return ms(now, 'now') < closes;
}

/**
 * Whether a technology offer or request has expired. `expires` is the last instant it is
 * valid: pass dateEndInstant(expires, timezone) so that it stays listed through its whole
 * expiry day. No `expires` means it never expires.
 */
export function offerExpired({ expires, now }: { expires?: Date; now: Date }): boolean {
  return expires !== undefined && ms(now, 'now') > ms(expires, 'expires');
}
