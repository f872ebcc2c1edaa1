import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/lib/search-index';

const tmp = mkdtempSync(join(tmpdir(), 'cittc-search-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function page(site: string, path: string, html: string) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), html);
}

const article = (lang: string, text: string) => `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text}</p></main></body></html>`;

describe('buildSearchIndex', () => {
  it('indexes each language in its own bundle, two at a time, and gives a language without pages an empty one', async () => {
    const site = join(tmp, 'site');
    page(site, 'index.html', '<!doctype html><html><body>chooser</body></html>');
    page(site, 'it/grafene/index.html', article('it', 'Membrane di grafene per il trattamento delle acque'));
    page(site, 'zh/index.html', '<!doctype html><html lang="zh-CN"><body><p>没有可索引的页面</p></body></html>');
    page(site, 'en/index.html', '<!doctype html><html lang="en"><body><p>nothing indexed</p></body></html>');
    const lines: string[] = [];
    const results = await buildSearchIndex(site, { log: (line) => lines.push(line) });
    expect(results.map(({ locale, pages, indexed }) => ({ locale, pages, indexed }))).toEqual([
      { locale: 'it', pages: 1, indexed: true },
      { locale: 'zh', pages: 0, indexed: true },
      { locale: 'en', pages: 0, indexed: true },
    ]);
    for (const locale of ['it', 'zh', 'en']) {
      expect(existsSync(join(site, 'pagefind', locale, 'pagefind-entry.json')), locale).toBe(true);
      expect(existsSync(join(site, 'pagefind', locale, 'pagefind.js')), locale).toBe(true);
    }
    // The Italian page's text is in its bundle: one fragment, for the one page.
    expect(readdirSync(join(site, 'pagefind', 'it', 'fragment'))).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/indexed 1 pages in \d+ ms/);
  });

});
