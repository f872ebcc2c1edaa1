import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStaticServer } from '../../scripts/serve.mjs';
import { useBrowser } from '../support/browser';
import { copySite, type SiteCopy } from '../support/site-copy';

/*
 * Tags in any language and script, and the vocabularies (sectors, topics) shown in the
 * reader's language: built for real, in a throw-away copy with news written in three
 * languages, and on the sample site in dist/.
 */

const browser = useBrowser();
const base = inject('baseURL');

const news = (front: string, body = 'Testo.') => `---\n${front.trim()}\ndate: 2026-11-02\nsummary: "Fixture of the tag tests."\n---\n\n${body}\n`;

/** The hrefs of the language switcher of a page, in locale order. */
async function switcher(page: import('playwright-core').Page): Promise<string[]> {
  return page.locator('.lang-switcher a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('tags written in Chinese, Italian with accents and English', () => {
  let site: SiteCopy;
  let server: { url: string; close(): Promise<void> | void };
  let output = '';

  beforeAll(async () => {
    site = await copySite(['pages', 'media', 'topics']);
    site.write('content/news/zh/cars.mdx', news('title: "新能源汽车合作"\ntags: [汽车, 新能源汽车, 电池]'));
    site.write('content/news/zh/cars-2.mdx', news('title: "汽车零部件对接会"\ntags: [汽车, "汽车　"]'));
    site.write('content/news/it/robots.mdx', news('title: "Robotica a Bergamo"\ntags: [robotica, Sostenibilità]\ntopics: [ai]'));
    site.write('content/news/en/robots.mdx', news('title: "Robotics in Bergamo"\ntags: [robotics, universities]\ntopics: [ai]'));
    site.write('content/news/it/verde.mdx', news('title: "Verde"\ntags: [sostenibilità, "Sostenibilita\u0300"]'));
    const result = await site.build();
    output = result.output;
    expect(result.output.slice(-3000), 'the build succeeds').toContain('Complete!');
    server = await startStaticServer(join(site.dir, 'dist'));
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await site?.remove();
  });

  it('gives each Chinese tag a page of its own at a readable address, percent-encoded on the wire', async () => {
    const page = await browser().newPage();
    await page.goto(`${server.url}/zh/news/`);
    const tags = page.locator('nav.tags a');
    expect(await tags.allInnerTexts()).toEqual(expect.arrayContaining(['汽车 (2)', '新能源汽车 (1)', '电池 (1)']));
    await tags.filter({ hasText: '汽车 (2)' }).click();
    expect(page.url()).toBe(`${server.url}/zh/news/tags/%E6%B1%BD%E8%BD%A6/`);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/zh/news/tags/汽车/');
    expect(await page.locator('h1').innerText()).toContain('汽车');
    expect(await page.locator('.card-title').allInnerTexts()).toEqual(expect.arrayContaining(['新能源汽车合作', '汽车零部件对接会']));
    await page.goto(`${server.url}/zh/news/tags/新能源汽车/`);
    expect(await page.locator('.card-title').allInnerTexts()).toEqual(['新能源汽车合作']);
    await page.close();
  });

  it('makes one tag of spellings that differ in case, width or Unicode form', async () => {
    const page = await browser().newPage();
    await page.goto(`${server.url}/it/news/`);
    const texts = await page.locator('nav.tags a').allInnerTexts();
    const spellings = texts.filter((t) => /^sostenibilit/i.test(t));
    expect(spellings).toHaveLength(1);
    expect(spellings[0]).toMatch(/^sostenibilità \(2\)$/i);
    expect((await page.goto(`${server.url}/it/news/tags/sostenibilità/`))?.status()).toBe(200);
    await page.close();
  });

  it('lists the same tag addresses in the sitemap and the feeds, and the link check accepts them', () => {
    const sitemap = readFileSync(join(site.dir, 'dist/sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://');
    expect(sitemap).toContain('/zh/news/tags/%E6%B1%BD%E8%BD%A6/</loc>');
    expect(sitemap).toContain('/it/news/tags/sostenibilit%C3%A0/</loc>');
    expect(sitemap).not.toContain('/tags/tag/');
    const feed = readFileSync(join(site.dir, 'dist/zh/news/rss.xml'), 'utf8');
    expect(feed).toContain('<category>汽车</category>');
    expect(output).toContain('internal links checked');
  });

  it('links a tag page only to pages that exist in the other languages', async () => {
    const page = await browser().newPage();
    // "robotica" exists only in Italian: the switcher leads to the news of the other languages.
    await page.goto(`${server.url}/it/news/tags/robotica/`);
    expect(await switcher(page)).toEqual(['/it/news/tags/robotica/', '/zh/news/', '/en/news/']);
    const alternates = await page.locator('link[rel=alternate][hreflang]').evaluateAll((l) => l.map((e) => e.getAttribute('hreflang')));
    expect(alternates.filter((h) => h !== 'x-default')).toEqual(['it']);
    // A topic has a page in every language, under its translated name, linked to the others.
    await page.goto(`${server.url}/zh/news/tags/ai/`);
    expect(await page.locator('h1').innerText()).toContain('人工智能');
    expect(await switcher(page)).toEqual(['/it/news/tags/ai/', '/zh/news/tags/ai/', '/en/news/tags/ai/']);
    const hreflangs = await page.locator('link[rel=alternate][hreflang]').evaluateAll((l) => l.map((e) => e.getAttribute('hreflang')));
    expect(hreflangs).toEqual(['it', 'zh-CN', 'en', 'x-default']);
    await page.goto(`${server.url}/it/news/tags/ai/`);
    expect(await page.locator('h1').innerText()).toContain('Intelligenza artificiale');
    await page.close();
  });
});

describe('vocabularies that the build checks', () => {
  it('stops the build on a term whose key differs from its file name, naming the file and the field', async () => {
    const site = await copySite(['pages', 'media']);
    try {
      site.write('content/sectors/quantum.yml', 'key: quantum-tech\nit: Quantistica\nzh: 量子\nen: Quantum\n');
      site.write(
        'content/offers/it/q.mdx',
        '---\ntitle: "Q"\nsummary: "S"\nkind: offer\nreference: Q-1\nsector: quantum\ncountry: IT\ndate: 2026-11-02\n---\n\nTesto.\n',
      );
      const result = await site.build();
      expect(result.ok).toBe(false);
      expect(result.output).toContain('content/sectors/quantum.yml');
      expect(result.output).toContain('field "key"');
    } finally {
      await site.remove();
    }
  }, 180_000);

  it('stops the build on a term with no label, naming the file', async () => {
    const site = await copySite(['pages', 'media']);
    try {
      site.write('content/topics/empty.yml', 'key: empty\n');
      const result = await site.build();
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/topics[^\n]*empty/);
      expect(result.output).toContain('a term needs a label in at least one language');
    } finally {
      await site.remove();
    }
  }, 180_000);
});

