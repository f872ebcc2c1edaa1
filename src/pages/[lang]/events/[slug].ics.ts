import type { APIRoute } from 'astro';
import { eventCalendar, icsResponse } from '../../../lib/calendar';
import { revisions } from '../../../history/revisions';
import { localizedEntries, type LocalizedEntry } from '../../../lib/localized-entries';

// One event as an .ics file, in `astro dev` and the stock build (src/build/mode.ts). A build
// writes all of them at once from src/pages/[calendars].json.ts, with the same text
// (src/build/calendar-files.ts says why).
export async function getStaticPaths() {
  if (__CALENDAR_FILES_AT_ONCE__) return [];
  return (await localizedEntries('events')).map((item) => ({ params: { lang: item.locale, slug: item.slug }, props: { item } }));
}

export const GET: APIRoute = async ({ props }) => {
  const item = props.item as LocalizedEntry<'events'>;
  return icsResponse(eventCalendar(item, (await revisions())(item.entry)));
};
