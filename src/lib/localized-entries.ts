import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales';
import { localize } from './page-languages';
import type { CollectionName } from '../schema/collections';
import type { CollectionData } from '../schema/types';

/** An entry of a collection, with its front matter typed (see src/schema/types.ts). */
export type Entry<C extends CollectionName = CollectionName> = Omit<CollectionEntry<C>, 'data'> & { data: CollectionData[C] };

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


const cache = new Map<CollectionName, Promise<LocalizedEntry[]>>();

/**
 * Every entry of a collection in every locale, computed once per build: one slug is one entry
 * across locales; a locale without its own translation gets the default locale's (or, failing
 * that, the first existing) version, marked as a fallback. Drafts never appear.
 */
export function localizedEntries<C extends CollectionName>(collection: C): Promise<LocalizedEntry<C>[]> {
  let result = cache.get(collection);
  if (!result) {
    result = getCollection(collection, (e) => (e.data as { draft?: boolean }).draft !== true).then((loaded) => {
      const entries = loaded as unknown as Entry[];
      return localize(entries);
    });
    cache.set(collection, result);
  }
  return result as Promise<LocalizedEntry<C>[]>;
}