describe('the sample site shows sectors and topics in the reader’s language', () => {
  it('on an offer page, in the offers list and its filter, in every language', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/zh/offers/graphene-thermal-film/`);
    expect(await page.locator('.facts').innerText()).toContain('先进材料');
    await page.goto(`${base}/it/offers/graphene-thermal-film/`);
    expect(await page.locator('.facts').innerText()).toContain('Materiali avanzati');
    await page.goto(`${base}/zh/offers/`);
    const sectorFilter = page.locator('fieldset', { has: page.locator('legend', { hasText: '领域' }) });
    const labels = await sectorFilter.locator('label').allInnerTexts();
    expect(labels.map((l) => l.trim())).toEqual(expect.arrayContaining(['先进材料', '能源', '信息通信与软件']));
    expect(labels.join(' ')).not.toMatch(/Advanced|Energy/);
    // The filter works on the translated list.
    await sectorFilter.getByLabel('能源').check();
    const visible = await page.locator('.card:visible .card-meta').allInnerTexts();
    expect(visible.length).toBeGreaterThan(0);
    for (const meta of visible) expect(meta).toContain('能源');
    await page.close();
  });

  it('on the news topics, their pages, feeds and structured data', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/zh/news/`);
    const tags = await page.locator('nav.tags a').allInnerTexts();
    expect(tags.join(' ')).toContain('知识产权');
    expect(tags.join(' ')).not.toMatch(/\bip\b|startups/);
    const feed = readFileSync('dist/zh/news/rss.xml', 'utf8');
    expect(feed).toContain('<category>知识产权</category>');
    expect(feed).not.toContain('<category>ip</category>');
    await page.goto(`${base}/zh/news/ip-helpdesk-launched/`);
    // The entry names its topics and tags, linking to their pages.
    const links = page.locator('.entry-tags a');
    expect(await links.allInnerTexts()).toEqual(['知识产权', '服务']);
    expect(await links.first().getAttribute('href')).toBe('/zh/news/tags/ip/');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const article = blocks.map((b) => JSON.parse(b)).find((ld) => ld['@type'] === 'NewsArticle');
    expect(article.keywords).toContain('知识产权');
    // A fallback page (Italian text under /en/) shows its topics in English, not its Italian tags.
    await page.goto(`${base}/en/news/beijing-delegation-visits-bergamo/`);
    expect(await page.locator('.entry-tags a').allInnerTexts()).toEqual(['Universities']);
    expect(await page.locator('.entry-tags').getAttribute('lang')).toBe('en');
    await page.close();
  });
});
