import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { dictionaries } from '../../src/i18n/dictionaries';
import { localeKeys } from '../../src/i18n/locales';
import { useBrowser } from '../support/browser';

/*
 * The events' month view: one page per month, the entry page /<l>/events/month/ showing the
 * month of the build, and a script that takes the visitor to their own month and marks their
 * today. The build's date is whatever `npm run build` had: the tests read it from the page
 * (the cell marked as today) instead of assuming one.
 */

const base = inject('baseURL');
const browser = useBrowser();

const caption = (page: Page) => page.locator('table.month caption').innerText();
const todayCells = (page: Page) => page.locator('table.month td[aria-current="date"]');
const dayCell = (page: Page, day: number) => page.locator('table.month td', { has: page.locator('.day', { hasText: new RegExp(`^${day}$`) }) });

/** The entry page as the build made it (no script): its month, first and last months, and today. */
async function built(locale = 'en') {
  const context = await browser().newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/${locale}/events/month/`);
  const table = page.locator('table.month');
  const facts = {
    month: (await table.getAttribute('data-month'))!,
    first: (await table.getAttribute('data-first'))!,
    last: (await table.getAttribute('data-last'))!,
    today: await todayCells(page).getAttribute('data-date'),
    caption: await caption(page),
  };
  await context.close();
  return facts;
}

describe('month pages', () => {
  it('show a month with its events, and lead to the months before and after', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await page.goto(`${base}/en/events/month/2027-03/`))?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Events in March 2027');
    expect(await caption(page)).toBe('March 2027');
    expect(await page.locator('table.month th[scope="col"]').allInnerTexts()).toEqual(dictionaries.en['events.weekdays'].split(','));
    expect(await dayCell(page, 28).getByRole('link').allInnerTexts()).toEqual([expect.stringMatching(/webinar/i)]);
    expect(await page.getByText(dictionaries.en['events.noEventsMonth']).count()).toBe(0);
    // The event's link opens its page.
    await dayCell(page, 28).getByRole('link').click();
    await page.waitForURL(`${base}/en/events/ip-protection-webinar-2027-03/`);

    await page.goto(`${base}/en/events/month/2027-03/`);
    const months = page.getByRole('navigation', { name: dictionaries.en['events.monthNav'] });
    await months.getByRole('link', { name: 'February 2027' }).click();
    await page.waitForURL(`${base}/en/events/month/2027-02/`);
    expect(await caption(page)).toBe('February 2027');
    await months.getByRole('link', { name: 'March 2027' }).click();
    await months.getByRole('link', { name: 'April 2027' }).click();
    await page.waitForURL(`${base}/en/events/month/2027-04/`);
    expect(await caption(page)).toBe('April 2027');
    expect(await page.locator('link[rel="prev"]').getAttribute('href')).toBe('/en/events/month/2027-03/');
    expect(await page.locator('link[rel="next"]').getAttribute('href')).toBe('/en/events/month/2027-05/');
    await context.close();
  });

  it('link only to months that have a page: none before the first, none after the last', async () => {
    const { first, last } = await built();
    const page = await browser().newPage();
    const months = page.getByRole('navigation', { name: dictionaries.en['events.monthNav'] });
    await page.goto(`${base}/en/events/month/${first}/`);
    expect(await months.locator('a[rel="prev"]').count()).toBe(0);
    expect(await months.locator('a[rel="next"]').count()).toBe(1);
    await page.goto(`${base}/en/events/month/${last}/`);
    expect(await months.locator('a[rel="next"]').count()).toBe(0);
    expect((await page.goto(`${base}/en/events/month/${lastPlusOne(last)}/`))?.status()).toBe(404);
    await page.close();
  });

  it('say so when a month has no events, and still show its grid', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/it/events/month/2026-06/`);
    expect(await caption(page)).toBe('giugno 2026');
    expect(await page.locator('table.month .day').count()).toBe(30);
    expect(await page.locator('table.month td a').count()).toBe(0);
    expect(await page.getByText(dictionaries.it['events.noEventsMonth']).isVisible()).toBe(true);
    await page.close();
  });

  it('name months and weekdays in Chinese on the Chinese pages', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/zh/events/month/2027-03/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').innerText()).toBe('2027年3月活动');
    expect(await caption(page)).toBe('2027年3月');
    expect(await page.locator('table.month th').allInnerTexts()).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    const months = page.getByRole('navigation', { name: dictionaries.zh['events.monthNav'] });
    expect(await months.getByRole('link').allInnerTexts()).toEqual([expect.stringContaining('2027年2月'), expect.stringContaining('2027年4月')]);
    await page.close();
  });

  it('are in the sitemap in every locale, each with the others as alternates', async () => {
    const xml = await (await fetch(`${base}/sitemap.xml`)).text();
    const { first, last } = await built();
    for (const month of [first, '2027-03', last]) {
      for (const locale of localeKeys) {
        const url = new RegExp(`<url>\\s*<loc>[^<]*/${locale}/events/month/${month}/</loc>([\\s\\S]*?)</url>`).exec(xml);
        expect(url, `${locale} ${month}`).not.toBeNull();
        for (const other of localeKeys) expect(url![1]).toContain(`/${other}/events/month/${month}/"`);
      }
    }
  });
});

