import type { Locale } from '../i18n/locales';
import type { LocalizedEntry } from './entries';
import { entriesIn, ownFirst } from './lists';
import { eventPhase } from './status';
import { toInstant } from './time';

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
  const upcoming = ownFirst(items.filter((i) => views.get(i)!.phase !== 'past'), (a, b) => time(a) - time(b) || a.slug.localeCompare(b.slug));
  const past = ownFirst(items.filter((i) => views.get(i)!.phase === 'past'), (a, b) => time(b) - time(a) || a.slug.localeCompare(b.slug));
  return { upcoming: upcoming.map((i) => views.get(i)!), past: past.map((i) => views.get(i)!) };
}
