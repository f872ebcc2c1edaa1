import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { siteConfig } from '../../src/config/site';
import { builtFile, htmlFiles } from '../../src/build/link-check';
import { useBrowser } from '../support/browser';
import { htmlValidateConfig } from '../support/html-validate';

/*
 * Quality sweep of the built site: every page of dist/sitemap.xml (all locales) is opened in
 * Chromium and checked with axe-core (WCAG 2.2 A/AA), for links and #fragments that resolve,
 * for images with alt, width and height, and for console errors, failed requests and requests
 * to other hosts. Every .html file of dist/ is also checked with html-validate. Failures are
 * reported grouped as page → rule → target, so a failing run says what to fix where.
 *
 * Locally: SWEEP_LIMIT=20 sweeps only the first 20 pages, SWEEP_DEBUG=1 prints each page's time.
 */

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const base = inject('baseURL');
const browser = useBrowser();
const dist = 'dist';
const siteOrigin = new URL(siteConfig.url).origin;
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const concurrency = 2;

/** page → rule → targets */
type Report = Map<string, Map<string, string[]>>;

function add(report: Report, page: string, rule: string, target: string) {
  let rules = report.get(page);
  if (!rules) report.set(page, (rules = new Map()));
  let targets = rules.get(rule);
  if (!targets) rules.set(rule, (targets = []));
  if (!targets.includes(target)) targets.push(target);
}

function format(report: Report): string {
  const lines: string[] = [];
  for (const [page, rules] of [...report].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(page);
    for (const [rule, targets] of rules) {
      lines.push(`  ${rule}`);
      for (const target of targets) lines.push(`    ${target}`);
    }
  }
  return lines.join('\n');
}

/** ids and names (anchors) of a built HTML file, parsed once. */
const anchorsOfFile = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorsOfFile.get(file);
  if (anchors) return anchors;
  anchors = new Set();
  const walk = (node: any) => {
    if (node.attribs) {
      if (node.attribs.id) anchors!.add(node.attribs.id);
      if (node.name === 'a' && node.attribs.name) anchors!.add(node.attribs.name);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(parseDocument(readFileSync(file, 'utf8')));
  anchorsOfFile.set(file, anchors);
  return anchors;
}

/** The sitemap's URLs, mapped to the local server. */
function sitemapPaths(): string[] {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const url = new URL(m[1]!.trim());
    return url.pathname + url.search;
  });
  return [...new Set(paths)];
}

const report = {
  axe: new Map() as Report,
  links: new Map() as Report,
  images: new Map() as Report,
  network: new Map() as Report,
};
let pagesSwept = 0;

interface PageFacts {
  links: { href: string; text: string }[];
  ids: string[];
  images: { src: string; alt: string | null; width: string | null; height: string | null; decorative: boolean }[];
}

