import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { issues, parseEntry } from '../support/content';
import { startDecapServer } from '../../scripts/decap-server.mjs';

const run = promisify(execFile);
const base = inject('baseURL');
const stamp = Date.now().toString(36);
const TITLE_IT = `Prova redazione ${stamp}`;
const SLUG = `prova-redazione-${stamp}`;
const TITLE_ZH = `编辑测试新闻 ${stamp}`;
const files = Object.fromEntries(['it', 'zh', 'en'].map((l) => [l, `content/news/${l}/${SLUG}.mdx`])) as Record<'it' | 'zh' | 'en', string>;
const outDir = mkdtempSync(join(tmpdir(), 'cittc-cms-build-'));

let browser: Browser;
let decap: Awaited<ReturnType<typeof startDecapServer>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  decap = await startDecapServer({ port: 8081 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await decap?.close();
  for (const file of Object.values(files)) rmSync(file, { force: true });
  rmSync(outDir, { recursive: true, force: true });
});

// The editor's path: /admin on the local backend, a news item written in Italian and
// translated into Chinese through the UI, saved into content/, and built by the site.
describe('CMS: an editor publishes and translates a news item', { timeout: 240_000 }, () => {
  it('creates the Italian entry and its Chinese translation through the admin UI', async () => {
    await page.goto(`${base}/admin/?lang=en`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Create entry of type News' }).click();

    const itPane = page.locator('.SplitPane .Pane1');
    const zhPane = page.locator('.SplitPane .Pane2');
    await itPane.getByText('Writing in IT').waitFor();
    if (!(await zhPane.getByText('Writing in ZH').isVisible())) {
      await zhPane.getByRole('button', { name: /Writing in/ }).click();
      await page.getByRole('menuitem', { name: 'ZH' }).click();
    }
    await zhPane.getByText('Writing in ZH').waitFor();

    await itPane.getByLabel('Title', { exact: true }).fill(TITLE_IT);
    await itPane.getByLabel('Summary', { exact: true }).fill('Una notizia scritta dal test della redazione.');
    await itPane.getByLabel('Date', { exact: true }).fill('2026-11-25');
    await itPane.locator('[aria-label="markdown field"] [data-slate-editor="true"]').click();
    // Characters that MDX would read as code or JSX if written as typed.
    await page.keyboard.type('Se a < b, allora {x} resta testo.');
    // The site's MDX components, inserted through forms.
    await itPane.getByTitle('Add Component').click();
    await page.getByRole('menuitem', { name: 'Callout' }).click();
    await itPane.getByLabel('Text', { exact: true }).fill('Le candidature chiudono il 15 gennaio.');
    await itPane.getByTitle('Add Component').click();
    await page.getByRole('menuitem', { name: 'Call to action' }).click();
    await itPane.getByLabel(/^Link \(https/).fill('https://example.org/candidature');
    await itPane.getByLabel('Button text', { exact: true }).fill('Candidati ora');
    await itPane.getByTitle('Add Component').click();
    await page.getByRole('menuitem', { name: 'Figure' }).click();
    // The last "Choose an image" is the Figure's (the first is the cover field's).
    await itPane.getByRole('button', { name: 'Choose an image' }).last().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('forum-naples-stage.jpg').click();
    await dialog.getByRole('button', { name: 'Choose selected' }).click();
    await dialog.waitFor({ state: 'detached' });
    await itPane.getByLabel(/^Alt text/).fill('Il palco del forum "Italia-Cina" a Napoli');
    await itPane.getByLabel(/^Caption/).fill('Napoli, maggio 2026');

    await zhPane.getByLabel('Title', { exact: true }).fill(TITLE_ZH);
    await zhPane.getByLabel('Summary', { exact: true }).fill('这是编辑流程测试写的新闻摘要。');
    await zhPane.locator('[aria-label="markdown field"] [data-slate-editor="true"]').click();
    await page.keyboard.type('这是中文正文。');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    await page.waitForURL(new RegExp(`#/collections/news/entries/${SLUG}$`));
    await page.getByText('Changes saved').waitFor();
    expect(pageErrors, pageErrors.join("\n")).toEqual([]);
  });

  it('writes content/news/it/ and content/news/zh/ with the expected front matter', () => {
    expect(existsSync(files.it), files.it).toBe(true);
    expect(existsSync(files.zh), files.zh).toBe(true);
    const itText = readFileSync(files.it, 'utf8');
    const zhText = readFileSync(files.zh, 'utf8');

    const it = parseEntry('news', itText);
    expect(issues(it)).toEqual([]);
    expect(it.data).toMatchObject({ title: TITLE_IT, summary: 'Una notizia scritta dal test della redazione.', date: '2026-11-25', draft: false });
    const zh = parseEntry('news', zhText);
    expect(issues(zh)).toEqual([]);
    expect(zh.data).toMatchObject({ title: TITLE_ZH, summary: '这是编辑流程测试写的新闻摘要。', date: '2026-11-25' });

    // Escaped for MDX, so the text builds and shows as typed.
    expect(itText).toContain('Se a \\< b, allora \\{x\\} resta testo.');
    expect(zhText).toContain('这是中文正文。');
    // The editor components wrote the site's MDX components.
    expect(itText).toContain('<Callout type="info">\n\nLe candidature chiudono il 15 gennaio.\n\n</Callout>');
    expect(itText).toContain('<CtaLink href="https://example.org/candidature" label="Candidati ora" />');
    expect(itText).toContain(
      '<Figure src="../../media/forum-naples-stage.jpg" alt="Il palco del forum &quot;Italia-Cina&quot; a Napoli" caption="Napoli, maggio 2026" />',
    );
  });

  it('shows the entry in the preview pane with the site’s own stylesheet', async () => {
    await page.getByTitle('Toggle i18n').click();
    if (!(await page.locator('iframe').count())) await page.getByTitle('Toggle preview').click();
    const frame = page.locator('iframe').first().contentFrame();
    await frame.locator('article.entry h1').filter({ hasText: TITLE_IT }).waitFor();
    const css = await frame.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(css.some((href) => /\/_astro\/global\.[\w-]+\.css$/.test(href)), css.join()).toBe(true);
    // The site's callout style applies inside the preview.
    const border = await frame.locator('aside.callout').first().evaluate((e) => getComputedStyle(e).borderLeftColor);
    expect(border).toBe('rgb(11, 79, 108)');
  });

  it('is accepted by the build: both languages built, English served as a fallback', async () => {
    await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const itHtml = readFileSync(join(outDir, 'it/news', SLUG, 'index.html'), 'utf8');
    expect(itHtml).toContain(`<h1>${TITLE_IT}</h1>`);
    expect(itHtml).toContain('Se a &lt; b, allora {x} resta testo.');
    expect(itHtml).toMatch(/<aside class="callout callout-info"[^>]*>[\s\S]*Le candidature chiudono il 15 gennaio\./);
    expect(itHtml).toContain('<a class="cta-link" href="https://example.org/candidature">Candidati ora</a>');
    // The figure's image in the widths a screen needs, never as wide as the 4000 px upload.
    expect(itHtml).toMatch(/<figure class="figure">\s*<p><img [^>]*srcset="[^"]+\.webp 480w, [^"]+\.webp 960w, [^"]+\.webp 1440w"/);
    // Quotes in the alt text get the typographic form, like all text of a body.
    expect(itHtml).toContain('alt="Il palco del forum “Italia-Cina” a Napoli"');
    expect(itHtml).toContain('<figcaption>Napoli, maggio 2026</figcaption>');
    const zhHtml = readFileSync(join(outDir, 'zh/news', SLUG, 'index.html'), 'utf8');
    expect(zhHtml).toContain(`<h1>${TITLE_ZH}</h1>`);
    const enHtml = readFileSync(join(outDir, 'en/news', SLUG, 'index.html'), 'utf8');
    expect(enHtml).toContain('class="fallback-notice"');
    expect(enHtml).toContain(`<h1>${TITLE_IT}</h1>`);
  });
});
