import type { Locale } from '../i18n/locales';

/**
 * Where the search index of a language is served: one Pagefind bundle per language
 * (src/build/search-index.ts builds them; the search island of /<locale>/search/ loads its own).
 */
export const SEARCH_ROOT = '/pagefind/';
export const searchBundlePath = (locale: Locale): string => `${SEARCH_ROOT}${locale}/`;
