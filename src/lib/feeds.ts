import rss, { type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteConfig } from '../config/site';
import { isLocale, locales, type Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/translate';
import { localizedEntries, type LocalizedEntry } from './localized-entries';
import { ownVersionsIn } from './page-languages';
import { localeStaticPaths } from './routing';
import { ROME, dateStartInstant, toInstant } from './time';
import { byCodePoint } from './order';
import { termLabels } from './terms';
import { Vocabulary } from './vocabulary';
import { vocabulary } from './vocabularies';

/** No topics vocabulary: every topic and tag is shown as written. */
const NO_TOPICS = new Vocabulary('topics', []);

/**
 * RSS 2.0 feeds, one per locale and section: /<locale>/<section>/rss.xml.
 *
 * A feed carries only the entries written in its locale (fallbacks would put the same
 * Italian item in three feeds), newest first. Everything a feed contains comes from the
 * content, never from the clock, so two builds of the same content give the same bytes:
 * there is no <lastBuildDate>.
 */

export const FEED_COLLECTIONS = ['news', 'calls', 'events', 'bulletins'] as const;
export type FeedCollection = (typeof FEED_COLLECTIONS)[number];

type FeedEntry = LocalizedEntry<FeedCollection>;

/**
 * When an entry was published, as an instant: the start of its `date` in Rome for news,
 * calls and bulletins; the start of the event (wall clock in its own zone) for events.
 */
export function publishedAt(collection: FeedCollection, item: FeedEntry): Date {
  if (collection === 'events') {
    const { start, timezone } = (item as LocalizedEntry<'events'>).entry.data;
    return toInstant(start, timezone);
  }
  return dateStartInstant((item as LocalizedEntry<'news' | 'calls' | 'bulletins'>).entry.data.date, ROME);
}

/** Path of an entry's page in its locale. */
export const entryPath = (collection: FeedCollection, item: FeedEntry) => `/${item.locale}/${collection}/${item.slug}/`;

/**
 * The items of a locale's feed: its own translations only (no fallbacks), newest first,
 * ties broken by slug so that the order never depends on the input order.
 */
export function feedItems(collection: FeedCollection, items: readonly FeedEntry[], locale: Locale, topics = NO_TOPICS): RSSFeedItem[] {
  return ownVersionsIn(items, locale)
    .map((item) => ({ item, pubDate: publishedAt(collection, item) }))
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || byCodePoint(a.item.slug, b.item.slug))
    .map(({ item, pubDate }) => {
      const { title, summary } = item.entry.data;
      const feedItem: RSSFeedItem = { title, description: summary, link: entryPath(collection, item), pubDate };
      // Topics and tags as the feed's readers read them: topic labels in the feed's language.
      const categories = termLabels(item.entry.data, topics, locale);
      if (categories.length > 0) feedItem.categories = categories;
      return feedItem;
    });
}

/** Escapes text for an XML attribute or element. */
const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * Everything @astrojs/rss needs for one feed (pure): channel title and description in the
 * locale's language, <link> to the section page, <language> with the locale's BCP-47 tag and
 * an atom:link to the feed itself.
 */
export function feedOptions(
  collection: FeedCollection,
  locale: Locale,
  items: readonly FeedEntry[],
  site: string | URL = siteConfig.url,
  topics = NO_TOPICS,
): RSSOptions {
  const t = useTranslations(locale);
  const sectionUrl = new URL(`/${locale}/${collection}/`, site).href;
  const selfUrl = new URL('rss.xml', sectionUrl).href;
  return {
    title: t('feed.title', { section: t(`${collection}.title`), site: t('site.name') }),
    description: t(`${collection}.description`),
    site: sectionUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${xmlEscape(locales[locale].lang)}</language>` +
      `<atom:link href="${xmlEscape(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(collection, items, locale, topics),
  };
}

/** getStaticPaths of /<locale>/<collection>/rss.xml: the entries each feed lists, as props. */
export async function feedPaths(collection: FeedCollection) {
  const items = (await localizedEntries(collection)) as FeedEntry[];
  return localeStaticPaths().map((path) => ({ ...path, props: { items: ownVersionsIn(items, path.params.lang) } }));
}

/** GET of /<locale>/<collection>/rss.xml, from the props of feedPaths. */
export function feedGet(collection: FeedCollection): APIRoute {
  return async ({ params, props }) => {
    const locale = params.lang;
    if (!isLocale(locale)) return new Response(null, { status: 404 });
    const { items } = props as { items: FeedEntry[] };
    const response = await rss(feedOptions(collection, locale, items, siteConfig.url, await vocabulary('topics')));
    response.headers.set('Content-Type', 'application/rss+xml; charset=utf-8');
    return response;
  };
}
