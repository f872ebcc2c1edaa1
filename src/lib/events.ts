import type { Locale } from '../i18n/locales';
import type { LocalizedEntry } from './entries';
import { entriesIn, ownFirst } from './lists';
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

/** The months (YYYY-MM) from the first to the last event, each with its events by local start date. */
export function eventMonths(views: EventView[], localDate: (v: EventView) => string): { month: string; byDay: Map<string, EventView[]> }[] {
  if (views.length === 0) return [];
  const dates = views.map(localDate).sort();
  const [fy, fm] = dates[0]!.split('-').map(Number) as [number, number];
  const [ly, lm] = dates.at(-1)!.split('-').map(Number) as [number, number];
  const months: { month: string; byDay: Map<string, EventView[]> }[] = [];
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const byDay = new Map<string, EventView[]>();
    for (const v of views) {
      const d = localDate(v);
      if (d.startsWith(month)) byDay.set(d, [...(byDay.get(d) ?? []), v]);
    }
    months.push({ month, byDay });
  }
  return months;
}
