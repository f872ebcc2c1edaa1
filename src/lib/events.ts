import type { Locale } from '../i18n/locales';
import type { LocalizedEntry } from './localized-entries';
import { entriesIn, ownFirst } from './entry-lists';
import { eventPhase } from './status';
import { toInstant } from './time';
import { byCodePoint } from './order';

export interface EventView {
  item: LocalizedEntry<'events'>;
  start: Date;
  end?: Date;
  zone: string;
  phase: ReturnType<typeof eventPhase>;
}

/** An event with its start and end as instants (its times are wall-clock in its own zone). */
export function eventView(item: LocalizedEntry<'events'>, now: Date): EventView {
  const { start, end, timezone } = item.entry.data;
  const view: EventView = { item, zone: timezone, start: toInstant(start, timezone), phase: 'upcoming' };
  if (end) view.end = toInstant(end, timezone);
  view.phase = eventPhase({ start: view.start, end: view.end, now });
  return view;
}

/**
 * A locale's events: upcoming and ongoing ones soonest first, past ones most recent first;
 * own translations before fallbacks.
 */
export async function eventsByPhase(locale: Locale, now: Date) {
  const items = await entriesIn('events', locale);
  const views = new Map(items.map((item) => [item, eventView(item, now)]));
  const time = (i: LocalizedEntry<'events'>) => views.get(i)!.start.getTime();
  const upcoming = ownFirst(items.filter((i) => views.get(i)!.phase !== 'past'), (a, b) => time(a) - time(b) || byCodePoint(a.slug, b.slug));
  const past = ownFirst(items.filter((i) => views.get(i)!.phase === 'past'), (a, b) => time(b) - time(a) || byCodePoint(a.slug, b.slug));
  return { upcoming: upcoming.map((i) => views.get(i)!), past: past.map((i) => views.get(i)!) };
}

/** The weeks (Monday first) of a month as YYYY-MM-DD strings, null outside the month. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month `n` months after `month` (both YYYY-MM; `n` may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months after the build's month the month view reaches at least. */
export const MONTHS_AHEAD = 12;

/**
 * The months (YYYY-MM, consecutive) that have a page in the month view: from the first event's
 * month, or the build's month if that is earlier, to the later of the last event's month and
 * `ahead` months after the build's month. The build's month always has a page (the view opens
 * there), and so does every month of the following year: the pages' script sends a visitor who
 * comes after the build to their own month, which must exist even when nothing is planned yet.
 *
 * `eventDates`: the events' local start dates (YYYY-MM-DD), in any order; `today`: the build's
 * date (YYYY-MM-DD).
 */
export function monthRange(eventDates: readonly string[], today: string, ahead = MONTHS_AHEAD): string[] {
  const now = today.slice(0, 7);
  const months = eventDates.map((d) => d.slice(0, 7));
  const first = months.reduce((a, b) => (b < a ? b : a), now);
  const last = months.reduce((a, b) => (b > a ? b : a), addMonths(now, ahead));
  const range: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) range.push(month);
  return range;
}

/** The months before and after `month` in a range of monthRange(), where the range has them. */
export function monthNeighbours(range: readonly string[], month: string): { prev?: string; next?: string } {
  const i = range.indexOf(month);
  if (i < 0) return {};
  return { prev: range[i - 1], next: range[i + 1] };
}

/** Each month of `range` with its events by local start date (YYYY-MM-DD → events, in the given order). */
export function eventMonths(
  views: readonly EventView[],
  localDate: (v: EventView) => string,
  range: readonly string[],
): { month: string; byDay: Map<string, EventView[]> }[] {
  const byMonth = new Map(range.map((month) => [month, new Map<string, EventView[]>()]));
  for (const v of views) {
    const day = localDate(v);
    const byDay = byMonth.get(day.slice(0, 7));
    if (byDay) byDay.set(day, [...(byDay.get(day) ?? []), v]);
  }
  return [...byMonth].map(([month, byDay]) => ({ month, byDay }));
}