describe('the entry page of the month view', () => {
  it('without JavaScript shows the month of the build, with today marked, as its month page does', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const locale of localeKeys) {
      await page.goto(`${base}/${locale}/events/month/`);
      const month = await page.locator('table.month').getAttribute('data-month');
      // Today of the build, in Rome, is in the month shown.
      const today = await todayCells(page).getAttribute('data-date');
      expect(await todayCells(page).count()).toBe(1);
      expect(today!.slice(0, 7)).toBe(month);
      expect(await todayCells(page).locator('.today-mark').innerText()).toBe(dictionaries[locale]['events.today']);
      const main = await page.locator('main').innerHTML();
      await page.goto(`${base}/${locale}/events/month/${month}/`);
      expect(await page.locator('main').innerHTML()).toBe(main.replace(/ data-first="[^"]*" data-last="[^"]*"/, ''));
    }
    await context.close();
  });

  it('takes a visitor whose month is another one to that month’s page, and Back to where they came from', async () => {
    const { month } = await built();
    const target = month === '2027-03' ? '2027-04' : '2027-03';
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${target}-15T10:00:00Z`));
    await page.goto(`${base}/en/events/`);
    await page.getByRole('link', { name: dictionaries.en['events.calendarView'] }).click();
    await page.waitForURL(`${base}/en/events/month/${target}/`);
    expect(await caption(page)).toBe(target === '2027-03' ? 'March 2027' : 'April 2027');
    // Today is the visitor's: one mark, on the 15th.
    await expect.poll(() => todayCells(page).getAttribute('data-date')).toBe(`${target}-15`);
    expect(await todayCells(page).count()).toBe(1);
    expect(await dayCell(page, 15).locator('.today-mark').innerText()).toBe('Today');
    // The entry page replaced itself: Back returns to the list.
    await page.goBack();
    await page.waitForURL(`${base}/en/events/`);
    await context.close();
  });

  it('stays on the month of the build when the visitor’s month has no page', async () => {
    const { month, caption: shown } = await built('zh');
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2040-06-15T10:00:00Z'));
    await page.goto(`${base}/zh/events/month/`);
    expect(await caption(page)).toBe(shown);
    expect(await page.locator('table.month').getAttribute('data-month')).toBe(month);
    // The build's today is not the visitor's: no day is marked.
    await expect.poll(() => todayCells(page).count()).toBe(0);
    expect(await page.locator('.today-mark').count()).toBe(0);
    expect(page.url()).toBe(`${base}/zh/events/month/`);
    await context.close();
  });
});

describe('month pages with JavaScript', () => {
  it('mark the visitor’s today, not the build’s, and never send the visitor elsewhere', async () => {
    const { month, today } = await built();
    const visitor = month === '2027-03' ? '2027-04-02' : '2027-03-02';
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${visitor}T10:00:00Z`));
    // The build's month: its today mark goes away.
    await page.goto(`${base}/en/events/month/${month}/`);
    await expect.poll(() => todayCells(page).count()).toBe(0);
    expect(await page.locator(`td[data-date="${today}"] .today-mark`).count()).toBe(0);
    expect(page.url()).toBe(`${base}/en/events/month/${month}/`);
    // The visitor's month: the mark is on their day.
    await page.goto(`${base}/en/events/month/${visitor.slice(0, 7)}/`);
    await expect.poll(() => todayCells(page).getAttribute('data-date')).toBe(visitor);
    expect(await page.locator('.today-mark').count()).toBe(1);
    await context.close();
  });
});

/** The month after `month` (YYYY-MM). */
function lastPlusOne(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
