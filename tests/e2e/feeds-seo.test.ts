import { parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser';

const base = inject('baseURL');
const browser = useBrowser();
const get = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
};
const xml = (text: string) => parseDocument(text, { xmlMode: true });
const all = (node: ReturnType<typeof xml>, name: string): { attribs: Record<string, string>; text: string }[] => {
  const out: { attribs: Record<string, string>; text: string }[] = [];
  const walk = (n: any) => {
    if (n.name === name) out.push({ attribs: n.attribs ?? {}, text: (n.children ?? []).map((c: any) => c.data ?? '').join('') });
    for (const c of n.children ?? []) walk(c);
  };
  walk(node);
  return out;
};

describe('feeds', () => {
  it('list a locale’s own news, newest first, in its language', async () => {
    const zh = xml(await get('/zh/news/rss.xml'));
    expect(all(zh, 'language')[0]?.text).toBe('zh-CN');
    const links = all(zh, 'link').map((l) => l.text).filter((l) => l.includes('/news/') && !l.endsWith('/news/'));
    // beijing-delegation-visits-bergamo exists only in Italian: it is not in the Chinese feed.
    expect(links.some((l) => l.includes('beijing-delegation-visits-bergamo'))).toBe(false);
    expect(links.some((l) => l.includes('/zh/news/naples-forum-2026-report/'))).toBe(true);
    const dates = all(zh, 'pubDate').map((d) => Date.parse(d.text));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('exist for calls, events and bulletins in every locale', async () => {
    for (const locale of ['it', 'zh', 'en']) {
      for (const section of ['calls', 'events', 'bulletins']) {
        expect(all(xml(await get(`/${locale}/${section}/rss.xml`)), 'item').length, `${locale}/${section}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('sitemap and robots', () => {
  it('list every page with hreflang alternates of its real translations only', async () => {
    const doc = xml(await get('/sitemap.xml'));
    const locs = all(doc, 'loc').map((l) => new URL(l.text).pathname);
    expect(locs).toContain('/zh/news/naples-forum-2026-report/');
    expect(locs).toContain('/it/news/beijing-delegation-visits-bergamo/');
    // Fallbacks are not listed: the English URL of an Italian-only item.
    expect(locs).not.toContain('/en/news/beijing-delegation-visits-bergamo/');
    const alternates = all(doc, 'xhtml:link').map((l) => new URL(l.attribs.href!).pathname);
    expect(alternates).not.toContain('/en/news/beijing-delegation-visits-bergamo/');
    expect(all(doc, 'xhtml:link').some((l) => l.attribs.hreflang === 'zh-CN')).toBe(true);
    // Every listed page answers.
    for (const path of locs.filter((_, i) => i % 10 === 0)) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
  });

  it('robots.txt points to the sitemap and keeps crawlers out of the admin', async () => {
    const robots = await get('/robots.txt');
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toMatch(/^Sitemap: https:\/\/.+\/sitemap\.xml$/m);
  });
});

describe('structured data and link previews', () => {
  const jsonLd = async (path: string) => {
    const page = await browser().newPage();
    await page.goto(`${base}${path}`);
    const data = await page.$$eval('script[type="application/ld+json"]', (s) => s.map((x) => JSON.parse(x.textContent!)));
    const meta = await page.$('meta[property="og:image"]');
    const og = meta ? await meta.getAttribute('content') : null;
    await page.close();
    return { data, og };
  };

  it('describe an event with its times in its own zone', async () => {
    const { data } = await jsonLd('/en/events/ip-protection-webinar-2027-03/');
    expect(data[0]).toMatchObject({ '@type': 'Event', startDate: '2027-03-28T01:30:00+01:00', endDate: '2027-03-28T04:00:00+02:00' });
  });

  it('describe a news article with its cover as the preview image', async () => {
    const { data, og } = await jsonLd('/it/news/naples-forum-2026-report/');
    expect(data[0]).toMatchObject({ '@type': 'NewsArticle', datePublished: expect.stringMatching(/^2026-05-27/) });
    expect(og).toMatch(/^https:\/\/.+\.jpg$/);
  });

  it('describe courses and the organisation', async () => {
    expect((await jsonLd('/zh/courses/ip-management-china-online-2027/')).data[0]).toMatchObject({ '@type': 'Course' });
    expect((await jsonLd('/zh/')).data[0]).toMatchObject({ '@type': 'Organization' });
  });
});
