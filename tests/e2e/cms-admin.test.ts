import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { parseEntry } from '../support/content';
import { collectionNames, identifierField } from '../../src/schema/collections';
import { startDecapServer } from '../../scripts/decap-server.mjs';

const base = inject('baseURL');
let browser: Browser;
let decap: Awaited<ReturnType<typeof startDecapServer>>;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  decap = await startDecapServer({ port: 8081 });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await decap?.close();
});

describe('CMS admin', { timeout: 120_000 }, () => {
  it('speaks the editor’s language: the browser’s first, then the one chosen, remembered', async () => {
    await page.goto(`${base}/admin/`);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '新闻', exact: true }).waitFor();
    await page.getByRole('navigation', { name: '界面语言' }).getByRole('link', { name: 'Italiano' }).click();
    await page.getByRole('link', { name: 'Notizie', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    await page.goto(`${base}/admin/`);
    await page.getByRole('link', { name: 'Bandi', exact: true }).waitFor();
  });

  it.each(collectionNames)('previews a %s entry with the site’s layout and its title', async (collection) => {
    const slug = readdirSync(`content/${collection}/it`)[0]!.replace(/\.mdx?$/, '');
    const parsed = parseEntry(collection, readFileSync(`content/${collection}/it/${slug}.mdx`, 'utf8'));
    const title = String((parsed.data as Record<string, unknown>)[identifierField(collection)]);
    // A new document each time (a hash-only change would keep the previous editor).
    await page.goto(`${base}/admin/?lang=en&preview=${collection}#/collections/${collection}/entries/${slug}`);
    const login = page.getByRole('button', { name: 'Login' });
    await login.or(page.getByTitle('Toggle i18n')).waitFor();
    if (await login.isVisible()) {
      await login.click();
      await page.goto(`${base}/admin/?lang=en&preview=${collection}-2#/collections/${collection}/entries/${slug}`);
    }
    await page.getByTitle('Toggle i18n').waitFor();
    // Translated entries open side by side (two "Writing in" panes): leave that for the
    // preview, which Decap may also have hidden.
    if ((await page.getByText(/^Writing in/).count()) > 1) await page.getByTitle('Toggle i18n').click();
    if (!(await page.locator('iframe').first().isVisible())) await page.getByTitle('Toggle preview').click();
    const frame = page.locator('iframe').first().contentFrame();
    await frame.locator('article.entry h1').filter({ hasText: title }).waitFor();
    expect(await frame.locator('main#main .container article.entry').count()).toBe(1);
  });

  it('lets an editor pick an offer’s sector and topics from the vocabularies, listed in the interface language', async () => {
    const open = (n: number) => page.goto(`${base}/admin/?lang=zh&vocabulary=${n}#/collections/offers/entries/graphene-thermal-film`);
    await open(1);
    const login = page.getByRole('button', { name: '登录' });
    const sectorLabel = page.locator('label', { hasText: /^领域$/ }).first();
    await login.or(sectorLabel).waitFor();
    if (await login.isVisible()) {
      await login.click();
      await open(2);
    }
    await sectorLabel.waitFor();
    // The stored key (advanced-materials) is shown as the term's Chinese name.
    // The innermost block holding both the field's label and its hint: the field.
    const field = (label: RegExp, hint: string) => page.locator('div', { has: page.locator('label', { hasText: label }) }).filter({ hasText: hint }).last();
    const sectorField = field(/^领域$/, '从技术领域列表中选择');
    await expect.poll(() => sectorField.innerText()).toContain('先进材料');
    expect(await sectorField.innerText()).not.toContain('advanced-materials');
    const topicsField = field(/^主题/, '从主题列表中选择');
    expect(await topicsField.innerText()).toContain('先进材料');
    // The list offers the other sectors by their Chinese names.
    await page.locator(`#${await sectorLabel.getAttribute('for')}`).focus();
    await page.keyboard.type('能');
    await page.getByText('能源', { exact: true }).first().waitFor();
    await page.keyboard.press('Escape');
    // The vocabularies are collections of their own, to add a term without code.
    await page.goto(`${base}/admin/?lang=zh&vocabulary=3#/collections/topics`);
    await page.getByRole('link', { name: /人工智能/ }).first().waitFor();
  });

  it('loads nothing from another host', () => {
    const foreign = requests.filter((url) => !/^(?:https?:\/\/127\.0\.0\.1(?::\d+)?\/|data:|blob:|about:)/.test(url));
    expect(requests.length).toBeGreaterThan(10);
    expect(foreign).toEqual([]);
  });
});
