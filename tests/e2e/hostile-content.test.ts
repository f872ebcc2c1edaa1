import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/serve.mjs';
import { useBrowser } from '../support/browser';
import { copySite, type SiteCopy } from '../support/site-copy';

/*
 * Hostile and broken content, built for real in a throw-away copy of the site (the pages
 * collection and the media folder, plus the fixture). Each case either renders safely — no
 * script of an editor's runs in a visitor's browser, the text shows as written — or stops the
 * build with a message naming the file and what is wrong. The rules themselves are unit-tested
 * in tests/unit/schema/body-policy.test.ts; these tests prove the build applies them.
 */

const browser = useBrowser();

function entry(front: Record<string, string>, body: string): string {
  const lines = Object.entries(front).map(([key, value]) => `${key}: ${value.startsWith('[') ? value : JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

const news = (title: string, body: string, extra: Record<string, string> = {}) =>
  entry({ title, summary: 'Fixture for the hostile-content tests.', date: '2026-11-02', ...extra }, body);

describe('content that renders safely', () => {
  const htmlTitle = `<img src=x onerror="alert('title')"></title></script><script>alert('title')</script> & "quotes"`;
  const mixed = '🚀 Innovazione 创新合作 Innovation — 👩🏽‍🔬 ricercatrice, 研究员 ✨ ąčę Ελλάδα';
  // 200 KB of ordinary prose in one paragraph, with a marker at the end.
  const sentence = 'Il Centro accompagna università e imprese nella cooperazione tecnologica tra Italia e Cina. ';
  const longParagraph = sentence.repeat(Math.ceil(200_000 / sentence.length)) + 'FINE-DEL-PARAGRAFO.';

  let site: SiteCopy;
  let server: { url: string; close(): Promise<void> | void };
  const dialogs: string[] = [];

  beforeAll(async () => {
    site = await copySite(['pages', 'media']);
    site.write('content/news/en/html-title.mdx', news(htmlTitle, `Text with <em>allowed</em> markup and a [link](/en/news/).`, { summary: htmlTitle }));
    site.write('content/news/it/mixed-scripts.mdx', news(mixed, `${mixed}\n\n## ${mixed}\n\nمرحبا بالعالم — שלום — नमस्ते — 日本語 — 한국어.`));
    site.write('content/news/it/long-paragraph.mdx', news('Un paragrafo molto lungo', longParagraph));
    site.write(
      'content/news/zh/components.mdx',
      news('组件', [
        '{/* 编辑备注：不会显示 */}',
        '<Callout type="warning">\n\n申请截止时间为**北京时间**17:00。\n\n</Callout>',
        '<Figure src="../../media/beijing-skyline.jpg" alt="北京天际线" caption="北京，2026年" />',
        '<Figure src="/content/media/battery-cells.jpg" alt="电池" />',
        '<CtaLink href="https://example.org/apply" label="立即申请" />',
        '花括号 \\{ 和 \\} 照原样显示。',
      ].join('\n\n')),
    );
    const result = await site.build();
    expect(result.output.slice(-3000), 'the build succeeds').toContain('Complete!');
    server = await startStaticServer(join(site.dir, 'dist'));
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await site?.remove();
  });

  const built = (path: string) => readFileSync(join(site.dir, 'dist', path), 'utf8');

  async function open(path: string) {
    const page = await browser().newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(server.url + path);
    return page;
  }

  it('shows a title written in HTML as text, and runs none of it', async () => {
    const page = await open('/en/news/html-title/');
    try {
      expect(await page.locator('h1').textContent()).toBe(htmlTitle);
      expect(await page.title()).toContain(htmlTitle);
      expect(await page.locator('main img[src="x"]').count()).toBe(0);
      expect(await page.locator('main em').textContent()).toBe('allowed');
      // The news list and the feed carry it as text too.
      await page.goto(server.url + '/en/news/');
      expect(await page.getByText(htmlTitle, { exact: true }).count()).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
    const feed = built('en/news/rss.xml');
    expect(feed).not.toContain('<script>');
    expect(feed).toContain('&lt;script&gt;');
  });

  it('shows emoji and mixed scripts exactly as written, in the page, the list and the feed', async () => {
    const page = await open('/it/news/mixed-scripts/');
    try {
      expect(await page.locator('h1').textContent()).toBe(mixed);
      expect(await page.locator('main h2').first().textContent()).toBe(mixed);
      expect(await page.locator('main').textContent()).toContain('مرحبا بالعالم — שלום — नमस्ते — 日本語 — 한국어.');
    } finally {
      await page.close();
    }
    expect(built('it/news/rss.xml')).toContain(`<title>${mixed}</title>`);
    expect(built('sitemap.xml')).toContain('/it/news/mixed-scripts/');
  });

  it('renders the site components, comments and escaped braces as the CMS writes them', async () => {
    const page = await open('/zh/news/components/');
    try {
      const main = page.locator('main');
      expect(await main.textContent()).not.toContain('编辑备注');
      const callout = main.getByRole('complementary', { name: '注意' });
      expect(await callout.textContent()).toContain('申请截止时间为北京时间17:00。');
      expect(await callout.locator('strong').textContent()).toBe('北京时间');
      const figures = main.locator('figure.figure img');
      expect(await figures.count()).toBe(2);
      for (const img of await figures.all()) {
        expect(await img.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
        expect(await img.getAttribute('width')).toMatch(/^\d+$/);
        expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      }
      expect(await main.getByRole('img', { name: '北京天际线' }).count()).toBe(1);
      expect(await main.locator('figcaption').textContent()).toBe('北京，2026年');
      expect(await main.getByRole('link', { name: '立即申请' }).getAttribute('href')).toBe('https://example.org/apply');
      expect(await main.textContent()).toContain('花括号 { 和 } 照原样显示。');
    } finally {
      await page.close();
    }
  });

  it('builds and shows a 200 KB paragraph whole', async () => {
    const page = await open('/it/news/long-paragraph/');
    try {
      const paragraph = page.locator('main p', { hasText: 'FINE-DEL-PARAGRAFO.' });
      const text = (await paragraph.textContent()) ?? '';
      expect(text.length).toBeGreaterThanOrEqual(200_000);
      expect(text.endsWith('FINE-DEL-PARAGRAFO.')).toBe(true);
    } finally {
      await page.close();
    }
  });
});

