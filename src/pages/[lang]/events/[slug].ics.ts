import type { APIRoute } from 'astro';
import { calendarFile, eventIcsItem } from '../../../lib/calendar';
import { calendarCacheKeys } from '../../../lib/cache-keys';
import { localizedEntries, type LocalizedEntry } from '../../../lib/entries';

export async function getStaticPaths() {
  const [items, cacheKey] = await Promise.all([localizedEntries('events'), calendarCacheKeys('events')]);
  return items.map((item) => ({ params: { lang: item.locale, slug: item.slug }, props: { item }, cacheKey: cacheKey(item) }));
}

/** One event as an .ics file. */
export const GET: APIRoute = ({ props }) => {
  const item = props.item as LocalizedEntry<'events'>;
  return calendarFile(item.locale, item.entry.data.title, [eventIcsItem(item)]);
};
