import type { Locale } from '../i18n/locales';
import type { LocalizedEntry } from './localized-entries';
import { byFieldDesc, entriesIn, ownFirst } from './entry-lists';
import { applicationOpen, offerExpired } from './status';
import { dateEndInstant, dateStartInstant, toInstant } from './time';
import { byCodePoint } from './order';

/** Whether a course takes applications at `now`. */
export function courseOpen(item: LocalizedEntry<'courses'>, now: Date): boolean {
  const { applicationDeadline, start, timezone } = item.entry.data;
  return applicationOpen({
    deadline: applicationDeadline ? toInstant(applicationDeadline, timezone) : undefined,
    start: dateStartInstant(start, timezone),
    now,
  });
}

/** Courses of a locale: open for application first (soonest start), then the others (latest first). */
export async function courseCatalogue(locale: Locale, now: Date) {
  const items = await entriesIn('courses', locale);
  const open = ownFirst(items.filter((i) => courseOpen(i, now)), (a, b) => byCodePoint(a.entry.data.start, b.entry.data.start));
  const closed = ownFirst(items.filter((i) => !courseOpen(i, now)), byFieldDesc('start'));
  return [...open.map((item) => ({ item, open: true })), ...closed.map((item) => ({ item, open: false }))];
}

/** Whether an offer or request has expired at `now` (at the end of its expiry day, Rome time). */
export function isExpired(item: LocalizedEntry<'offers'>, now: Date): boolean {
  const { expires } = item.entry.data;
  return offerExpired({ expires: expires ? dateEndInstant(expires, 'Europe/Rome') : undefined, now });
}

/** The catalogue of a locale: current offers and requests, newest first; expired ones leave it. */
export async function offerCatalogue(locale: Locale, now: Date) {
  return ownFirst((await entriesIn('offers', locale)).filter((i) => !isExpired(i, now)), byFieldDesc('date'));
}
