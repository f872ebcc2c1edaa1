import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/locales';
import type { LocalizedEntry } from '../../../src/lib/localized-entries';
import { entryPageLanguages, everyLocalePage, isOwnVersion, pageAlternates } from '../../../src/lib/page-languages';
import { entryPages, everyLocale, sitemapUrls, sitemapXml, xmlEscape, type SitemapUrl } from '../../../src/lib/sitemap';

const SITE = 'https://example.org';
const LOCALES: Locale[] = ['it', 'zh', 'en'];

/** What localizedEntries() gives for a slug written in `own` locales (data per locale). */
function localized(slug: string, own: Partial<Record<Locale, Record<string, unknown>>>) {
  const translations = LOCALES.filter((l) => own[l]);
  const source = own.it ? 'it' : translations[0]!;
  return LOCALES.map((locale) => ({
    locale,
    slug,
    sourceLocale: own[locale] ? locale : source,
    isFallback: !own[locale],
    translations,
    entry: { id: `${own[locale] ? locale : source}/${slug}`, data: own[locale] ?? own[source] },
  })) as unknown as LocalizedEntry[];
}

const newsPath = (l: Locale, slug: string) => `/${l}/news/${slug}/`;

/** The <url> elements of a sitemap as a crawler reads them: loc, lastmod, hreflang → href. */
function parse(xml: string) {
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => ({
    loc: body!.match(/<loc>(.*?)<\/loc>/)?.[1],
    lastmod: body!.match(/<lastmod>(.*?)<\/lastmod>/)?.[1],
    alternates: [...body!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, h, href]) => [h, href]),
  }));
}

const xmlOf = (urls: SitemapUrl[]) => sitemapXml(urls, SITE);

describe('sitemap', () => {
  it('is a sitemaps.org urlset with the xhtml namespace for alternates', () => {
    const xml = xmlOf(sitemapUrls(everyLocale((l) => `/${l}/`)));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">');
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true);
  });

  it('lists home pages with every language as alternate and x-default on the language chooser', () => {
    const urls = parse(xmlOf(sitemapUrls(everyLocale((l) => `/${l}/`))));
    expect(urls.map((u) => u.loc)).toEqual(['https://example.org/it/', 'https://example.org/zh/', 'https://example.org/en/']);
    for (const url of urls) {
      expect(url.alternates).toEqual([
        ['it', 'https://example.org/it/'],
        ['zh-CN', 'https://example.org/zh/'],
        ['en', 'https://example.org/en/'],
        ['x-default', 'https://example.org/'],
      ]);
    }
  });

  it('points x-default of a section page to its Italian version', () => {
    const urls = parse(xmlOf(sitemapUrls(everyLocale((l) => `/${l}/calls/`))));
    expect(urls[1]!.loc).toBe('https://example.org/zh/calls/');
    expect(urls[1]!.alternates.at(-1)).toEqual(['x-default', 'https://example.org/it/calls/']);
  });

  it('leaves fallback URLs out entirely: neither as <url> nor as alternate', () => {
    const items = localized('forum', { it: { date: '2026-05-27' }, en: { date: '2026-05-27' } });
    const xml = xmlOf(sitemapUrls(entryPages(items, newsPath)));
    expect(xml).not.toContain('/zh/news/forum/');
    const urls = parse(xml);
    expect(urls.map((u) => u.loc)).toEqual(['https://example.org/it/news/forum/', 'https://example.org/en/news/forum/']);
    expect(urls[1]!.alternates).toEqual([
      ['it', 'https://example.org/it/news/forum/'],
      ['en', 'https://example.org/en/news/forum/'],
      ['x-default', 'https://example.org/it/news/forum/'],
    ]);
  });

  it('sends x-default to the source language when an entry has no Italian version', () => {
    const items = localized('mural', { zh: {} });
    const urls = parse(xmlOf(sitemapUrls(entryPages(items, (l, s) => `/${l}/offers/${s}/`))));
    expect(urls).toEqual([
      {
        loc: 'https://example.org/zh/offers/mural/',
        lastmod: undefined,
        alternates: [
          ['zh-CN', 'https://example.org/zh/offers/mural/'],
          ['x-default', 'https://example.org/zh/offers/mural/'],
        ],
      },
    ]);
  });

  it('keeps entries of different slugs apart and dates them by updated, else date', () => {
    const items = [
      ...localized('a', { it: { date: '2026-01-10', updated: '2026-02-01' }, zh: { date: '2026-01-10' } }),
      ...localized('b', { it: { date: '2025-12-01' } }),
    ];
    const urls = parse(xmlOf(sitemapUrls(entryPages(items, newsPath))));
    expect(urls.map((u) => [u.loc, u.lastmod, u.alternates.length])).toEqual([
      ['https://example.org/it/news/a/', '2026-02-01', 3],
      ['https://example.org/zh/news/a/', '2026-01-10', 3],
      ['https://example.org/it/news/b/', '2025-12-01', 2],
    ]);
  });

  it('puts pages at /<locale>/<slug>/ in their own group, apart from sections', () => {
    const pages = localized('about', { it: {}, zh: {}, en: {} });
    const urls = parse(xmlOf(sitemapUrls([...entryPages(pages, (l, s) => `/${l}/${s}/`), ...everyLocale((l) => `/${l}/news/`)])));
    expect(urls[0]!.alternates.map(([, href]) => href)).toEqual([
      'https://example.org/it/about/',
      'https://example.org/zh/about/',
      'https://example.org/en/about/',
      'https://example.org/it/about/',
    ]);
    expect(urls).toHaveLength(6);
  });

  it('gives each page the alternates its head writes, fallbacks’ heads included', () => {
    const items = [...localized('forum', { it: {}, en: {} }), ...localized('mural', { zh: {} })];
    const urls = sitemapUrls([...entryPages(items, newsPath), ...everyLocale((l) => `/${l}/`), ...everyLocale((l) => `/${l}/news/`)]);
    const inSitemap = (path: string) => urls.find((u) => u.path === path)?.alternates;
    for (const item of items) {
      const head = pageAlternates(entryPageLanguages(item, newsPath));
      const path = newsPath(item.locale, item.slug);
      if (isOwnVersion(item)) expect(inSitemap(path), path).toEqual(head);
      else expect(inSitemap(path), path).toBeUndefined();
      for (const alternate of head.filter((a) => a.hreflang !== 'x-default')) expect(inSitemap(alternate.path), alternate.path).toEqual(head);
    }
    for (const path of ['/it/', '/zh/news/']) expect(inSitemap(path)).toEqual(pageAlternates(everyLocalePage(path)));
  });

  it('escapes XML in URLs and values', () => {
    expect(xmlEscape(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
    const xml = sitemapXml(
      [{ path: "/it/search/?q=a&b='x'", lastmod: '2026-01-01', alternates: [{ hreflang: 'it', path: '/it/?a=1&b=2' }] }],
      SITE,
    );
    expect(xml).toContain('<loc>https://example.org/it/search/?q=a&amp;b=%27x%27</loc>');
    expect(xml).toContain('href="https://example.org/it/?a=1&amp;b=2"');
    expect(xml).not.toMatch(/&(?!amp;|apos;|quot;|lt;|gt;)/);
  });

  it('refuses the same page twice', () => {
    expect(() => sitemapUrls([...everyLocale((l) => `/${l}/`), { locale: 'it', path: '/it/' }])).toThrow(/\/it\/ is listed twice/);
  });
});
