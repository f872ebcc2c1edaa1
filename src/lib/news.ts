import type { Locale } from '../i18n/locales';
import { localeKeys } from '../i18n/locales';
import { byFieldDesc, entriesIn, ownFirst, paginate } from './entry-lists';
import { termGroups } from './terms';
import { vocabulary } from './vocabularies';

/** News of a locale, newest first, own translations before fallbacks. */
export async function newsList(locale: Locale) {
  return ownFirst(await entriesIn('news', locale), byFieldDesc('date'));
}

export const newsPageHref = (locale: Locale) => (n: number) => (n === 1 ? `/${locale}/news/` : `/${locale}/news/page/${n}/`);

/** Path of the page of a topic or tag of the news: the key as it is (browsers percent-encode it). */
export const newsTagPath = (locale: Locale, key: string) => `/${locale}/news/tags/${key}/`;

/** The topics and tags of a locale's news, each with its entries (src/lib/terms.ts). */
async function newsTermGroups(locale: Locale) {
  return termGroups(await newsList(locale), await vocabulary('topics'), locale);
}

/** getStaticPaths of /<locale>/news/ (page 1, with the tags): its cards, tag counts and page count. */
export async function newsIndexPaths() {
  const paths = await Promise.all(
    localeKeys.map(async (lang) => {
      const all = await newsList(lang);
      const pages = paginate(all);
      const tags = (await newsTermGroups(lang)).map((g) => ({ key: g.key, label: g.label, count: g.items.length }));
      return { params: { lang }, props: { items: pages[0] ?? [], pages: pages.length, tags } };
    }),
  );
  return paths;
}

/** getStaticPaths of /<locale>/news/page/<n>/ (pages 2 and up; page 1 is /<locale>/news/). */
export async function newsPagePaths() {
  const paths = [];
  for (const lang of localeKeys) {
    const pages = paginate(await newsList(lang));
    for (let n = 2; n <= pages.length; n++) {
      const items = pages[n - 1]!;
      paths.push({ params: { lang, page: String(n) }, props: { items, page: n, pages: pages.length } });
    }
  }
  return paths;
}

/**
 * getStaticPaths of /<locale>/news/tags/<key>/: one page per topic and per tag used in that
 * locale. A topic has a page in every locale whose news carry it (in its label there); a free
 * tag only where entries of that language carry it. `versions` are the locales where the same
 * page exists: its language versions (hreflang, sitemap), and where the language switcher can
 * lead.
 */
export async function newsTagPaths() {
  const byLocale = await Promise.all(localeKeys.map(async (lang) => ({ lang, groups: await newsTermGroups(lang) })));
  const versionsOf = (topic: boolean, key: string) =>
    byLocale.filter(({ groups }) => groups.some((g) => g.topic === topic && g.key === key)).map(({ lang }) => lang);
  const paths = [];
  for (const { lang, groups } of byLocale) {
    for (const group of groups) {
      const versions = versionsOf(group.topic, group.key);
      paths.push({ params: { lang, tag: group.key }, props: { key: group.key, label: group.label, items: group.items, versions } });
    }
  }
  return paths;
}
