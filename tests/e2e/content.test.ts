import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { dictionaries } from '../../src/i18n/dictionaries';

const base = inject('baseURL');
const browser = useBrowser();

describe('entry pages built from content/', () => {
  it('show an article in the reader’s language with its date in the locale format', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/zh/news/naples-forum-2026-report/`);
    expect(await page.locator('h1').innerText()).toContain('那不勒斯论坛');
    expect(await page.locator('main[data-pagefind-body]').count()).toBe(1);
    expect(await page.locator('.entry-meta time').first().innerText()).toBe('2026年5月27日');
    await page.goto(`${base}/it/news/naples-forum-2026-report/`);
    expect(await page.locator('.entry-meta time').first().innerText()).toBe('27 maggio 2026');
    await page.close();
  });

  it('serve covers through the image pipeline: AVIF/WebP srcset, width and height, alt, never the original upload', async () => {
    const page = await browser().newPage();
    const images: { url: string; bytes: number }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'image') {
        images.push({ url: response.url(), bytes: (await response.body()).length });
      }
    });
    await page.goto(`${base}/en/news/naples-forum-2026-report/`, { waitUntil: 'networkidle' });
    const img = page.locator('img.entry-cover');
    expect(await img.getAttribute('alt')).toBe('The stage of the Naples forum lit in blue and orange');
    expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
    const types = await page.$$eval('picture source', (s) => s.map((e) => e.getAttribute('type')));
    expect(types).toEqual(['image/avif', 'image/webp']);
    const cover = images.find((i) => i.url.includes('forum-naples-stage'));
    expect(cover, 'the cover was downloaded').toBeDefined();
    expect(cover!.url).toMatch(/\.avif$/);
    // The upload is a 6 MB, 4000 px JPEG; what the visitor gets is a small fraction of it.
    expect(cover!.bytes).toBeLessThan(300_000);
    await page.close();
  });

  it('serve an untranslated entry at the reader’s URL with a notice, the source language and a canonical to the source', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${base}/en/news/beijing-delegation-visits-bergamo/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('.fallback-notice').innerText()).toBe(
      dictionaries.en['entry.fallbackNotice'].replace('{{language}}', 'Italian'),
    );
    expect(await page.getAttribute('article', 'lang')).toBe('it');
    // Not indexed for English search: its text is Italian.
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    expect(new URL((await page.getAttribute('link[rel=canonical]', 'href'))!).pathname).toBe(
      '/it/news/beijing-delegation-visits-bergamo/',
    );
    // The Chinese-only offer falls back to Chinese, not to a missing Italian.
    await page.goto(`${base}/it/offers/mural-conservation-materials-request/`);
    expect(await page.getAttribute('article', 'lang')).toBe('zh-CN');
    expect(await page.locator('.fallback-notice').innerText()).toContain('cinese');
    await page.close();
  });

  it('never build drafts', async () => {
    expect(existsSync('content/news/it/forum-2027-draft-programme.mdx')).toBe(true);
    expect(existsSync('dist/it/news/forum-2027-draft-programme')).toBe(false);
    const page = await browser().newPage();
    const response = await page.goto(`${base}/it/news/forum-2027-draft-programme/`);
    expect(response?.status()).toBe(404);
    await page.close();
  });

  it('render pages at /<locale>/<slug>/ and partners in their section', async () => {
    const page = await browser().newPage();
    expect((await page.goto(`${base}/it/about/`))?.status()).toBe(200);
    expect(await page.locator('article').innerText()).toContain('2012');
    expect((await page.goto(`${base}/zh/partners/most/`))?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('中华人民共和国科学技术部');
    await page.close();
  });
});
