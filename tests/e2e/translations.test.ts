import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDecapServer } from '../../scripts/decap-server.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';
import { buildEnv, commitAll } from '../../scripts/bench/workspace.mjs';
import { useBrowser } from '../support/browser';
import { copySite, type SiteCopy } from '../support/site-copy';

/*
 * The translation status as editors see it, on a throw-away copy of the site whose content has
 * a history of its own: the page /admin/translations/, its filters and links, the note in the
 * CMS editor, and the minor-edit switch (decap-server in Git mode, so that a save is a commit).
 */

const browser = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const call = (title: string, body: string) =>
  `---\ntitle: "${title}"\nsummary: "Vouchers for pilots."\ndate: 2026-10-12\ndeadline: "2026-12-20T23:59"\ntimezone: Europe/Rome\ncategory: funding\nfunder: CITTC\n---\n\n${body}\n`;
const news = (title: string, body: string) => `---\ntitle: "${title}"\nsummary: "A fixture."\ndate: 2026-11-02\n---\n\n${body}\n`;

let site: SiteCopy;
let server: { url: string; close(): Promise<void> | void };
let decap: Awaited<ReturnType<typeof startDecapServer>>;

beforeAll(async () => {
  site = await copySite(['pages', 'media', 'topics', 'sectors']);
  site.write('content/calls/it/vouchers.mdx', call('Voucher verdi', 'Il bando finanzia progetti pilota.'));
  site.write('content/calls/zh/vouchers.mdx', call('绿色创新券', '资助试点项目。'));
  site.write('content/calls/en/vouchers.mdx', call('Green vouchers', 'The call funds pilot projects.'));
  site.write('content/news/it/solo.mdx', news('Solo in italiano', 'Testo.'));
  site.write('content/news/it/forum.mdx', news('Forum di Napoli', 'Testo del forum.'));
  site.write('content/news/zh/forum.mdx', news('那不勒斯论坛', '论坛正文。'));
  site.write('content/news/en/forum.mdx', news('Naples forum', 'Forum text.'));
  await commitAll(site.dir, 'Fixture content', new Date('2026-11-01T10:00:00Z'));
  site.write('content/calls/it/vouchers.mdx', call('Voucher verdi', 'Il bando finanzia progetti pilota di nove mesi.'));
  await commitAll(site.dir, 'Longer pilots', new Date('2026-12-03T09:30:00Z'));
  site.write('content/news/zh/forum.mdx', news('那不勒斯论坛', '论坛的正文。'));
  await commitAll(site.dir, 'Typo [minor]', new Date('2026-12-04T09:30:00Z'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: site.dir, encoding: 'utf8' });
  // As the CMS's backend expects: a main branch, and who commits.
  git('branch', '-M', 'main');
  git('config', 'user.name', 'Editor');
  git('config', 'user.email', 'editor@localhost');
  const result = await site.build();
  expect(result.ok, result.output.slice(-3000)).toBe(true);
  server = await startStaticServer(join(site.dir, 'dist'));
  decap = await startDecapServer({ port: 8081, repoDir: site.dir });
}, 300_000);

afterAll(async () => {
  await decap?.close();
  await server?.close();
  await site?.remove();
});

/** The text of one language's cell in an entry's row. */
const cell = (page: Page, slug: string, locale: string) => page.locator('tbody tr').filter({ hasText: slug }).locator(`td[data-locale="${locale}"]`);
/** Opens the status page and waits for its rows (made by its script from the JSON). */
async function openStatusPage(page: Page, url: string) {
  await page.goto(url);
  await page.locator('tbody tr').first().waitFor();
}
const filter = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const visibleSlugs = (page: Page) => page.locator('tbody tr:not([hidden]) .slug').allInnerTexts();

