import type { Locale } from '../i18n/locales';
import { localeKeys } from '../i18n/locales';
import { listCacheKey } from './cache-keys';
import { byFieldDesc, entriesIn, ownFirst, paginate, tagCounts, tagSlug } from './lists';

/** News of a locale, newest first, own translations before fallbacks. */
export async function newsList(locale: Locale) {
  return ownFirst(await entriesIn('news', locale), byFieldDesc('date'));
}

export const newsPageHref = (locale: Locale) => (n: number) => (n === 1 ? `/${locale}/news/` : `/${locale}/news/page/${n}/`);

/** getStaticPaths of /<locale>/news/ (page 1, with the tags): its cards, tag counts and page count, and a key made of them. */
export async function newsIndexPaths() {
  return Promise.all(
    localeKeys.map(async (lang) => {
      const all = await newsList(lang);
      const pages = paginate(all);
      const props = { items: pages[0] ?? [], pages: pages.length, tags: tagCounts(all) };
      return { params: { lang }, props, cacheKey: await listCacheKey(['news/index', props.pages, props.tags], lang, props.items) };
    }),
  );
}

/** getStaticPaths of /<locale>/news/page/<n>/ (pages 2 and up; page 1 is /<locale>/news/). */
export async function newsPagePaths() {
  const paths = [];
  for (const lang of localeKeys) {
    const pages = paginate(await newsList(lang));
    for (let n = 2; n <= pages.length; n++) {
      const items = pages[n - 1]!;
      const cacheKey = await listCacheKey(['news/page', n, pages.length], lang, items);
      paths.push({ params: { lang, page: String(n) }, props: { items, page: n, pages: pages.length }, cacheKey });
    }
  }
  return paths;
}

/** getStaticPaths of /<locale>/news/tags/<tag>/: one page per tag used in that locale. */
export async function newsTagPaths() {
  const paths = [];
  for (const lang of localeKeys) {
    const items = await newsList(lang);
    for (const [tag] of tagCounts(items)) {
      const tagged = items.filter((i) => (i.entry.data.tags ?? []).includes(tag));
      const cacheKey = await listCacheKey(['news/tags', tag], lang, tagged);
      paths.push({ params: { lang, tag: tagSlug(tag) }, props: { tag, items: tagged }, cacheKey });
    }
  }
  return paths;
}
