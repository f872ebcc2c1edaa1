import type { APIRoute } from 'astro';
import { calendarFile, eventIcsItem } from '../../../lib/calendar';
import { revisions } from '../../../history/revisions';
import { entriesIn } from '../../../lib/entry-lists';
import { isOwnVersion } from '../../../lib/page-languages';
import { localeStaticPaths } from '../../../lib/routing';
import { useTranslations } from '../../../i18n/translate';
import type { Locale } from '../../../i18n/locales';

export const getStaticPaths = localeStaticPaths;

/** The subscribable calendar of a locale: the events that exist in it (fallbacks belong to their language). */
export const GET: APIRoute = async ({ params }) => {
  const locale = params.lang as Locale;
  const revisedAt = await revisions();
  const items = (await entriesIn('events', locale)).filter(isOwnVersion).map((item) => eventIcsItem(item, revisedAt(item.entry)));
  return calendarFile(locale, useTranslations(locale)('events.title'), items);
};
