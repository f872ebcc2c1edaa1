import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { dictionaries } from '../../src/i18n/dictionaries';
import { locales, localeKeys } from '../../src/i18n/locales';

const base = inject('baseURL');
const browser = useBrowser();

describe('home pages', () => {
  it.each(localeKeys)('/%s/ renders in its language with translated chrome', async (locale) => {
    const page = await browser().newPage();
    const response = await page.goto(`${base}/${locale}/`);
    expect(response?.status()).toBe(200);
    const ui = dictionaries[locale];
    expect(await page.getAttribute('html', 'lang')).toBe(locales[locale].lang);
    expect(await page.locator('h1').innerText()).toBe(ui['home.title']);
    expect(await page.title()).toBe(ui['site.name']);
    // Header, navigation and footer speak the page's language.
    expect(await page.getByRole('navigation', { name: ui['nav.label'] }).getByRole('link').first().innerText()).toBe(
      ui['nav.home'],
    );
    expect(await page.locator('footer h2').innerText()).toBe(ui['footer.promotersHeading']);
    // The skip link is the first thing a keyboard reaches, and it moves focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(ui['a11y.skipToContent']);
    await page.keyboard.press('Enter');
    // The jump to #main is a navigation that can finish after the key press returns: wait for it.
    await page.waitForURL(`${base}/${locale}/#main`, { timeout: 5_000 });
    expect(page.url()).toBe(`${base}/${locale}/#main`);
    await page.close();
  });

  it('carries canonical and hreflang alternates for every locale plus x-default', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/`);
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (links) =>
      links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]),
    );
    expect(alternates).toEqual([
      ['it', '/it/'],
      ['zh-CN', '/zh/'],
      ['en', '/en/'],
      ['x-default', '/'],
    ]);
    expect(new URL((await page.getAttribute('link[rel=canonical]', 'href'))!).pathname).toBe('/en/');
    expect(await page.getAttribute('meta[property="og:locale"]', 'content')).toBe('en_GB');
    await page.close();
  });
});

describe('language switcher', () => {
  it('marks the current language and leads to the same page in another language', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/it/`);
    const switcher = page.getByRole('navigation', { name: dictionaries.it['lang.switcherLabel'] });
    expect(await switcher.locator('[aria-current]').innerText()).toBe('Italiano');
    await switcher.getByRole('link', { name: '简体中文' }).click();
    await page.waitForURL(`${base}/zh/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const zhSwitcher = page.getByRole('navigation', { name: dictionaries.zh['lang.switcherLabel'] });
    expect(await zhSwitcher.locator('[aria-current]').innerText()).toBe('简体中文');
    await zhSwitcher.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/en/`);
    expect(await page.locator('h1').innerText()).toBe(dictionaries.en['home.title']);
    await page.close();
  });
});

describe('language chooser at /', () => {
  it.each([
    ['zh-CN', '/zh/'],
    ['it-IT', '/it/'],
    ['de-DE', '/en/'],
    ['en-US', '/en/'],
  ])('sends a %s browser to %s', async (browserLocale, target) => {
    const context = await browser().newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}${target}`);
    expect(new URL(page.url()).pathname).toBe(target);
    await context.close();
  });

  it('shows the three languages as plain links when JavaScript is off', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    const links = await page.$$eval('main a', (as) => as.map((a) => [a.getAttribute('href'), a.closest('[lang]')?.getAttribute('lang')]));
    expect(links).toEqual([
      ['/it/', 'it'],
      ['/zh/', 'zh-CN'],
      ['/en/', 'en'],
    ]);
    await page.getByRole('link', { name: /进入中文版/ }).click();
    await page.waitForURL(`${base}/zh/`);
    await context.close();
  });
});

describe('missing pages', () => {
  it('answer 404 in the locale of the path', async () => {
    const page = await browser().newPage();
    for (const locale of localeKeys) {
      const response = await page.goto(`${base}/${locale}/no-such-page/`);
      expect(response?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(locales[locale].lang);
      expect(await page.locator('h1').innerText()).toBe(dictionaries[locale]['error.notFoundTitle']);
      expect(await page.getByRole('link', { name: dictionaries[locale]['error.backHome'] }).getAttribute('href')).toBe(`/${locale}/`);
    }
    await page.close();
  });

  it('answer 404 in the three languages outside any locale', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${base}/no-such-page/`);
    expect(response?.status()).toBe(404);
    const headings = await page.locator('h1').allInnerTexts();
    expect(headings).toEqual(localeKeys.map((l) => dictionaries[l]['error.notFoundTitle']));
    await page.close();
  });
});
