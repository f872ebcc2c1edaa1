import type { APIRoute } from 'astro';
import { COURSE_FORMATS, COURSE_LANGUAGES, EVENT_TYPES, OFFER_KINDS } from '../schema/collections';
import { localizedEntries } from '../lib/localized-entries';
import { filterCss } from '../lib/filters';
import { vocabulary } from '../lib/vocabularies';

/** The stylesheet of the list filters (events, courses, offers), generated from the content. */
export const GET: APIRoute = async () => {
  const events = await localizedEntries('events');
  const offers = await localizedEntries('offers');
  const sectors = await vocabulary('sectors');
  const css = filterCss([
    { name: 'type', values: [...EVENT_TYPES] },
    { name: 'country', values: [...events, ...offers].map((i) => i.entry.data.country) },
    { name: 'format', values: [...COURSE_FORMATS] },
    { name: 'languages', values: [...COURSE_LANGUAGES] },
    { name: 'open', values: ['open', 'closed'] },
    { name: 'kind', values: [...OFFER_KINDS] },
    { name: 'sector', values: offers.map((i) => sectors.key(i.entry.data.sector)) },
    { name: 'trl', values: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  ]);
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
