import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, localeKeys, type Locale } from '../i18n/locales';
import type { CollectionName } from '../schema/collections';

export type Entry<C extends CollectionName = CollectionName> = CollectionEntry<C>;

/** One entry in one locale: its own translation, or the source it falls back to. */
export interface LocalizedEntry<C extends CollectionName = CollectionName> {
  locale: Locale;
  slug: string;
  entry: Entry<C>;
  /** The locale the shown content is written in (differs from `locale` on a fallback). */
  sourceLocale: Locale;
  isFallback: boolean;
  /** Locales in which this entry has its own translation. */
  translations: Locale[];
}

export const splitId = (id: string) => {
  const [locale, slug] = id.split('/') as [Locale, string];
  return { locale, slug };
};

const cache = new Map<CollectionName, Promise<LocalizedEntry[]>>();

/**
 * Every entry of a collection in every locale, computed once per build: one slug is one entry
 * across locales; a locale without its own translation gets the default locale's (or, failing
 * that, the first existing) version, marked as a fallback. Drafts never appear.
 */
export function localizedEntries<C extends CollectionName>(collection: C): Promise<LocalizedEntry<C>[]> {
  let result = cache.get(collection);
  if (!result) {
    result = getCollection(collection, (e: Entry) => (e.data as { draft?: boolean }).draft !== true).then((entries) => {
      const bySlug = new Map<string, Partial<Record<Locale, Entry>>>();
      for (const entry of entries as Entry[]) {
        const { locale, slug } = splitId(entry.id);
        bySlug.set(slug, { ...bySlug.get(slug), [locale]: entry });
      }
      const out: LocalizedEntry[] = [];
      for (const [slug, versions] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
        const translations = localeKeys.filter((l) => versions[l]);
        const source = versions[defaultLocale] ? defaultLocale : translations[0]!;
        for (const locale of localeKeys) {
          const own = versions[locale];
          out.push({
            locale,
            slug,
            entry: own ?? versions[source]!,
            sourceLocale: own ? locale : source,
            isFallback: !own,
            translations,
          });
        }
      }
      return out;
    });
    cache.set(collection, result);
  }
  return result as Promise<LocalizedEntry<C>[]>;
}