/** Builds a copy holding one extra file and returns the build's output (the build must fail). */
async function failingBuild(path: string, text: string): Promise<string> {
  const site = await copySite(['pages', 'media']);
  try {
    site.write(path, text);
    const result = await site.build();
    expect(result.ok, `the build must stop; its output ends:\n${result.output.slice(-1500)}`).toBe(false);
    return result.output;
  } finally {
    await site.remove();
  }
}

describe('content that stops the build with a clear message', () => {
  it('refuses a <script> element in a body, naming the file and line', async () => {
    const output = await failingBuild('content/news/it/script.mdx', news('Script', 'Testo.\n\n<script>alert(1)</script>'));
    expect(output).toContain('content/news/it/script.mdx:9: <script> is not allowed in content');
  }, 120_000);

  it('refuses a javascript: link', async () => {
    const output = await failingBuild('content/news/zh/js-link.mdx', news('Link', '[点击](javascript:alert(1))'));
    expect(output).toContain('content/news/zh/js-link.mdx:7: link "javascript:alert(1)": a "javascript:" link or source is not allowed');
  }, 120_000);

  it('refuses an on* event handler attribute', async () => {
    const output = await failingBuild('content/news/en/handler.mdx', news('Handler', 'Text <span onMouseOver="alert(1)">here</span>.'));
    expect(output).toContain('content/news/en/handler.mdx:7: attribute onMouseOver of <span>: event handler attributes run script');
  }, 120_000);

  it('refuses an <iframe>', async () => {
    const output = await failingBuild('content/news/en/iframe.mdx', news('Frame', '<iframe src="https://video.example/embed/1"></iframe>'));
    expect(output).toContain('content/news/en/iframe.mdx:7: <iframe> is not allowed in content');
  }, 120_000);

  it('refuses a title with Unicode direction overrides, naming the field', async () => {
    const output = await failingBuild('content/news/en/bidi.mdx', news('Invoice \u202Efdp.exe', 'Text.'));
    expect(output).toMatch(/news\/en\/bidi\.mdx/);
    expect(output).toMatch(/title[^\n]*U\+202E/);
  }, 120_000);

  it('refuses an image in the body that is not in the media folder', async () => {
    const output = await failingBuild('content/news/it/missing-figure.mdx', news('Figura', '<Figure src="../../media/no-such-photo.jpg" alt="Una foto" />'));
    expect(output).toContain('content/news/it/missing-figure.mdx:7: <Figure>: image "../../media/no-such-photo.jpg" does not exist');
  }, 120_000);

  it('refuses a cover image that does not exist, naming the file', async () => {
    const output = await failingBuild(
      'content/news/it/missing-cover.mdx',
      news('Copertina', 'Testo.', { cover: '../../media/no-such-cover.jpg', coverAlt: 'Una foto' }),
    );
    expect(output).toContain(
      'content/news/it/missing-cover.mdx: field "cover": the file "../../media/no-such-cover.jpg" does not exist',
    );
  }, 120_000);

  it('refuses a relative link to a page that is not built, naming the page and the link', async () => {
    const output = await failingBuild('content/news/it/broken-link.mdx', news('Collegamento', 'Vedi [il bando](../../calls/no-such-call/).'));
    expect(output).toContain('/it/news/broken-link/ links to ../../calls/no-such-call/, which is not built');
  }, 120_000);
});
