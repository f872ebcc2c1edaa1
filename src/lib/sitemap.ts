import { defaultLocale, localeKeys, type Locale } from '../i18n/locales';
import type { LocalizedEntry } from './localized-entries';
import { isOwnVersion, versionAlternates, type HreflangLink } from './page-languages';
import { localizedPath } from './routing';

/**
 * The XML sitemap (sitemaps.org 0.9) with hreflang alternates (xhtml:link), as search engines
 * read them: every URL lists itself and its translations, plus `x-default`, written by the
 * same function as a page's head (versionAlternates in src/lib/page-languages.ts).
 *
 * Only pages that exist in their own language are listed. A fallback URL (/zh/news/x/ showing
 * the Italian text) has its canonical link on the source page, so it is not a page of its
 * own for a crawler; it appears neither as a <url> nor as an alternate.
 */

/** An hreflang alternate: BCP-47 tag (`zh-CN`) or `x-default`, and a site-relative path or absolute URL. */
export type SitemapAlternate = HreflangLink;

export interface SitemapUrl {
  /** Site-relative path or absolute URL of the page. */
  path: string;
  /** The page's language versions, itself included, and x-default. Empty: none written. */
  alternates: SitemapAlternate[];
  /** Last modification, `YYYY-MM-DD`. */
  lastmod?: string;
}

/** One built page in one locale, as input to sitemapUrls(). */
export interface LocalePage {
  locale: Locale;
  /** Site-relative path, locale first: "/zh/news/x/". */
  path: string;
  lastmod?: string;
}

/** Escapes the five XML special characters (text and attribute values). */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The sitemap document for `urls`, with paths made absolute against `site` (pure). */
export function sitemapXml(urls: readonly SitemapUrl[], site: string | URL): string {
  const abs = (path: string) => xmlEscape(new URL(path, site).href);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const url of urls) {
    lines.push('  <url>', `    <loc>${abs(url.path)}</loc>`);
    if (url.lastmod) lines.push(`    <lastmod>${xmlEscape(url.lastmod)}</lastmod>`);
    for (const alt of url.alternates) {
      lines.push(`    <xhtml:link rel="alternate" hreflang="${xmlEscape(alt.hreflang)}" href="${abs(alt.path)}"/>`);
    }
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/**
 * Groups pages into language versions of one another (same path once the locale segment is
 * swapped) and gives each page its group's alternates (versionAlternates: every version in
 * locale order, then x-default). Output order follows the input (first page of each group),
 * versions in locale order.
 */
export function sitemapUrls(pages: readonly LocalePage[]): SitemapUrl[] {
  const groups = new Map<string, Map<Locale, LocalePage>>();
  for (const page of pages) {
    const key = localizedPath(page.path, defaultLocale);
    const group = groups.get(key) ?? new Map<Locale, LocalePage>();
    if (group.has(page.locale)) throw new Error(`sitemap: ${page.path} is listed twice`);
    group.set(page.locale, page);
    groups.set(key, group);
  }
  const urls: SitemapUrl[] = [];
  for (const group of groups.values()) {
    const versions = localeKeys.flatMap((l) => (group.has(l) ? [group.get(l)!] : []));
    const alternates = versionAlternates(versions);
    for (const v of versions) {
      const url: SitemapUrl = { path: v.path, alternates };
      if (v.lastmod) url.lastmod = v.lastmod;
      urls.push(url);
    }
  }
  return urls;
}

/** A page that every locale has (home, section index…): one LocalePage per locale. */
export function everyLocale(pathOf: (locale: Locale) => string): LocalePage[] {
  return localeKeys.map((locale) => ({ locale, path: pathOf(locale) }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The pages of a collection's entries that exist in their own language (isOwnVersion):
 * fallbacks are left out. `lastmod` is the entry's `updated`, else its `date`, when it has one.
 */
export function entryPages(items: readonly LocalizedEntry[], pathOf: (locale: Locale, slug: string) => string): LocalePage[] {
  return items
    .filter(isOwnVersion)
    .map((item) => {
      const data = item.entry.data as { updated?: unknown; date?: unknown };
      const lastmod = [data.updated, data.date].find((d): d is string => typeof d === 'string' && DATE.test(d));
      const page: LocalePage = { locale: item.locale, path: pathOf(item.locale, item.slug) };
      if (lastmod) page.lastmod = lastmod;
      return page;
    });
}
