import { siteConfig } from '../../../../config/site';
import type { Locale } from '../../../../i18n/locales';
import { eventMonths, eventsByPhase, monthNeighbours, monthRange, type EventView } from '../../../../lib/events';
import { ROME, zoned } from '../../../../lib/time';

/** What a page of the month view shows (the props of _MonthView.astro). */
export interface MonthPage {
  /** YYYY-MM */
  month: string;
  byDay: Map<string, EventView[]>;
  /** The months before and after that have a page. */
  prev?: string;
  next?: string;
  /** The build's date in Rome, YYYY-MM-DD, when it falls in this month (other months' pages do not show it). */
  today?: string;
  /** The first and last months that have a page: only on the entry page /<l>/events/month/. */
  range?: { first: string; last: string };
}

/**
 * The pages of a locale's month view, one per month of monthRange() (src/lib/events.ts): every
 * locale has the same months, since the range does not depend on which events are translated.
 * Also the build's month, the one /<l>/events/month/ shows.
 */
export async function monthPages(locale: Locale): Promise<{ pages: MonthPage[]; current: string }> {
  const { upcoming, past } = await eventsByPhase(locale, siteConfig.buildTime);
  const views = [...past, ...upcoming];
  const localDate = (v: EventView) => zoned(v.start, v.zone).date;
  const today = zoned(siteConfig.buildTime, ROME).date;
  const range = monthRange(views.map(localDate), today);
  const pages = eventMonths(views, localDate, range).map(({ month, byDay }) => ({
    month,
    byDay,
    today: today.startsWith(month) ? today : undefined,
    ...monthNeighbours(range, month),
  }));
  return { pages, current: today.slice(0, 7) };
}
