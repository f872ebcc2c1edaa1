import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { useBrowser } from '../support/browser';
import { dictionaries } from '../../src/i18n/dictionaries';
import { adminCspDirectives, commonHeaders, headerRules, publicCspDirectives, serializeCsp } from '../../src/lib/security-headers';
import { backendFromEnv } from '../../src/schema/decap';
import { startDecapServer } from '../../scripts/decap-server.mjs';

const base = inject('baseURL');
const browser = useBrowser();
const publicCsp = serializeCsp(publicCspDirectives);
const adminCsp = serializeCsp(adminCspDirectives(backendFromEnv(process.env)));

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations: Violation[];
  }
}

/**
 * A page that records every CSP violation (securitypolicyviolation events, in the page and
 * its same-origin frames) and every console message about the policy, the Pagefind worker's
 * included.
 */
async function watchedPage(context: BrowserContext) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
      });
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const console: string[] = [];
  const policyMessage = /Content.Security.Policy|Refused to (?:load|execute|apply|connect|compile|create|frame|evaluate)|web worker|falling back to main thread/i;
  page.on('console', (m) => {
    if (policyMessage.test(m.text())) console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (policyMessage.test(m.text())) console.push(`worker ${m.type()}: ${m.text()}`);
    }),
  );
  page.on('pageerror', (e) => {
    if (policyMessage.test(e.message)) console.push(`pageerror: ${e.message}`);
  });
  const violations = async () => {
    const inFrames = await Promise.all(
      page.frames().map((f) => f.evaluate(() => window.__cspViolations ?? []).catch(() => [] as Violation[])),
    );
    return { events: inFrames.flat(), console: [...console] };
  };
  return { page, violations };
}

function expectHeaders(response: Response | null, csp: string) {
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toBe(csp);
  for (const [name, value] of Object.entries(commonHeaders)) expect(headers[name.toLowerCase()]).toBe(value);
}

describe('Content-Security-Policy of the public site', () => {
  let context: BrowserContext;
  let page: Page;
  let violations: Awaited<ReturnType<typeof watchedPage>>['violations'];

  beforeAll(async () => {
    context = await browser().newContext();
    ({ page, violations } = await watchedPage(context));
  });
  afterAll(() => context?.close());

  it('dist/_headers carries the policies of src/lib/security-headers.ts', () => {
    const file = readFileSync('dist/_headers', 'utf8');
    expect(file).toContain(`/*\n  Content-Security-Policy: ${publicCsp}\n`);
    expect(file).toContain(`/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${adminCsp}\n`);
    expect(headerRules(process.env)[0]!.headers['Content-Security-Policy']).toBe(publicCsp);
    expect(publicCsp).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  });

  it.each(['/', '/it/', '/zh/', '/en/'])('%s runs under the policy', async (path) => {
    expectHeaders(await page.goto(`${base}${path}`), publicCsp);
    await page.waitForLoadState('load');
    if (path === '/') await page.waitForURL(/\/(it|zh|en)\/$/);
    expect(await violations()).toEqual({ events: [], console: [] });
  });

  it('the calls list and a call page update their status with the script file', async () => {
    expectHeaders(await page.goto(`${base}/it/calls/`), publicCsp);
    expectHeaders(await page.goto(`${base}/it/calls/green-tech-pilot-vouchers/`), publicCsp);
    await page.waitForLoadState('load');
    expect(await violations()).toEqual({ events: [], console: [] });
  });

  it('an event page: JSON-LD and the QR code', async () => {
    expectHeaders(await page.goto(`${base}/zh/events/ip-protection-webinar-2027-03/`), publicCsp);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0);
    await page.getByRole('img', { name: dictionaries.zh['share.qr'] }).waitFor();
    expect(await violations()).toEqual({ events: [], console: [] });
  });

  it.each(['it', 'zh', 'en'] as const)('search (%s): Pagefind compiles its WebAssembly in its worker', async (locale) => {
    const query = { it: 'brevetti', zh: '知识产权', en: 'business matching' }[locale];
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const wasm: Response[] = [];
    page.on('response', (r) => {
      if (/\.pagefind$|wasm/.test(r.url())) wasm.push(r);
    });
    expectHeaders(await page.goto(`${base}/${locale}/search/?q=${encodeURIComponent(query)}`), publicCsp);
    await page.locator('.search-results > li > a.search-title').first().waitFor();
    expect(workers.some((url) => url.endsWith(`/pagefind/${locale}/pagefind-worker.js`))).toBe(true);
    expect(wasm.length).toBeGreaterThan(0);
    expect(await violations()).toEqual({ events: [], console: [] });
  });

  it('the events month view and the offers list with a filter chosen', async () => {
    expectHeaders(await page.goto(`${base}/en/events/month/`), publicCsp);
    expectHeaders(await page.goto(`${base}/it/offers/`), publicCsp);
    await page.getByRole('group', { name: dictionaries.it['offers.kindLabel'] }).getByLabel(dictionaries.it['offers.kind.request']).check();
    expect(await page.locator('.card:visible').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual({ events: [], console: [] });
  });

  it('a missing page gets the locale 404 with the same headers', async () => {
    const response = await page.goto(`${base}/zh/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-security-policy']).toBe(publicCsp);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await violations()).toEqual({ events: [], console: [] });
  });

  it('the policy is enforced: an injected inline script does not run and is reported', async () => {
    await page.goto(`${base}/en/`);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      return new Promise((ok) => setTimeout(() => ok((window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false), 100));
    });
    expect(ran).toBe(false);
    expect((await violations()).events).toEqual([expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' })]);
  });
});

describe('Content-Security-Policy of the CMS admin', () => {
  let decap: Awaited<ReturnType<typeof startDecapServer>>;
  beforeAll(async () => {
    decap = await startDecapServer({ port: 8081 });
  });
  afterAll(() => decap?.close());

  it('Decap renders, signs in to decap-server and previews an entry without a violation', { timeout: 90_000 }, async () => {
    const context = await browser().newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
    const { page, violations } = await watchedPage(context);
    const response = await page.goto(`${base}/admin/?lang=en`);
    expectHeaders(response, adminCsp);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'News', exact: true }).waitFor();
    await page.goto(`${base}/admin/?lang=en&preview=1#/collections/events/entries/ip-protection-webinar-2027-03`);
    await page.getByTitle('Toggle i18n').waitFor();
    if ((await page.getByText(/^Writing in/).count()) > 1) await page.getByTitle('Toggle i18n').click();
    if (!(await page.locator('iframe').first().isVisible())) await page.getByTitle('Toggle preview').click();
    await page.locator('iframe').first().contentFrame().locator('article.entry h1').waitFor();
    expect(await violations()).toEqual({ events: [], console: [] });
    await context.close();
  });
});