async function sweep(page: Page, path: string) {
  const url = base + path;
  const localOrigin = new URL(base).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') add(report.network, path, 'console error', message.text());
  });
  page.on('pageerror', (error) => add(report.network, path, 'uncaught exception', error.message));
  page.on('requestfailed', (request) =>
    add(report.network, path, 'failed request', `${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) add(report.network, path, `HTTP ${response.status()}`, response.url());
  });
  page.on('request', (request) => {
    const requestUrl = new URL(request.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(requestUrl.protocol) && requestUrl.origin !== localOrigin)
      add(report.network, path, 'request to another host', request.url());
  });

  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() !== 200) add(report.network, path, 'page status', String(response?.status()));
  // "/" sends the visitor on to a language (script): check the page it lands on, once loaded.
  await page.waitForLoadState('load');

  const violations = await page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      // Only violations are reported: axe then skips the detail of passing nodes (faster).
      resultTypes: ['violations'],
    });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      help: v.help as string,
      targets: (v.nodes as any[]).map((n) => `${n.target.join(' ')} — ${String(n.failureSummary).replace(/\s+/g, ' ')}`),
    }));
  }, wcagTags);
  for (const v of violations) for (const target of v.targets) add(report.axe, path, `${v.id} (${v.help})`, target);

  const facts: PageFacts = await page.evaluate(() => ({
    links: [...document.querySelectorAll('a[href], area[href]')].map((a) => ({
      href: a.getAttribute('href')!,
      text: (a.textContent ?? '').trim().slice(0, 40),
    })),
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    images: [...document.querySelectorAll('img')].map((img) => ({
      src: img.getAttribute('src') ?? '',
      alt: img.getAttribute('alt'),
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      decorative:
        img.getAttribute('role') === 'presentation' ||
        img.getAttribute('role') === 'none' ||
        img.getAttribute('aria-hidden') === 'true' ||
        !!img.closest('[aria-hidden="true"]'),
    })),
  }));

  // Images: alt present (empty only for decorative images), explicit width and height.
  for (const img of facts.images) {
    if (img.alt === null) add(report.images, path, 'img without alt', img.src);
    else if (img.alt.trim() === '' && !img.decorative)
      // An empty alt marks a decorative image; it must then also be hidden or presentational.
      add(report.images, path, 'img with empty alt not marked decorative (role="presentation" or aria-hidden)', img.src);
    if (!img.width || !img.height) add(report.images, path, 'img without width and height', img.src);
  }

  // Links: internal targets are built files; #fragments are elements of the target page.
  const pageIds = new Set(facts.ids);
  for (const { href, text } of facts.links) {
    let target: URL;
    try {
      target = new URL(href, url);
    } catch {
      add(report.links, path, 'invalid href', href);
      continue;
    }
    if (!['http:', 'https:'].includes(target.protocol)) continue;
    if (target.origin !== localOrigin && target.origin !== siteOrigin) continue;
    const label = `${href} ("${text}")`;
    const file = builtFile(dist, target.pathname);
    if (!file) {
      add(report.links, path, 'link to a page or file that is not built', label);
      continue;
    }
    if (!target.hash || target.hash === '#') continue;
    const fragment = decodeURIComponent(target.hash.slice(1));
    const samePage = target.pathname === new URL(url).pathname;
    const found = samePage ? pageIds.has(fragment) : file.endsWith('.html') && anchorsOf(file).has(fragment);
    if (!found) add(report.links, path, 'link to a #fragment with no element of that id', label);
  }
}

// About 1–2 s a page on the 2-core machines (axe-core is most of it), two pages at a time.
// A page that hangs is reported after 60 s instead of stalling the run.
describe('sweep of the built site', () => {
  const paths = sitemapPaths().slice(0, Number(process.env.SWEEP_LIMIT) || undefined);

  it('opens every page of the sitemap', async () => {
    const queue = [...paths];
    const worker = async () => {
      const context = await browser().newContext();
      // axe-core from node_modules (no CDN), as an init script of every page: the pages' CSP
      // (script-src 'self') blocks page.addScriptTag's inline script, and evaluating the
      // 500 KB source after each load costs more than a second a page.
      await context.addInitScript({ path: axePath });
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        try {
          const t0 = Date.now();
          // page.evaluate (axe.run) has no timeout of its own: a page that hangs is reported.
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            sweep(page, path),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('page sweep timed out (60 s)')), 60_000))),
          ]).finally(() => clearTimeout(timer));
          if (process.env.SWEEP_DEBUG) console.log(path, Date.now() - t0);
          pagesSwept++;
        } catch (error) {
          add(report.network, path, 'sweep failed', String(error));
        } finally {
          // A hung renderer must not hold the worker: closing is bounded too.
          await Promise.race([page.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
        }
      }
      await context.close();
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (!process.env.SWEEP_LIMIT) expect(paths.length).toBeGreaterThan(100);
    expect(pagesSwept).toBe(paths.length);
  }, 1_200_000);

  it('has no axe-core violation of WCAG 2.2 A/AA', () => {
    expect(format(report.axe), 'page → rule → target').toBe('');
  });

  it('has no broken internal link or #fragment', () => {
    expect(format(report.links), 'page → rule → target').toBe('');
  });

  it('gives every image an alt (empty only when decorative), a width and a height', () => {
    expect(format(report.images), 'page → rule → target').toBe('');
  });

  it('logs no console error, fails no request and asks no other host', () => {
    expect(format(report.network), 'page → rule → target').toBe('');
  });
});

describe('html-validate on every HTML file of dist/', () => {
  it('finds no error (404 pages and /admin/ included)', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));
    const errors: Report = new Map();
    let files = 0;
    for (const file of htmlFiles(dist)) {
      files++;
      const result = await validator.validateFile(file);
      for (const message of result.results.flatMap((r) => r.messages)) {
        add(errors, relative(dist, file), message.ruleId, `${message.line}:${message.column} ${message.selector ?? ''} — ${message.message}`);
      }
    }
    expect(files).toBeGreaterThan(100);
    expect(existsSync(join(dist, 'admin/index.html'))).toBe(true);
    expect(format(errors), 'file → rule → location').toBe('');
  }, 120_000);
});
