import { siteConfig } from '../config/site';
import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/translate';
import { callView } from './calls';
import type { LocalizedEntry } from './localized-entries';
import { eventView } from './events';
import { icsCalendar, type IcsItem } from './ics';
import { DEFAULT_EVENT_DURATION_MS } from './status';

const host = () => new URL(siteConfig.url).host;
const absolute = (path: string) => new URL(path, siteConfig.url).href;

/**
 * An event as a calendar item: UTC times, a UID stable across builds and languages' files.
 * `stamp`: its DTSTAMP, when the entry was last revised (src/history/revisions.ts).
 */
export function eventIcsItem(item: LocalizedEntry<'events'>, stamp: Date): IcsItem {
  const view = eventView(item, siteConfig.buildTime);
  const data = item.entry.data;
  const ics: IcsItem = {
    uid: `events/${item.slug}@${host()}`,
    start: view.start,
    summary: data.title,
    description: data.summary,
    location: [data.venue, data.city, data.country].filter(Boolean).join(', '),
    url: absolute(`/${item.locale}/events/${item.slug}/`),
    stamp,
  };
  // Without an end, the event is taken to last two hours, as on the site (eventPhase).
  ics.end = view.end ?? new Date(view.start.getTime() + DEFAULT_EVENT_DURATION_MS);
  return ics;
}

/** A call's deadline as a calendar item with a reminder the day before. */
export function callIcsItem(item: LocalizedEntry<'calls'>, locale: Locale, stamp: Date): IcsItem {
  const view = callView(item, siteConfig.buildTime);
  return {
    uid: `calls/${item.slug}/deadline@${host()}`,
    start: view.deadline,
    summary: useTranslations(locale)('calls.reminder', { title: item.entry.data.title }),
    description: item.entry.data.summary,
    url: absolute(`/${item.locale}/calls/${item.slug}/`),
    stamp,
    alarmMinutesBefore: 24 * 60,
  };
}

/** The text of a calendar file for items, named in the locale's language. */
export function calendarText(locale: Locale, name: string, items: IcsItem[]): string {
  const t = useTranslations(locale);
  return icsCalendar({ name: `${t('site.shortName')} · ${name}`, items, ttlHours: 12 });
}

/** The answer of a route that serves a calendar file's text. */
export const icsResponse = (text: string): Response => new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });

/** A calendar file for items, named in the locale's language. */
export const calendarFile = (locale: Locale, name: string, items: IcsItem[]): Response => icsResponse(calendarText(locale, name, items));

/** The .ics file of one event: the event. */
export const eventCalendar = (item: LocalizedEntry<'events'>, stamp: Date): string =>
  calendarText(item.locale, item.entry.data.title, [eventIcsItem(item, stamp)]);

/** The .ics file of one call: a reminder of its deadline, with an alarm the day before. */
export const callCalendar = (item: LocalizedEntry<'calls'>, stamp: Date): string =>
  calendarText(item.locale, item.entry.data.title, [callIcsItem(item, item.locale, stamp)]);
