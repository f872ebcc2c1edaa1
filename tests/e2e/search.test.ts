import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser';
import { dictionaries } from '../../src/i18n/dictionaries';

const base = inject('baseURL');
const browser = useBrowser();

/** Opens the search page with ?q= and returns what the visitor sees once results are in. */
async function search(page: Page, locale: 'it' | 'zh' | 'en', query: string) {
  await page.goto(`${base}/${locale}/search/?q=${encodeURIComponent(query)}`);
  const loading = dictionaries[locale]['search.loading'];
  await page.waitForFunction((l) => {
    const text = document.querySelector('.search-status')?.textContent ?? '';
    return text !== '' && text !== l;
  }, loading);
  return {
    status: await page.locator('.search-status').innerText(),
    titles: await page.locator('.search-results > li > a.search-title').allInnerTexts(),
  };
}

describe('search', () => {
  it('finds an Italian singular from its plural (stemming), and not unrelated pages', async () => {
    const page = await browser().newPage();
    const { titles, status } = await search(page, 'it', 'brevetti');
    // The laser-repair offer says "brevetto" only, never "brevetti".
    expect(titles).toContain('Riparazione laser additiva di componenti di turbine');
    expect(titles).not.toContain("Notte delle start-up Italia-Cina a Pechino");
    expect(status).toBe(dictionaries.it['search.results'].replace('{{count}}', String(titles.length)).replace('{{query}}', 'brevetti'));
    await page.close();
  });

  it('finds Chinese words of two to four characters inside longer sentences', async () => {
    const page = await browser().newPage();
    const pilot = await search(page, 'zh', '中试');
    expect(pilot.titles).toContain('绿色技术中试应用券');
    expect(pilot.titles).not.toContain('那不勒斯论坛落幕：300余人参会，促成120场一对一洽谈');
    const bergamo = await search(page, 'zh', '贝加莫');
    expect(bergamo.titles.length).toBeGreaterThan(0);
    expect(bergamo.titles).not.toContain('绿色技术中试应用券');
    const ip = await search(page, 'zh', '知识产权');
    expect(ip.titles).toContain('中意知识产权咨询窗口正式开通');
    expect(ip.titles).not.toContain('中意初创企业之夜（北京）');
    await page.close();
  });

  it('ranks an English phrase first where it is the subject', async () => {
    const page = await browser().newPage();
    const { titles } = await search(page, 'en', 'business matching');
    expect(titles[0]).toBe('Italy-China business-matching day in Beijing');
    await page.close();
  });

  it('narrows results with filters and sorts them by date', async () => {
    const page = await browser().newPage();
    const all = await search(page, 'it', 'Cina');
    await page.locator('.search-filters > summary').click();
    await page.getByRole('group', { name: dictionaries.it['search.section'] }).getByLabel(/^Eventi/).check();
    await expect.poll(async () => (await page.locator('.search-results .card-meta').allInnerTexts()).length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await page.locator('.search-results .card-meta').allInnerTexts()).every((m) => m.startsWith('Eventi')))
      .toBe(true);
    const events = await page.locator('.search-results > li').count();
    expect(events).toBeLessThan(all.titles.length);
    await page.getByLabel(dictionaries.it['search.sort']).selectOption('date');
    await expect
      .poll(async () => {
        const dates = (await page.locator('.search-results .card-meta').allInnerTexts()).map((m) => m.split(' · ')[1] ?? '');
        return dates.length > 1 && dates.join() === [...dates].sort().reverse().join();
      })
      .toBe(true);
    await page.close();
  });

  it('shows the first result above the fold on a phone, with the filters folded under a summary', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const { titles } = await search(page, 'zh', '论坛');
    expect(titles.length).toBeGreaterThan(1);
    const first = await page.locator('.search-results > li').first().boundingBox();
    expect(first!.y).toBeLessThan(844);
    const details = page.locator('details.search-filters');
    expect(await details.getAttribute('open')).toBeNull();
    const summary = details.locator('summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.innerText()).toBe(dictionaries.zh['search.filtersNone']);
    // Folded: no filter option shows until the summary is opened.
    expect(await page.getByRole('checkbox').first().isVisible()).toBe(false);
    // The sort order stays reachable without opening the filters.
    expect(await page.getByLabel(dictionaries.zh['search.sort']).isVisible()).toBe(true);
    await page.close();
  });

  it('shows filter groups in the page’s language, values in its collation, and counts that follow the choices', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const all = await search(page, 'zh', '中心');
    const summary = page.locator('details.search-filters > summary');
    await summary.click();
    const legends = await page.locator('.search-filters fieldset:not([hidden]) > legend').allInnerTexts();
    const groupNames = (
      ['search.section', 'search.year', 'search.type', 'search.format', 'search.category', 'search.sector', 'search.ipStatus', 'search.partnership', 'search.tag'] as const
    ).map((k) => dictionaries.zh[k]);
    expect(legends.length).toBeGreaterThan(1);
    expect(legends.filter((legend) => !groupNames.includes(legend))).toEqual([]);
    // Every value reads in Chinese: event types, sectors, topics… are labels, never keys such as "business-matching".
    const values = await page.locator('.search-filters fieldset:not([hidden]) label:not([hidden])').allInnerTexts();
    expect(values.length).toBeGreaterThan(5);
    expect(values.filter((v) => /^[a-z][a-z0-9-]*[ -]/.test(v.trim()))).toEqual([]);
    expect(values.join(' ')).toMatch(/论坛|企业对接|研讨会/);
    // Section names are Chinese and ordered as a Chinese reader expects (pinyin), each with its count.
    const section = page.getByRole('group', { name: dictionaries.zh['search.section'] });
    const options = (await section.locator('label:not([hidden])').allInnerTexts()).map((text) => /^(.+) \((\d+)\)$/.exec(text.trim()));
    expect(options.length).toBeGreaterThan(2);
    expect(options.every(Boolean)).toBe(true);
    const sections = options.map((m) => m![1]!);
    expect(sections).toEqual([...sections].sort(new Intl.Collator('zh-CN').compare));
    const news = options.find((m) => m![1] === '新闻')!;
    const newsCount = Number(news[2]);
    expect(newsCount).toBeLessThan(all.titles.length);
    // Checking a value narrows the results to that many and says so in the summary.
    await section.getByLabel(/^新闻 /).check();
    await expect.poll(() => summary.innerText()).toBe(dictionaries.zh['search.filtersOne']);
    await expect
      .poll(async () => (await page.locator('.search-results .card-meta').allInnerTexts()).map((m) => m.split(' · ')[0]))
      .toEqual(Array(newsCount).fill('新闻'));
    // Other groups now count within the news only.
    const years = page.getByRole('group', { name: dictionaries.zh['search.year'] });
    await expect
      .poll(async () => (await years.locator('label:not([hidden])').allInnerTexts()).reduce((sum, t) => sum + Number(/\((\d+)\)/.exec(t)![1]), 0))
      .toBe(newsCount);
    // A second value of the same group widens the results (either section, not both).
    const second = options.find((m) => m![1] !== '新闻' && Number(m![2]) > 0)!;
    await section.getByLabel(new RegExp(`^${second[1]} `)).check();
    await expect.poll(() => summary.innerText()).toBe(dictionaries.zh['search.filtersMany'].replace('{{count}}', '2'));
    await expect.poll(() => page.locator('.search-results > li').count()).toBe(Math.min(20, newsCount + Number(second[2])));
    await page.close();
  });

  it('returns entries, not the home page, for the centre’s own name', async () => {
    const page = await browser().newPage();
    for (const locale of ['zh', 'it', 'en'] as const) {
      const { titles } = await search(page, locale, dictionaries[locale]['site.name']);
      expect(titles.length, locale).toBeGreaterThan(0);
      const links = await page.locator('.search-results > li > a.search-title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      // The home page is not indexed (src/pages/[lang]/index.astro): its text is the entries' own.
      expect(links, locale).not.toContain(`/${locale}/`);
    }
    await page.close();
  });

  it('records section, date and image with each entry', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/it/search/`);
    // A string, so that the test runner does not rewrite the browser's import().
    const meta = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/it/pagefind.js');
      const search = await pagefind.search('Napoli');
      const data = await Promise.all(search.results.map((r) => r.data()));
      return data.find((d) => d.url === '/it/news/naples-forum-2026-report/')?.meta;
    })()`)) as Record<string, string> | undefined;
    expect(meta).toMatchObject({ section: 'Notizie', date: '2026-05-27', image: expect.stringMatching(/^\/_astro\/forum-naples-stage\./) });
    await page.close();
  });

  it('downloads nothing of the search until it is opened', async () => {
    const page = await browser().newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${base}/it/`, { waitUntil: 'networkidle' });
    await page.goto(`${base}/it/search/`, { waitUntil: 'networkidle' });
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.getByLabel(dictionaries.it['search.label']).focus();
    await expect.poll(() => requested.some((p) => p.startsWith('/pagefind/'))).toBe(true);
    // Only the Italian index: each language has its own (src/build/search-index.ts).
    await page.getByLabel(dictionaries.it['search.label']).fill('Napoli');
    await page.locator('.search-results > li').first().waitFor();
    const files = requested.filter((p) => p.startsWith('/pagefind/'));
    expect(files.filter((p) => !p.startsWith('/pagefind/it/'))).toEqual([]);
    expect(files.some((p) => p.endsWith('.pf_meta'))).toBe(true);
    await page.close();
  });

  it('opens from the header with / or Ctrl+K', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/news/`);
    await page.keyboard.press('/');
    await page.waitForURL(`${base}/en/search/`);
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.close();
  });
});
