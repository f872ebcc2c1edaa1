import { DateTime } from 'luxon';

/**
 * Time zones and wall-clock conversions. Content stores `datetime` values as a wall-clock
 * "YYYY-MM-DDTHH:mm" in the entry's IANA `timezone` and `date` values as "YYYY-MM-DD"
 * (see CONTENT-CONTRACT.md); everything else in the site (status, ICS, sorting) works on
 * instants (`Date`). This module is the one place where the two meet, so that DST edge cases
 * are decided once and the same way in every page.
 *
 * Rules for wall-clock times that do not map to exactly one instant (RFC 5545 §3.3.5, and
 * Temporal's `disambiguation: 'compatible'`):
 * - In a spring-forward gap (e.g. 2027-03-28T02:30 Europe/Rome does not exist) the time is
 *   read with the offset in force before the gap, i.e. shifted forward by the gap's length:
 *   02:30 → 03:30 CEST (01:30Z). This is also what luxon does.
 * - In a fall-back overlap (e.g. 2026-10-25T02:30 Europe/Rome happens twice) the FIRST
 *   occurrence is meant: 02:30 CEST (00:30Z). luxon alone would pick one or the other
 *   depending on the date the build runs, so we choose explicitly.
 */

/** Italy's zone: the default `timezone` of the content and the site's reference zone. */
export const ROME = 'Europe/Rome';
/** China's zone (IANA names it after Shanghai): times are also shown here for Chinese readers. */
export const BEIJING = 'Asia/Shanghai';

const WALL_CLOCK = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;
const DAY_MS = 86_400_000;

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The instant of a wall-clock time, applying the gap/overlap rules above. */
function resolve(fields: WallFields, timeZone: string, what: string): Date {
  const dt = DateTime.fromObject(fields, { zone: timeZone });
  if (!dt.isValid) {
    throw new Error(`${what} in "${timeZone}" is not a valid time: ${dt.invalidExplanation ?? dt.invalidReason}`);
  }
  // Several candidates only in an overlap: take the earliest (first occurrence).
  const millis = dt.getPossibleOffsets().map((candidate) => candidate.toMillis());
  return new Date(Math.min(dt.toMillis(), ...millis));
}

function parseDate(date: string, fn: string): { year: number; month: number; day: number } {
  const m = DATE.exec(date);
  if (!m) throw new Error(`${fn}: "${date}" is not a YYYY-MM-DD date`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * A content `datetime` ("YYYY-MM-DDTHH:mm", wall clock in `timeZone`) as an instant.
 * Gap times are shifted forward, overlap times mean the first occurrence (see the module
 * comment). Throws an Error naming the value on malformed input, impossible dates
 * (2026-02-30) or an unknown zone, so that bad content stops the build.
 */
function computeToInstant(wallClock: string, timeZone: string): Date {
  const m = WALL_CLOCK.exec(wallClock);
  if (!m) throw new Error(`toInstant: "${wallClock}" is not a YYYY-MM-DDTHH:mm date-time`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return resolve({ year, month, day, hour, minute }, timeZone, `toInstant: "${wallClock}"`);
}

/**
 * The first instant of a calendar day in a zone (normally 00:00). Used for date-only fields
 * that start something: a course's `start`, a call's `opens`.
 */
function computeDateStartInstant(date: string, timeZone: string): Date {
  const { year, month, day } = parseDate(date, 'dateStartInstant');
  return resolve({ year, month, day, hour: 0, minute: 0 }, timeZone, `dateStartInstant: "${date}"`);
}

/**
 * The last millisecond of a calendar day in a zone (normally 23:59:59.999). Used for
 * date-only fields that end something inclusively: a course's `end`, an offer's `expires`.
 * Computed as the next day's start minus 1 ms, so it is right even on DST change days.
 */
function computeDateEndInstant(date: string, timeZone: string): Date {
  const { year, month, day } = parseDate(date, 'dateEndInstant');
  dateStartInstant(date, timeZone); // rejects 2026-02-30 and unknown zones before Date.UTC rolls them over
  const next = new Date(Date.UTC(year, month - 1, day) + DAY_MS).toISOString().slice(0, 10);
  return new Date(dateStartInstant(next, timeZone).getTime() - 1);
}

/**
 * What a clock in `timeZone` shows at `instant`: the date "YYYY-MM-DD", the time "HH:mm"
 * (24-hour) and the zone's UTC offset in minutes then. For "16:59 Rome / 23:59 Beijing"
 * labels; use dayDifference() for the "(+1 day)" note.
 */
export interface ZonedTime {
  date: string;
  time: string;
  offsetMinutes: number;
  /** Not provided here: compute it with dayDifference(). */
  dayShift?: never;
}

/** The wall-clock date and time of an instant in a zone (see ZonedTime). Throws on an invalid Date or zone. */
function computeZoned(instant: Date, timeZone: string): ZonedTime {
  if (Number.isNaN(instant.getTime())) throw new Error('zoned: invalid Date');
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new Error(`zoned: "${timeZone}" is not a valid time zone (${dt.invalidExplanation ?? dt.invalidReason})`);
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm'), offsetMinutes: dt.offset };
}

/**
 * By how many calendar days the date of `instant` in `toZone` differs from its date in
 * `fromZone`: +1 when 19:00 on 14 May in Rome is already 15 May in Beijing, −1 the other way,
 * 0 on the same day. Lets a converted time carry "(+1 day)".
 */
export function dayDifference(instant: Date, fromZone: string, toZone: string): number {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return Math.round((day(zoned(instant, toZone).date) - day(zoned(instant, fromZone).date)) / DAY_MS);
}

/*
 * The conversions above are pure and the same few hundred values come back on every page
 * (lists, month grids, facts, JSON-LD): each result is computed once per build. Dates are
 * returned as new objects, so a caller that mutates one cannot change the cache.
 */
const instants = new Map<string, number>();
function memoInstant(kind: string, value: string, timeZone: string, compute: (v: string, z: string) => Date): Date {
  const key = `${kind}|${value}|${timeZone}`;
  let ms = instants.get(key);
  if (ms === undefined) instants.set(key, (ms = compute(value, timeZone).getTime()));
  return new Date(ms);
}

/**
 * A content `datetime` ("YYYY-MM-DDTHH:mm", wall clock in `timeZone`) as an instant.
 * Gap times are shifted forward, overlap times mean the first occurrence (see the module
 * comment). Throws an Error naming the value on malformed input, impossible dates
 * (2026-02-30) or an unknown zone, so that bad content stops the build.
 */
export function toInstant(wallClock: string, timeZone: string): Date {
  return memoInstant('t', wallClock, timeZone, computeToInstant);
}

/** The first instant of a calendar day in a zone (see computeDateStartInstant). */
export function dateStartInstant(date: string, timeZone: string): Date {
  return memoInstant('s', date, timeZone, computeDateStartInstant);
}

/** The last millisecond of a calendar day in a zone (see computeDateEndInstant). */
export function dateEndInstant(date: string, timeZone: string): Date {
  return memoInstant('e', date, timeZone, computeDateEndInstant);
}

const zonedTimes = new Map<string, ZonedTime>();
/** The wall-clock date and time of an instant in a zone (see ZonedTime). Throws on an invalid Date or zone. */
export function zoned(instant: Date, timeZone: string): ZonedTime {
  const key = `${instant.getTime()}|${timeZone}`;
  let result = zonedTimes.get(key);
  if (!result) zonedTimes.set(key, (result = computeZoned(instant, timeZone)));
  return { ...result };
}
