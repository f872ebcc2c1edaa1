import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium by default; CHROMIUM_PATH overrides it (no browser download works here). */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless Chromium as the tests need it on a closed network: no sandbox (root in CI), no GPU,
 * no background connections to Google. Playwright gives every launch a fresh temporary
 * profile, so no state leaks between runs.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * One browser for the tests of a file: launched before them, closed after. Call at the top
 * level of a test file; use the returned getter inside tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}
