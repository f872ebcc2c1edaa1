import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/locales';
import type { LocalizedEntry } from '../../../src/lib/localized-entries';
import { feedItems, feedOptions, type FeedCollection } from '../../../src/lib/feeds';

const SITE = 'https://example.org';

/** A LocalizedEntry as localizedEntries() gives it, with only what feeds read. */
function entry(
  collection: FeedCollection,
  slug: string,
  locale: Locale,
  data: Record<string, unknown>,
  { fallbackFrom }: { fallbackFrom?: Locale } = {},
) {
  const sourceLocale = fallbackFrom ?? locale;
  return {
    locale,
    slug,
    sourceLocale,
    isFallback: fallbackFrom !== undefined,
    translations: [sourceLocale],
    entry: { id: `${sourceLocale}/${slug}`, collection, data: { summary: `Summary of ${slug}`, ...data } },
  } as unknown as LocalizedEntry<FeedCollection>;
}

/** The feed as a reader gets it. */
const feed = (collection: FeedCollection, locale: Locale, items: LocalizedEntry<FeedCollection>[]) =>
  getRssString(feedOptions(collection, locale, items, SITE));

/** The <item> elements of a feed, each as { title, link, pubDate, description }. */
function items(xml: string) {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, body]) => {
    const tag = (name: string) => body!.match(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`))?.[1];
    return { title: tag('title'), link: tag('link'), pubDate: tag('pubDate'), description: tag('description') };
  });
}

describe('RSS feeds', () => {
  const news = [
    entry('news', 'older', 'zh', { title: '旧闻', date: '2025-12-31' }),
    entry('news', 'newest', 'zh', { title: '最新', date: '2026-03-01' }),
    entry('news', 'italian-only', 'zh', { title: 'Solo in italiano', date: '2026-06-01' }, { fallbackFrom: 'it' }),
    entry('news', 'middle', 'zh', { title: '中间', date: '2026-01-05', tags: ['forum'] }),
    entry('news', 'newest', 'it', { title: 'Più recente', date: '2026-03-01' }),
  ];

  it("lists only the locale's own entries, newest first, with links to their pages", async () => {
    const got = items(await feed('news', 'zh', news));
    expect(got.map((i) => i.title)).toEqual(['最新', '中间', '旧闻']);
    expect(got.map((i) => i.link)).toEqual([
      'https://example.org/zh/news/newest/',
      'https://example.org/zh/news/middle/',
      'https://example.org/zh/news/older/',
    ]);
    expect(got[0]!.description).toBe('Summary of newest');
    const xml = await feed('news', 'zh', news);
    expect(xml).not.toContain('Solo in italiano');
    expect(xml).not.toContain('italian-only');
    expect(xml).not.toContain('Più recente');
  });

  it('dates news from the start of their day in Rome', async () => {
    // 1 March 2026 00:00 in Rome (CET, UTC+1) is 28 February 23:00 UTC.
    expect(items(await feed('news', 'zh', news))[0]!.pubDate).toBe('Sat, 28 Feb 2026 23:00:00 GMT');
    // 1 June 2026 00:00 in Rome (CEST, UTC+2) is 31 May 22:00 UTC.
    const it1 = [entry('bulletins', 'issue-1', 'it', { title: 'Numero 1', date: '2026-06-01', issue: 1 })];
    expect(items(await feed('bulletins', 'it', it1))[0]!.pubDate).toBe('Sun, 31 May 2026 22:00:00 GMT');
  });

  it('dates and orders events by their start instant in their own zone, not by wall clock', async () => {
    const events = [
      entry('events', 'beijing', 'en', { title: 'Beijing', start: '2026-09-16T09:00', timezone: 'Asia/Shanghai' }),
      entry('events', 'naples', 'en', { title: 'Naples', start: '2026-09-16T08:00', timezone: 'Europe/Rome' }),
    ];
    const got = items(await feed('events', 'en', events));
    // 08:00 in Naples (06:00Z) comes after 09:00 in Beijing (01:00Z).
    expect(got.map((i) => [i.title, i.pubDate])).toEqual([
      ['Naples', 'Wed, 16 Sep 2026 06:00:00 GMT'],
      ['Beijing', 'Wed, 16 Sep 2026 01:00:00 GMT'],
    ]);
  });

  it('breaks ties by slug, whatever the input order', () => {
    const a = entry('calls', 'a-call', 'it', { title: 'A', date: '2026-02-02' });
    const b = entry('calls', 'b-call', 'it', { title: 'B', date: '2026-02-02' });
    expect(feedItems('calls', [b, a], 'it').map((i) => i.title)).toEqual(['A', 'B']);
    expect(feedItems('calls', [a, b], 'it').map((i) => i.title)).toEqual(['A', 'B']);
  });

  it("describes the channel in the feed's language, with its language tag and self link", async () => {
    const xml = await feed('news', 'zh', news);
    const channel = xml.slice(0, xml.indexOf('<item>'));
    expect(channel).toContain('<title>中国—意大利技术转移中心｜新闻</title>');
    expect(channel).toContain('<description>中国—意大利技术转移中心新闻：合作协议、论坛活动、考察交流与合作成果。</description>');
    expect(channel).toContain('<link>https://example.org/zh/news/</link>');
    expect(channel).toContain('<language>zh-CN</language>');
    expect(channel).toMatch(/<atom:link href="https:\/\/example\.org\/zh\/news\/rss\.xml" rel="self" type="application\/rss\+xml"\s*\/>/);
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');

    const italian = await feed('calls', 'it', []);
    expect(italian).toContain('<title>Bandi e opportunità · Centro per il Trasferimento Tecnologico Italia-Cina</title>');
    expect(italian).toContain('<language>it</language>');
  });

  it('carries tags as categories and escapes markup in text', async () => {
    const xml = await feed('news', 'en', [
      entry('news', 'rd', 'en', { title: 'R&D <deals> signed', date: '2026-01-01', tags: ['ip', 'forum'] }),
    ]);
    expect(xml).toContain('<title>R&amp;D &lt;deals&gt; signed</title>');
    expect(xml).toContain('<category>ip</category>');
    expect(xml).toContain('<category>forum</category>');
  });

  it('is the same bytes every time: nothing in it comes from the clock', async () => {
    const first = await feed('news', 'zh', news);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await feed('news', 'zh', [...news].reverse())).toBe(first);
    expect(first).not.toContain('lastBuildDate');
  });
});
