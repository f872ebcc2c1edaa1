import ICAL from 'ical.js';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { dictionaries } from '../../src/i18n/dictionaries';
import { locales, localeKeys } from '../../src/i18n/locales';
import type { UiKey } from '../../src/i18n/dictionaries';

const base = inject('baseURL');
const browser = useBrowser();

const sections: [string, UiKey][] = [
  ['news', 'news.title'],
  ['calls', 'calls.title'],
  ['events', 'events.title'],
  ['courses', 'courses.title'],
  ['offers', 'offers.title'],
  ['bulletins', 'bulletins.title'],
  ['partners', 'partners.title'],
];

describe('every section in every locale', () => {
  for (const locale of localeKeys) {
    it.each(sections)(`/${locale}/%s/ answers in its language, with its entries`, async (section, titleKey) => {
      const page = await browser().newPage();
      const response = await page.goto(`${base}/${locale}/${section}/`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(locales[locale].lang);
      expect(await page.locator('h1').innerText()).toBe(dictionaries[locale][titleKey]);
      expect(await page.locator('main .card').count()).toBeGreaterThan(0);
      // Every card links to an entry page that answers.
      const href = await page.locator('main .card a').first().getAttribute('href');
      expect((await page.goto(`${base}${href}`))?.status()).toBe(200);
      await page.close();
    });
  }
});

describe('home page', () => {
  it('shows news, open calls, upcoming events, open courses and the latest bulletin', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/`);
    for (const key of ['home.latestNews', 'home.openCalls', 'home.upcomingEvents', 'home.openCourses', 'home.latestBulletin'] as const) {
      await page.getByRole('heading', { name: dictionaries.en[key] }).waitFor();
    }
    expect(await page.locator('#home-news ~ .cards .card, section:has(#home-news) .card').count()).toBe(3);
    await page.close();
  });
});

describe('calls', () => {
  it('show a Beijing deadline with its time in Beijing and in Rome', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/it/calls/green-tech-pilot-vouchers/`);
    const deadline = await page.locator('.facts dd').first().innerText();
    expect(deadline).toContain('4 dicembre 2026');
    expect(deadline).toContain('23:59');
    expect(deadline).toMatch(/Roma: 4 dicembre 2026.*16:59/);
    await page.close();
  });

  it('refresh their status in the browser: a page built before the deadline says closed after it', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const status = () => page.locator('[data-call="green-tech-pilot-vouchers"] cittc-call-status').innerText();
    // Deadline: 4 December 2026, 23:59 Beijing = 15:59 UTC.
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));
    await page.goto(`${base}/it/calls/`);
    await expect.poll(status).toBe(dictionaries.it['calls.status.closing-soon']);
    expect(await page.locator('[data-call-group="closing-soon"] [data-call="green-tech-pilot-vouchers"]').count()).toBe(1);
    await page.clock.setFixedTime(new Date('2026-12-04T16:00:00Z'));
    await page.reload();
    await expect.poll(status).toBe(dictionaries.it['calls.status.closed']);
    expect(await page.locator('[data-call-group="closed"] [data-call="green-tech-pilot-vouchers"]').count()).toBe(1);
    await context.close();
  });

  it('offer an .ics reminder of the deadline', async () => {
    const text = await (await fetch(`${base}/zh/calls/green-tech-pilot-vouchers.ics`)).text();
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-12-04T15:59:00Z');
    expect(String(event.getFirstPropertyValue('summary'))).toMatch(/^截止：/);
    expect(event.getFirstSubcomponent('valarm')).not.toBeNull();
  });
});

describe('events', () => {
  it('show the night Europe changes to summer time in Rome and in Beijing', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/events/ip-protection-webinar-2027-03/`);
    const facts = await page.locator('.facts').innerText();
    expect(facts).toMatch(/28 March 2027.*01:30/);
    expect(facts).toMatch(/Beijing: 28 March 2027.*08:30/);
    expect(facts).toMatch(/28 March 2027.*04:00/);
    expect(facts).toMatch(/Beijing: 28 March 2027.*10:00/);
    await page.close();
  });

  it('list upcoming events soonest first and past ones most recent first', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/it/events/`);
    const starts = (section: string) =>
      page.locator(`section:has(#${section}) .card .event-times dd:first-of-type time`).evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    const upcoming = await starts('upcoming');
    const past = await starts('past');
    expect(upcoming.length + past.length).toBe(9);
    expect(upcoming).toEqual([...upcoming].sort());
    expect(past).toEqual([...past].sort().reverse());
    if (upcoming.length && past.length) expect(past[0]! < upcoming[0]!).toBe(true);
    // The May 2026 forum in Naples is over.
    expect(await page.locator('section:has(#past) .card-title').allInnerTexts()).toContain("Forum sull'innovazione Italia-Cina 2026");
    await page.close();
  });

  it('publish a calendar per locale with the locale’s own events only', async () => {
    const parse = async (locale: string) =>
      new ICAL.Component(ICAL.parse(await (await fetch(`${base}/${locale}/events/calendar.ics`)).text()))
        .getAllSubcomponents('vevent')
        .map((v) => String(v.getFirstPropertyValue('uid')));
    const zh = await parse('zh');
    const it = await parse('it');
    expect(it).toContain('events/university-delegation-beijing-2027@www.cittc.example.org');
    expect(zh).not.toContain('events/university-delegation-beijing-2027@www.cittc.example.org');
    expect(zh.length).toBeGreaterThan(3);
  });
});

