import { defaultLocale, localeKeys, locales, type Locale } from '../i18n/locales';
import { byCodePoint } from './order';
import { localeFromPath, localizedPath } from './routing';

/*
 * Which languages a page exists in: the one answer that the head (canonical, hreflang
 * alternates, x-default, og:locale), the sitemap, the feeds, the locales' calendars, the search
 * index, the language switcher and the fallback notice all read.
 *
 * A page exists in a locale when that locale has it as a page of its own, which is its own
 * canonical. An entry without a translation in a locale is still served there for readers (a
 * fallback: the source language's text under that locale's menus), but it is not a version of
 * its own: its canonical is the source page, and it is no hreflang alternate, no sitemap URL, no
 * feed or calendar item and no search result.
 */

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

/** What an entry in one locale says about its languages (a LocalizedEntry has it). */
export interface EntryLanguages {
  locale: Locale;
  slug: string;
  /** The locale whose text is shown (differs from `locale` on a fallback). */
  sourceLocale: Locale;
  /** Locales in which the entry has its own translation. */
  translations: readonly Locale[];
}

/** Whether an entry's page in its locale is a version of its own (not a fallback). */
export const isOwnVersion = (item: Pick<EntryLanguages, 'locale' | 'translations'>): boolean => item.translations.includes(item.locale);

/** The entries of `items` that are versions of their own in `locale`: a feed's or a calendar's items. */
export function ownVersionsIn<T extends Pick<EntryLanguages, 'locale' | 'translations'>>(items: readonly T[], locale: Locale): T[] {
  return items.filter((item) => item.locale === locale && isOwnVersion(item));
}

/** What a page knows about its languages. */
export interface PageLanguages {
  /**
   * Locales in which this page exists as a page of its own (its own canonical), in locale
   * order: its hreflang alternates and its sitemap group. Never empty.
   */
  versions: Locale[];
  /**
   * Where the language switcher sends a reader, per locale: the same page in that locale, or
   * the nearest page that exists there. For a locale in `versions`, that version's path.
   */
  switchTo: Record<Locale, string>;
  /** The page's canonical path (a fallback's is its source page). */
  canonical: string;
}

const perLocale = (pathOf: (locale: Locale) => string) => Object.fromEntries(localeKeys.map((l) => [l, pathOf(l)])) as Record<Locale, string>;

/**
 * A page that exists only in `versions` (for instance a list of a tag that only some locales
 * use), shown at `pathname`, which must be one of them. The switcher sends the other locales
 * to `elsewhere(locale)`.
 */
export function partialPage(pathname: string, versions: readonly Locale[], elsewhere: (locale: Locale) => string): PageLanguages {
  const own = localeKeys.filter((l) => versions.includes(l));
  const locale = localeFromPath(pathname);
  if (own.length === 0) throw new Error(`${pathname}: a page exists in at least one locale`);
  if (locale && !own.includes(locale)) throw new Error(`${pathname}: not one of the page's versions (${own.join(', ')})`);
  return {
    versions: own,
    switchTo: perLocale((l) => (own.includes(l) ? localizedPath(pathname, l) : elsewhere(l))),
    canonical: pathname,
  };
}

/** A page that every locale has (home, section lists, "/"): every locale is a version. */
export function everyLocalePage(pathname: string): PageLanguages {
  return partialPage(pathname, localeKeys, (l) => localizedPath(pathname, l));
}

/**
 * The page of an entry in its locale: its versions are the entry's own translations. Every
 * locale serves the entry (its own text or a fallback), so the switcher goes to the entry in
 * each. A fallback page's canonical is the page of its source language.
 */
export function entryPageLanguages(item: EntryLanguages, pathOf: (locale: Locale, slug: string) => string): PageLanguages {
  const switchTo = perLocale((l) => pathOf(l, item.slug));
  return {
    versions: localeKeys.filter((l) => item.translations.includes(l)),
    switchTo,
    canonical: switchTo[isOwnVersion(item) ? item.locale : item.sourceLocale],
  };
}

/** Whether the page exists in `locale` as a page of its own (shown there otherwise, it is a fallback). */
export const existsIn = (languages: PageLanguages, locale: Locale): boolean => languages.versions.includes(locale);

/** The locale of the page's canonical, whose text it shows; undefined for "/". */
export const canonicalLocale = (languages: PageLanguages): Locale | undefined => localeFromPath(languages.canonical);

/** One version of a page: its locale and site-relative path. */
export interface PageVersion {
  locale: Locale;
  path: string;
}

/** One hreflang alternate: a BCP-47 tag (`zh-CN`) or `x-default`, and a site-relative path. */
export interface HreflangLink {
  hreflang: string;
  path: string;
}

const isHome = (path: string) => path === '/' || path === `/${localeFromPath(path)}/`;

/**
 * The hreflang alternates of a group of versions, as a page's head and the sitemap both write
 * them: every version in locale order, then x-default, which is "/" (the language chooser) for
 * home pages, else the default locale's version, else the first version. A page with a single
 * version lists itself and x-default (itself): its text is what every language gets.
 */
export function versionAlternates(versions: readonly PageVersion[]): HreflangLink[] {
  const sorted = localeKeys.flatMap((l) => versions.filter((v) => v.locale === l));
  const first = sorted[0];
  if (!first) throw new Error('hreflang alternates of a page without versions');
  const xDefault = isHome(first.path) ? '/' : (sorted.find((v) => v.locale === defaultLocale) ?? first).path;
  return [...sorted.map((v) => ({ hreflang: locales[v.locale].lang, path: v.path })), { hreflang: 'x-default', path: xDefault }];
}

/** The hreflang alternates of a page (site-relative paths). */
export function pageAlternates(languages: PageLanguages): HreflangLink[] {
  return versionAlternates(languages.versions.map((locale) => ({ locale, path: languages.switchTo[locale] })));
}
