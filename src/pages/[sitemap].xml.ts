import type { APIRoute } from 'astro';
import { siteConfig } from '../config/site';
import { defaultLocale } from '../i18n/locales';
import { localizedEntries } from '../lib/localized-entries';
import { newsPagePaths, newsTagPaths } from '../lib/news';
import { entryPages, everyLocale, sitemapUrls, sitemapXml, type LocalePage } from '../lib/sitemap';
import { collectionNames } from '../schema/collections';
import { keyedPaths } from '../build/cache-keys';
import { monthPages } from './[lang]/events/month/_months';

// /sitemap.xml: every public page of every locale with its hreflang alternates. Not listed:
// fallback URLs (their canonical is the source page), 404 and search pages (noindex), /admin/, feeds.
// A route with one path, so that it can have a cache key (src/build/cache-keys.ts), made of the
// pages it lists: writing the XML of every page of a large site is a noticeable part of a rebuild.

/**
 * Pages that every locale has under /<locale>/: the section indexes and the events' month
 * view. A new page of that kind must be added here (entries, news pages and tags follow
 * their routes by themselves).
 */
const SECTION_PAGES = ['news', 'calls', 'events', 'events/month', 'courses', 'bulletins', 'offers', 'partners'] as const;

export async function getStaticPaths() {
  const pages = await sitemapPages();
  return keyedPaths('sitemap', [{ params: { sitemap: 'sitemap' }, props: { pages } }]);
}

export const GET: APIRoute = ({ props }) => {
  const urls = sitemapUrls(props.pages as LocalePage[]);
  // "/" (the language chooser) is the home pages' x-default: listed with the same alternates.
  const home = urls.find((u) => u.path === `/${defaultLocale}/`)!;
  urls.unshift({ path: '/', alternates: home.alternates });
  return new Response(sitemapXml(urls, siteConfig.url), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

/** Every public page of every locale, with its last change where known. */
async function sitemapPages(): Promise<LocalePage[]> {
  const pages: LocalePage[] = [
    ...everyLocale((l) => `/${l}/`),
    ...SECTION_PAGES.flatMap((section) => everyLocale((l) => `/${l}/${section}/`)),
    // The events' month pages: the same months in every locale.
    ...(await monthPages(defaultLocale)).pages.flatMap(({ month }) => everyLocale((l) => `/${l}/events/month/${month}/`)),
    // The news list's further pages and tag pages: built from the same paths as their routes.
    ...(await newsPagePaths()).map(({ params }) => ({ locale: params.lang, path: `/${params.lang}/news/page/${params.page}/` })),
    ...(await newsTagPaths()).map(({ params }) => ({ locale: params.lang, path: `/${params.lang}/news/tags/${params.tag}/` })),
  ];
  for (const collection of collectionNames) {
    const items = await localizedEntries(collection);
    pages.push(...entryPages(items, (l, slug) => (collection === 'pages' ? `/${l}/${slug}/` : `/${l}/${collection}/${slug}/`)));
  }
  return pages;
}