describe('the translation status page', { timeout: 120_000 }, () => {
  it('opens in the editor’s language and shows each entry’s status in each language, with the progress per language', async () => {
    const context = await browser().newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/translations/`);
    await page.waitForURL(/\/admin\/translations\/en\/$/);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('h1').innerText()).toBe('Translation status');
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toContain('noindex');
    expect(await cell(page, 'vouchers', 'it').innerText()).toMatch(/^Up to date\nchanged 3 December 2026/);
    expect(await cell(page, 'vouchers', 'zh').innerText()).toMatch(/^Outdated\nnewer text in Italian since 3 December 2026/);
    expect(await cell(page, 'vouchers', 'en').innerText()).toMatch(/^Outdated\nnewer text in Italian since 3 December 2026/);
    expect(await cell(page, 'solo', 'zh').innerText()).toMatch(/^Missing/);
    // The Chinese typo fix was marked [minor]: Italian and English stay up to date.
    for (const l of ['it', 'zh', 'en']) expect(await cell(page, 'forum', l).innerText()).toMatch(/^Up to date/);
    const progress = await page.locator('.progress li').allInnerTexts();
    const total = await page.locator('tbody tr').count();
    expect(progress[1]).toContain(`Chinese: ${total - 2} of ${total} up to date`);
    expect(progress[1]).toContain('1 outdated, 1 missing');
    // In Chinese, chosen from the language links.
    await page.getByRole('navigation', { name: 'Interface language' }).getByRole('link', { name: '简体中文' }).click();
    await page.waitForURL(/\/admin\/translations\/zh\/$/);
    expect(await cell(page, 'vouchers', 'zh').locator('.status').innerText()).toBe('需更新');
    await context.close();
  });

  it('meets WCAG 2.2 A/AA (axe-core) in every interface language, filtered or not', async () => {
    const context = await browser().newContext();
    await context.addInitScript({ path: axePath });
    const page = await context.newPage();
    const violations = async () =>
      page.evaluate(async () => {
        const result = await (window as any).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations'],
        });
        return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    for (const ui of ['it', 'zh', 'en']) {
      await openStatusPage(page, `${server.url}/admin/translations/${ui}/`);
      expect(await violations(), ui).toEqual([]);
    }
    await filter(page, 'Language').selectOption('zh');
    await filter(page, 'Status').selectOption('outdated');
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('filters entries by section, language and status', async () => {
    const page = await browser().newPage();
    await openStatusPage(page, `${server.url}/admin/translations/en/`);
    const total = await page.locator('tbody tr').count();
    await filter(page, 'Status').selectOption({ label: 'Missing' });
    expect(await visibleSlugs(page)).toEqual(['solo']);
    await filter(page, 'Language').selectOption({ label: 'Chinese' });
    await filter(page, 'Status').selectOption({ label: 'Outdated' });
    expect(await visibleSlugs(page)).toEqual(['vouchers']);
    expect(await page.getByRole('status').innerText()).toBe(`1 of ${total} entries shown`);
    // Only the chosen language's column is shown.
    expect(await page.locator('thead th:not([hidden])').allInnerTexts()).toEqual(['Section', 'Entry', 'Chinese']);
    await filter(page, 'Status').selectOption({ label: 'All' });
    await filter(page, 'Language').selectOption({ label: 'All' });
    await filter(page, 'Section').selectOption({ label: 'News' });
    expect((await visibleSlugs(page)).sort()).toEqual(['forum', 'solo']);
    await page.close();
  });

  it('links each entry to its public page in each language', async () => {
    const page = await browser().newPage();
    await openStatusPage(page, `${server.url}/admin/translations/en/`);
    await cell(page, 'vouchers', 'zh').getByRole('link', { name: 'Page Green vouchers in Chinese' }).click();
    await page.waitForURL(`${server.url}/zh/calls/vouchers/`);
    expect(await page.locator('h1').innerText()).toBe('绿色创新券');
    await page.close();
  });
});

/** Builds the copy again and serves the new build (the static server keeps the file list it started with). */
async function rebuild(env: Record<string, string> = {}) {
  const result = await site.build(env);
  expect(result.ok, result.output.slice(-3000)).toBe(true);
  await server.close();
  server = await startStaticServer(join(site.dir, 'dist'));
}

describe('public pages', { timeout: 300_000 }, () => {
  const notice = async (path: string) => {
    const page = await browser().newPage();
    await page.goto(`${server.url}${path}`);
    const link = page.locator('.translation-notice a');
    const found = (await link.count()) ? { text: await link.innerText(), href: await link.getAttribute('href'), hreflang: await link.getAttribute('hreflang') } : undefined;
    const fallback = await page.locator('.fallback-notice').count();
    await page.close();
    return { found, fallback };
  };

  it('say on an outdated translation which language is newer and since when, linking to it', async () => {
    expect((await notice('/zh/calls/vouchers/')).found).toEqual({ text: '有更新的意大利语版本，更新于2026年12月3日。', href: '/it/calls/vouchers/', hreflang: 'it' });
    expect((await notice('/en/calls/vouchers/')).found).toEqual({
      text: 'A more recent version is available in Italian, updated 3 December 2026.',
      href: '/it/calls/vouchers/',
      hreflang: 'it',
    });
    expect((await notice('/it/calls/vouchers/')).found).toBeUndefined();
    // A fallback page keeps its own notice, and only that.
    expect(await notice('/zh/news/solo/')).toEqual({ found: undefined, fallback: 1 });
  });

  it('get the note when another language changes, though their own file did not (incremental rebuild)', async () => {
    expect((await notice('/zh/news/forum/')).found).toBeUndefined();
    site.write('content/news/it/forum.mdx', news('Forum di Napoli', 'Testo del forum, con il programma.'));
    await commitAll(site.dir, 'Forum programme', new Date('2026-12-05T09:30:00Z'));
    await rebuild();
    expect((await notice('/zh/news/forum/')).found?.text).toBe('有更新的意大利语版本，更新于2026年12月5日。');
  });

  it('leave the note out with TRANSLATION_NOTE=off', async () => {
    await rebuild({ TRANSLATION_NOTE: 'off' });
    expect((await notice('/zh/calls/vouchers/')).found).toBeUndefined();
    expect((await notice('/zh/news/forum/')).found).toBeUndefined();
  });
});

describe('under astro dev (npm run cms)', { timeout: 180_000 }, () => {
  it('shows a new commit on reload, without a build', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    // The environment of a developer's shell: none of the test runner's variables.
    const env = Object.fromEntries(Object.entries(buildEnv(site.dir)).filter(([n]) => !n.startsWith('VITEST') && n !== 'NODE_ENV' && n !== 'TEST'));
    const dev = spawn(join(site.dir, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: site.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    dev.stdout!.on('data', (chunk) => (output += chunk));
    dev.stderr!.on('data', (chunk) => (output += chunk));
    const origin = `http://127.0.0.1:${port}`;
    const statusOf = async (slug: string) => {
      const report = (await (await fetch(`${origin}/admin/translations.json`)).json()) as { entries: { slug: string; locales: Record<string, { status: string }> }[] };
      const entry = report.entries.find((e) => e.slug === slug)!;
      return Object.fromEntries(Object.entries(entry.locales).map(([l, s]) => [l, s.status]));
    };
    try {
      const deadline = Date.now() + 120_000;
      while (!(await fetch(`${origin}/admin/translations.json`).then((r) => r.ok, () => false))) {
        if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`astro dev did not answer:\n${output}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(await statusOf('solo')).toEqual({ it: 'up-to-date', zh: 'missing', en: 'missing' });
      // A Chinese translation, committed.
      site.write('content/news/zh/solo.mdx', news('只有意大利语', '正文。'));
      await commitAll(site.dir, 'Chinese translation', new Date('2026-12-06T09:30:00Z'));
      expect(await statusOf('solo')).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'missing' });
      const page = await browser().newPage();
      await openStatusPage(page, `${origin}/admin/translations/en/`);
      expect(await cell(page, 'solo', 'zh').innerText()).toMatch(/^Up to date\nchanged 6 December 2026/);
      await page.close();
    } finally {
      if (dev.pid && dev.exitCode === null) process.kill(-dev.pid, 'SIGTERM');
    }
  });
});

describe('the CMS editor', { timeout: 120_000 }, () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(40_000);
    await page.goto(`${server.url}/admin/?lang=en`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'News', exact: true }).waitFor();
  });
  afterAll(() => page?.close());

  const note = () => page.locator('.admin-translation-note[role="status"]');

  it('opens the entry a row of the status page links to, noting its outdated translations', async () => {
    await openStatusPage(page, `${server.url}/admin/translations/en/`);
    await page.getByRole('link', { name: 'Green vouchers (Edit)' }).click();
    await page.waitForURL(/\/admin\/\?lang=en#\/collections\/calls\/entries\/vouchers$/);
    await expect
      .poll(() => page.locator('.SplitPane .Pane1').getByLabel('Title', { exact: true }).inputValue(), { timeout: 20_000 })
      .toBe('Voucher verdi');
    await note().getByText('Translations of this entry').waitFor();
    expect(await note().locator('li').allInnerTexts()).toEqual([
      'Chinese: outdated, newer text in Italian since 3 December 2026',
      'English: outdated, newer text in Italian since 3 December 2026',
    ]);
  });

  it('notes missing translations, and nothing where every translation is up to date', async () => {
    await page.goto(`${server.url}/admin/?lang=en#/collections/news/entries/solo`);
    await note().getByText('Chinese: missing').waitFor();
    expect(await note().locator('li').allInnerTexts()).toEqual(['Chinese: missing', 'English: missing']);
    await page.goto(`${server.url}/admin/?lang=it#/collections/pages/entries/about`);
    await page.locator('.SplitPane .Pane1').getByLabel('Titolo', { exact: true }).waitFor();
    expect(await note().innerText()).toBe('');
    // Back to the list: no note.
    await page.goto(`${server.url}/admin/?lang=zh#/collections/news/entries/solo`);
    await note().getByText('英语：缺失').waitFor();
    await page.goto(`${server.url}/admin/?lang=zh#/collections/news`);
    await expect.poll(() => note().innerText(), { timeout: 10_000 }).toBe('');
  });

  it('tells how to mark a minor edit when saves are not committed (decap-server writing files only)', async () => {
    await page.goto(`${server.url}/admin/?lang=en#/collections/calls/entries/vouchers`);
    await page.getByText('A minor edit (typo fix)? When you commit the files, write [minor] in the commit message').waitFor();
    expect(await page.getByRole('checkbox', { name: /Minor edit/ }).count()).toBe(0);
  });

  it('commits a save marked as a minor edit with [minor], which outdates no translation', async () => {
    // decap-server in Git mode: each save is a commit, with the CMS's message.
    await decap.close();
    decap = await startDecapServer({ port: 8081, repoDir: site.dir, mode: 'git' });
    // A new document (a change of the hash alone would keep the CMS as it was loaded).
    await page.goto(`${server.url}/admin/?lang=en&git=1#/collections/calls/entries/vouchers`);
    const zhPane = page.locator('.SplitPane .Pane2');
    await zhPane.getByLabel('Title', { exact: true }).waitFor();
    if (!(await zhPane.getByText('Writing in ZH').isVisible())) {
      await zhPane.getByRole('button', { name: /Writing in/ }).click();
      await page.getByRole('menuitem', { name: 'ZH' }).click();
    }
    await page.getByLabel('Minor edit (typo fix): does not make other languages outdated').check();
    await zhPane.getByLabel('Title', { exact: true }).fill('绿色技术创新券');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    await page.getByText('Changes saved').waitFor();
    const message = execFileSync('git', ['log', '-1', '--format=%B'], { cwd: site.dir, encoding: 'utf8' });
    expect(message).toMatch(/^Update .*vouchers.* \[minor\]/);
    expect(execFileSync('git', ['show', '--name-only', '--format=', 'HEAD'], { cwd: site.dir, encoding: 'utf8' })).toContain('content/calls/zh/vouchers.mdx');
    // The switch is cleared after the save.
    expect(await page.getByLabel('Minor edit (typo fix): does not make other languages outdated').isChecked()).toBe(false);
    // Chinese changed after Italian, but only by a minor edit: it is still outdated, and Italian is not.
    const run = spawnSync('npm', ['run', '-s', 'translations', '--', '--root', site.dir, '--json'], { encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { entries: { slug: string; locales: Record<string, { status: string }> }[] };
    const vouchers = report.entries.find((e) => e.slug === 'vouchers')!;
    expect(Object.fromEntries(Object.entries(vouchers.locales).map(([l, s]) => [l, s.status]))).toEqual({ it: 'up-to-date', zh: 'outdated', en: 'outdated' });
  });
});