describe('offers and requests', () => {
  it('leave the catalogue when expired, but their page still answers, marked expired', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/offers/`);
    expect(await page.locator('main .card-title', { hasText: 'coating' }).count()).toBe(0);
    expect((await page.goto(`${base}/en/offers/edible-coating-fresh-produce/`))?.status()).toBe(200);
    expect(await page.locator('.expired-notice').innerText()).toBe(dictionaries.en['offers.expired']);
    await page.close();
  });

  it('carry their reference and an expression-of-interest e-mail quoting it', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/it/offers/sodium-ion-battery-storage/`);
    expect(await page.locator('.facts').innerText()).toContain('CN-2026-001');
    const mailto = await page.getByRole('link', { name: dictionaries.it['offers.interest'] }).getAttribute('href');
    expect(decodeURIComponent(mailto!)).toMatch(/^mailto:[^?]+\?subject=Manifestazione di interesse CN-2026-001$/);
    await page.close();
  });
});

describe('menus', () => {
  it('come from the pages’ menu and order fields', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/`);
    const main = await page.getByRole('navigation', { name: dictionaries.en['nav.label'] }).getByRole('link').allInnerTexts();
    // Pages with menu: main, by their order field (1–4), after the sections.
    expect(main.slice(-4)).toEqual(['About us', 'Services', 'Promoters and partners', 'Contact']);
    const footer = await page.getByRole('navigation', { name: dictionaries.en['nav.footerLabel'] }).getByRole('link').allInnerTexts();
    expect(footer).toEqual(['Privacy notice']);
    await page.close();
  });
});

describe('filters without JavaScript or a server', () => {
  it('narrow the events to a type and a country', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/en/events/`);
    const visible = () => page.locator('.card:visible').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-type'), c.getAttribute('data-country')]));
    const all = await visible();
    expect(all.length).toBe(9);
    await page.getByRole('group', { name: dictionaries.en['events.type'] }).getByLabel('Webinar').check();
    const webinars = await visible();
    expect(webinars.length).toBeGreaterThan(0);
    expect(webinars.length).toBeLessThan(all.length);
    expect(webinars.every(([type]) => type === 'webinar')).toBe(true);
    await page.getByRole('group', { name: dictionaries.en['events.type'] }).getByLabel(dictionaries.en['events.all']).check();
    await page.getByRole('group', { name: dictionaries.en['events.country'] }).getByLabel('China').check();
    const china = await visible();
    expect(china.length).toBe(all.filter(([, c]) => c === 'cn').length);
    expect(china.every(([, c]) => c === 'cn')).toBe(true);
    await context.close();
  });

  it('narrow the offers to requests', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/it/offers/`);
    await page.getByRole('group', { name: dictionaries.it['offers.kindLabel'] }).getByLabel(dictionaries.it['offers.kind.request']).check();
    const kinds = await page.locator('.card:visible').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['request']));
    await page.close();
  });
});

describe('month grid of the events', () => {
  it('puts each event on the day it starts where it takes place', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/events/month/2027-03/`);
    const march = page.locator('table.month', { has: page.locator('caption', { hasText: 'March 2027' }) });
    const cell = march.locator('td', { has: page.locator('.day', { hasText: /^28$/ }) });
    expect(await cell.getByRole('link').allInnerTexts()).toEqual([expect.stringMatching(/webinar/i)]);
    // 14 May 2027, 19:00 in Beijing: on the 14th, though it ends after midnight.
    await page.goto(`${base}/en/events/month/2027-05/`);
    const may = page.locator('table.month', { has: page.locator('caption', { hasText: 'May 2027' }) });
    expect(await may.locator('td', { has: page.locator('.day', { hasText: /^14$/ }) }).getByRole('link').count()).toBe(1);
    await page.close();
  });
});

describe('sharing without a backend', () => {
  it('shows a QR code that a phone decodes to the page’s address, and the address, selected whole in one click', async () => {
    const { default: jsQR } = await import('jsqr');
    const { default: sharp } = await import('sharp');
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}/zh/events/ip-protection-webinar-2027-03/`);
    const qr = page.getByRole('img', { name: dictionaries.zh['share.qr'] });
    const png = await qr.screenshot();
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height);
    expect(decoded?.data).toBe('https://www.cittc.example.org/zh/events/ip-protection-webinar-2027-03/');
    await page.locator('.share-url').click();
    expect(await page.evaluate(() => String(getSelection()))).toBe(decoded?.data);
    await context.close();
  });
});

describe('bulletins', () => {
  it('are archived by year, with a PDF to download when there is one', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/zh/bulletins/`);
    expect(await page.locator('main').getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['2026']);
    const href = await page.getByRole('link', { name: dictionaries.zh['bulletins.pdf'] }).first().getAttribute('href');
    const pdf = await fetch(`${base}${href}`);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    await page.close();
  });
});

describe('lists and fallbacks', () => {
  it('show a locale’s own entries first and mark the ones shown in another language', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/news/`);
    const badges = await page.locator('.card').evaluateAll((cards) => cards.map((c) => !!c.querySelector('.badge')));
    expect(badges.filter(Boolean).length).toBe(2);
    // Fallbacks come after all own entries.
    expect(badges).toEqual([...badges].sort((a, b) => Number(a) - Number(b)));
    expect(await page.locator('.card:has(.badge) article').first().getAttribute('lang')).toBe('it');
    await page.close();
  });
});
