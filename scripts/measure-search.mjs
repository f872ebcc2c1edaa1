#!/usr/bin/env node
/**
 * Measures what a visitor downloads for a first search on the built site (dist/), per
 * locale: every /pagefind/ file requested from opening the search page to the first results
 * (JS, WASM, index chunks, fragments), gzip-compressed as a static host would serve them.
 * Prints a table and the budgets (≤ 150 KB it/en, ≤ 200 KB zh; docs/search.md). A measurement,
 * not a test: timings and sizes belong to the benchmark.
 * Usage: npm run build && npm run measure:search
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from './serve.mjs';

const queries = { it: 'brevetti', zh: '知识产权', en: 'business matching' };
const budgets = { it: 150, zh: 200, en: 150 };
const server = await startStaticServer('dist');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
try {
  for (const [locale, query] of Object.entries(queries)) {
    const page = await browser.newPage();
    const files = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/pagefind/')) files.push(response.body().then((body) => ({ path: url.pathname, raw: body.length, gz: gzipSync(body).length })));
    });
    await page.goto(`${server.url}/${locale}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('.search-results > li');
    await page.waitForLoadState('networkidle');
    const got = await Promise.all(files);
    const raw = got.reduce((s, f) => s + f.raw, 0);
    const gz = got.reduce((s, f) => s + Math.min(f.gz, f.raw), 0);
    rows.push({ locale, query, files: got.length, rawKB: (raw / 1024).toFixed(1), gzipKB: (gz / 1024).toFixed(1), budgetKB: budgets[locale], within: gz / 1024 <= budgets[locale] ? 'yes' : 'NO' });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.table(rows);
