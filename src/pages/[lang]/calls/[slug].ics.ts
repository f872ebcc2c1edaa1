import type { APIRoute } from 'astro';
import { calendarFile, callIcsItem } from '../../../lib/calendar';
import { calendarCacheKeys } from '../../../lib/cache-keys';
import { localizedEntries, type LocalizedEntry } from '../../../lib/entries';

export async function getStaticPaths() {
  const [items, cacheKey] = await Promise.all([localizedEntries('calls'), calendarCacheKeys('calls')]);
  return items.map((item) => ({ params: { lang: item.locale, slug: item.slug }, props: { item }, cacheKey: cacheKey(item) }));
}

/** A reminder of a call's deadline as an .ics file, with an alarm the day before. */
export const GET: APIRoute = ({ props }) => {
  const item = props.item as LocalizedEntry<'calls'>;
  return calendarFile(item.locale, item.entry.data.title, [callIcsItem(item, item.locale)]);
};
