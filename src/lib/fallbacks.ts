import { defaultLocale, localeKeys, type Locale } from '../i18n/locales';
import { byCodePoint } from './order';

/** The locale and slug of an entry id "<locale>/<slug>". */
export const splitId = (id: string) => {
  const [locale, slug] = id.split('/') as [Locale, string];
  return { locale, slug };
};

/**
 * The fallback rules, as a pure function over entries (ids "<locale>/<slug>"): one item per
 * slug and locale; a locale without its own version shows the default locale's, or the first
 * existing one in locale order when even that is missing.
 */
export function localize<E extends { id: string }>(entries: E[]) {
  const bySlug = new Map<string, Partial<Record<Locale, E>>>();
  for (const entry of entries) {
    const { locale, slug } = splitId(entry.id);
    bySlug.set(slug, { ...bySlug.get(slug), [locale]: entry });
  }
  const out: { locale: Locale; slug: string; entry: E; sourceLocale: Locale; isFallback: boolean; translations: Locale[] }[] = [];
  for (const [slug, versions] of [...bySlug].sort(([a], [b]) => byCodePoint(a, b))) {
    const translations = localeKeys.filter((l) => versions[l]);
    const source = versions[defaultLocale] ? defaultLocale : translations[0]!;
    for (const locale of localeKeys) {
      const own = versions[locale];
      out.push({ locale, slug, entry: own ?? versions[source]!, sourceLocale: own ? locale : source, isFallback: !own, translations });
    }
  }
  return out;
}
