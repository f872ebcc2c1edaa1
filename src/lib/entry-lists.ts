import type { Locale } from '../i18n/locales';
import type { CollectionName } from '../schema/collections';
import { localizedEntries, type LocalizedEntry } from './localized-entries';
import { byCodePoint } from './order';

/** Number of entries per page of a paginated list. */
export const PAGE_SIZE = 10;

/**
 * A locale's list of a collection: its own translations first, then entries shown in another
 * language (marked as fallbacks), each group in the order given by `compare`.
 */
export function ownFirst<C extends CollectionName>(
  items: LocalizedEntry<C>[],
  compare: (a: LocalizedEntry<C>, b: LocalizedEntry<C>) => number,
): LocalizedEntry<C>[] {
  const own = items.filter((i) => !i.isFallback).sort(compare);
  const fallbacks = items.filter((i) => i.isFallback).sort(compare);
  return [...own, ...fallbacks];
}

/** Newest first by a YYYY-MM-DD (or wall-clock datetime) field; ties by slug for stable builds. */
export function byFieldDesc(field: string) {
  return (a: LocalizedEntry, b: LocalizedEntry) => {
    const x = String((a.entry.data as Record<string, unknown>)[field] ?? '');
    const y = String((b.entry.data as Record<string, unknown>)[field] ?? '');
    return byCodePoint(y, x) || byCodePoint(a.slug, b.slug);
  };
}

/** The entries of a collection in one locale (own translations and fallbacks). */
export async function entriesIn<C extends CollectionName>(collection: C, locale: Locale): Promise<LocalizedEntry<C>[]> {
  return (await localizedEntries(collection)).filter((i) => i.locale === locale);
}

/** Splits a list into pages of PAGE_SIZE (at least one page, possibly empty). */
export function paginate<T>(items: T[], size = PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}
