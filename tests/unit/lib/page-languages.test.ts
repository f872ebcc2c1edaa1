import { describe, expect, it } from 'vitest';
import {
  entryPageLanguages,
  everyLocalePage,
  existsIn,
  isOwnVersion,
  localize,
  ownVersionsIn,
  pageAlternates,
  partialPage,
} from '../../../src/lib/page-languages';
import { ownFirst } from '../../../src/lib/entry-lists';

const e = (id: string) => ({ id });

describe('translations and fallbacks', () => {
  const items = localize([e('it/accordo'), e('zh/accordo'), e('zh/richiesta-cinese'), e('en/only-en'), e('it/only-en')]);
  const find = (locale: string, slug: string) => items.find((i) => i.locale === locale && i.slug === slug)!;

  it('serves every entry in every locale: one slug is one entry', () => {
    expect(items).toHaveLength(3 * 3);
    expect(find('zh', 'accordo')).toMatchObject({ isFallback: false, sourceLocale: 'zh', translations: ['it', 'zh'] });
  });

  it('falls back to the default language (Italian) where a translation is missing', () => {
    expect(find('en', 'accordo')).toMatchObject({ isFallback: true, sourceLocale: 'it' });
    expect(find('en', 'accordo').entry.id).toBe('it/accordo');
  });

  it('falls back to the first existing language when even Italian is missing', () => {
    expect(find('it', 'richiesta-cinese')).toMatchObject({ isFallback: true, sourceLocale: 'zh' });
    expect(find('en', 'richiesta-cinese').entry.id).toBe('zh/richiesta-cinese');
  });

  it('lists a locale’s own entries first, then fallbacks', () => {
    const en = items.filter((i) => i.locale === 'en');
    const sorted = ownFirst(en as never[], (a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug)) as typeof en;
    expect(sorted.map((i) => [i.slug, i.isFallback])).toEqual([
      ['only-en', false],
      ['accordo', true],
      ['richiesta-cinese', true],
    ]);
  });

  it('keeps for a locale’s feeds and calendars only the entries that exist in it', () => {
    expect(ownVersionsIn(items, 'zh').map((i) => i.slug)).toEqual(['accordo', 'richiesta-cinese']);
    expect(ownVersionsIn(items, 'en').map((i) => i.slug)).toEqual(['only-en']);
    expect(items.filter(isOwnVersion)).toHaveLength(5);
  });
});

describe('page languages', () => {
  const items = localize([e('it/accordo'), e('zh/accordo'), e('zh/richiesta-cinese')]);
  const offerPath = (l: string, slug: string) => `/${l}/offers/${slug}/`;
  const page = (locale: string, slug: string) => entryPageLanguages(items.find((i) => i.locale === locale && i.slug === slug)!, offerPath);
  const links = (languages: ReturnType<typeof page>) => pageAlternates(languages).map((a) => [a.hreflang, a.path]);

  it('a translated entry: its versions are its translations, its canonical itself', () => {
    const zh = page('zh', 'accordo');
    expect(zh.versions).toEqual(['it', 'zh']);
    expect(zh.canonical).toBe('/zh/offers/accordo/');
    expect(existsIn(zh, 'zh')).toBe(true);
    expect(links(zh)).toEqual([
      ['it', '/it/offers/accordo/'],
      ['zh-CN', '/zh/offers/accordo/'],
      ['x-default', '/it/offers/accordo/'],
    ]);
    expect(zh.switchTo).toEqual({ it: '/it/offers/accordo/', zh: '/zh/offers/accordo/', en: '/en/offers/accordo/' });
  });

  it('a fallback page: canonical on the source, alternates of the real versions only, never itself', () => {
    const en = page('en', 'accordo');
    expect(existsIn(en, 'en')).toBe(false);
    expect(en.canonical).toBe('/it/offers/accordo/');
    expect(links(en)).toEqual(links(page('it', 'accordo')));
    expect(links(en).map(([, path]) => path)).not.toContain('/en/offers/accordo/');
    // The reader still switches between the entry's pages, fallback ones included.
    expect(en.switchTo.en).toBe('/en/offers/accordo/');
  });

  it('an entry only in Chinese: one version, canonical and x-default on it, Italian is a fallback', () => {
    const it_ = page('it', 'richiesta-cinese');
    expect(it_.versions).toEqual(['zh']);
    expect(it_.canonical).toBe('/zh/offers/richiesta-cinese/');
    expect(existsIn(it_, 'it')).toBe(false);
    expect(links(it_)).toEqual([
      ['zh-CN', '/zh/offers/richiesta-cinese/'],
      ['x-default', '/zh/offers/richiesta-cinese/'],
    ]);
    expect(links(page('zh', 'richiesta-cinese'))).toEqual(links(it_));
  });

  it('home pages: every locale, x-default on the language chooser', () => {
    const en = everyLocalePage('/en/');
    expect(en.canonical).toBe('/en/');
    expect(links(en)).toEqual([
      ['it', '/it/'],
      ['zh-CN', '/zh/'],
      ['en', '/en/'],
      ['x-default', '/'],
    ]);
    const chooser = everyLocalePage('/');
    expect(chooser.canonical).toBe('/');
    expect(links(chooser)).toEqual(links(en));
  });

  it('section pages: every locale, x-default on the Italian one', () => {
    expect(links(everyLocalePage('/zh/calls/'))).toEqual([
      ['it', '/it/calls/'],
      ['zh-CN', '/zh/calls/'],
      ['en', '/en/calls/'],
      ['x-default', '/it/calls/'],
    ]);
  });

  it('a page in some locales only: alternates of those, the switcher sends the others elsewhere', () => {
    const zh = partialPage('/zh/news/tags/ai/', ['en', 'zh'], (l) => `/${l}/news/`);
    expect(zh.versions).toEqual(['zh', 'en']);
    expect(zh.canonical).toBe('/zh/news/tags/ai/');
    expect(zh.switchTo).toEqual({ it: '/it/news/', zh: '/zh/news/tags/ai/', en: '/en/news/tags/ai/' });
    expect(links(zh)).toEqual([
      ['zh-CN', '/zh/news/tags/ai/'],
      ['en', '/en/news/tags/ai/'],
      ['x-default', '/zh/news/tags/ai/'],
    ]);
  });

  it('refuses a partial page outside its versions or without any', () => {
    expect(() => partialPage('/it/news/tags/ai/', ['zh'], (l) => `/${l}/news/`)).toThrow(/not one of the page's versions/);
    expect(() => partialPage('/it/news/tags/ai/', [], (l) => `/${l}/news/`)).toThrow(/at least one locale/);
  });
});
