import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { issues, parseEntry } from '../support/content';
import { portInUse } from '../../scripts/decap-server.mjs';

/**
 * The editors' quick start of README.md, done as an editor does it: the command it names, run
 * through npm in a process group of its own (as a terminal runs it), then its numbered steps in
 * Chromium with the labels it quotes, then Ctrl+C. A README that drifts from the command or
 * from the admin's labels fails here. Ports are free ones (CMS_PORT, DECAP_PORT), so the test
 * meets no other server, and none of the other tests' servers meet it.
 */

/** The numbered steps of the README's "Editors' quick start", one string per step. */
function quickStartSteps(readme: string): string[] {
  const section = readme.split(/^## Editors' quick start$/m)[1]?.split(/^#{2,3} /m)[0];
  if (!section) throw new Error('README.md has no "## Editors\' quick start" section');
  const steps: string[] = [];
  for (const line of section.split('\n')) {
    const item = /^\d+\. (.*)$/.exec(line);
    if (item) steps.push(item[1]!);
    else if (steps.length && /^ {3}\S/.test(line)) steps[steps.length - 1] += ` ${line.trim()}`;
    else if (steps.length && line.trim()) break;
  }
  return steps;
}
const bold = (text: string) => [...text.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]!);
const code = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);

const steps = quickStartSteps(readFileSync('README.md', 'utf8'));
const [startStep = '', openStep = '', createStep = '', writeStep = '', publishStep = '', stopStep = ''] = steps;
const command = code(startStep)[0] ?? '';
const readyText = quoted(startStep)[0] ?? '';
const readmeAdminUrl = /https?:\/\/\S+\/admin\//.exec(openStep)?.[0] ?? '';
const [loginLabel = ''] = bold(openStep);
const [newEntryLabel = ''] = bold(createStep);
const [itPaneLabel = '', zhPaneLabel = ''] = quoted(createStep);
const [italianPart = '', chinesePart = ''] = writeStep.split(';');
const [publishLabel = '', publishNowLabel = ''] = bold(publishStep);
const savedFolders = code(publishStep);

const stamp = Date.now().toString(36);
const TITLE_IT = `Prova avvio rapido ${stamp}`;
const TITLE_ZH = `快速入门测试 ${stamp}`;
const SLUG = `prova-avvio-rapido-${stamp}`;
/** What the test types into each field the README names, per language. */
const values: Record<'it' | 'zh', Record<string, string>> = {
  it: { Title: TITLE_IT, Summary: 'Una notizia scritta seguendo l’avvio rapido.', Date: '2026-12-02' },
  zh: { Title: TITLE_ZH, Summary: '按照快速入门写的新闻摘要。' },
};
const created = ['it', 'zh', 'en'].map((l) => `content/news/${l}/${SLUG}.mdx`);

/** The environment a developer's shell has: none of the test runner's variables. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([n]) => !n.startsWith('VITEST') && n !== 'NODE_ENV' && n !== 'TEST'));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Two distinct ports nothing listens on now. */
async function freePorts(): Promise<[number, number]> {
  const servers = [createServer(), createServer()];
  await Promise.all(servers.map((s) => new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))));
  const ports = servers.map((s) => (s.address() as { port: number }).port) as [number, number];
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  return ports;
}

/** Processes still running a server of this test: Astro on its port, decap-server on its port. */
function serversLeft(cmsPort: number, decapPort: number): string[] {
  const left: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      const isAstro = cmd.includes('astro') && cmd.includes(` --port ${cmsPort}`);
      const isDecap = cmd.includes('decap-server') && readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`PORT=${decapPort}`);
      if (isAstro || isDecap) left.push(`${pid}: ${cmd}`);
    } catch {
      // The process ended while being looked at.
    }
  }
  return left;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal that ended npm. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** The README's command, run as a terminal runs it: through npm, in a process group of its own. */
function runCommand(env: Record<string, string>): Run {
  const [program, ...args] = command.split(' ');
  const child = spawn(program!, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: shellEnv(env) });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | NodeJS.Signals | null>((ok) => child.once('exit', (code, signal) => ok(signal ?? code)));
  return { child, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in the command's output, or fails if it exits first. */
function waitForOutput(run: Run, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(run.output());
      if (!match) return;
      run.child.stdout!.off('data', check);
      resolve(match);
    };
    run.child.stdout!.on('data', check);
    check();
    void run.exited.then((code) => reject(new Error(`\`${command}\` exited (${code}) before printing ${pattern}:\n${run.output()}`)));
  });
}

/** Resolves once no process of the process group `group` is left. */
async function groupEnded(group: number): Promise<void> {
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

let cms: Run | undefined;
let browser: Browser | undefined;
const holders: Server[] = [];

afterAll(async () => {
  await browser?.close();
  // A run left over by a failed test: its servers end with it (exit-with-parent.mjs).
  if (cms && cms.child.exitCode === null && cms.child.signalCode === null) {
    process.kill(-cms.child.pid!, 'SIGKILL');
    await cms.exited;
  }
  for (const server of holders) server.close();
  for (const file of created) rmSync(file, { force: true });
});

describe("README's editors' quick start, followed in the browser", { timeout: 300_000 }, () => {
  let cmsPort = 0;
  let decapPort = 0;
  let adminUrl = '';

  it('names a command, the admin address and the labels of each step', () => {
    expect(steps.length, steps.join('\n')).toBe(6);
    expect(command).toBe('npm run cms');
    expect(readyText).not.toBe('');
    expect(new URL(readmeAdminUrl).origin).toBe('http://127.0.0.1:4321');
    expect([loginLabel, newEntryLabel, itPaneLabel, zhPaneLabel, publishLabel, publishNowLabel].every(Boolean)).toBe(true);
    expect(bold(italianPart).length).toBeGreaterThan(0);
    expect(bold(chinesePart).length).toBeGreaterThan(0);
    expect(savedFolders).toEqual(['content/news/it/', 'content/news/zh/']);
    expect(stopStep).toContain('Ctrl+C');
  });

  it('starts both servers with the README command, and /admin/ answers 200', async () => {
    [cmsPort, decapPort] = await freePorts();
    cms = runCommand({ CMS_PORT: String(cmsPort), DECAP_PORT: String(decapPort) });
    const started = Date.now();
    const ready = await waitForOutput(cms, new RegExp(`${readyText}: open (\\S+)`));
    console.log(`\`${command}\`: ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    adminUrl = ready[1]!;
    // The address it prints is the README's, on the port the test chose.
    const expected = new URL(readmeAdminUrl);
    expected.port = String(cmsPort);
    expect(adminUrl).toBe(expected.href);
    const admin = await fetch(adminUrl);
    expect(admin.status).toBe(200);
    // The admin is told to save through this run's decap-server.
    expect(await admin.text()).toContain(`http://127.0.0.1:${decapPort}/api/v1`);
  });

  it('saves an Italian news item and its Chinese translation through the steps the README lists', async () => {
    expect(adminUrl, 'the command did not start').not.toBe('');
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // Step 2. The dev server's first /admin/ compiles Decap through Vite: the slow part.
    const opened = Date.now();
    await page.goto(adminUrl, { timeout: 240_000 });
    await page.getByRole('button', { name: loginLabel, exact: true }).waitFor({ timeout: 240_000 });
    console.log(`first /admin/ under the dev server: "${loginLabel}" shown after ${((Date.now() - opened) / 1000).toFixed(1)} s`);
    page.setDefaultTimeout(60_000);
    await page.getByRole('button', { name: loginLabel, exact: true }).click();

    // Step 3.
    await page.getByText(newEntryLabel, { exact: true }).click();
    const itPane = page.locator('.SplitPane .Pane1');
    const zhPane = page.locator('.SplitPane .Pane2');
    await itPane.getByText(itPaneLabel, { exact: true }).waitFor();
    if (!(await zhPane.getByText(zhPaneLabel, { exact: true }).isVisible())) {
      await zhPane.getByRole('button', { name: /Writing in/ }).click();
      await page.getByRole('menuitem', { name: zhPaneLabel.split(' ').pop() }).click();
    }
    await zhPane.getByText(zhPaneLabel, { exact: true }).waitFor();

    // Step 4: the fields the README names, Italian on the left, Chinese on the right, and the text.
    for (const [pane, locale, part] of [
      [itPane, 'it', italianPart],
      [zhPane, 'zh', chinesePart],
    ] as const) {
      for (const label of bold(part)) {
        const value = values[locale][label];
        if (value === undefined) throw new Error(`the README names the field "${label}" (${locale}), which this test has no value for`);
        await pane.getByLabel(label, { exact: true }).fill(value);
      }
      await pane.locator('[aria-label="markdown field"] [data-slate-editor="true"]').click();
      await page.keyboard.type(locale === 'it' ? 'Il testo della notizia.' : '新闻正文。');
    }

    // Step 5.
    await page.getByRole('button', { name: publishLabel, exact: true }).click();
    let reloads = 0;
    page.on('load', () => reloads++);
    await page.getByRole('menuitem', { name: publishNowLabel, exact: true }).click();
    // Saved: Decap opens the saved entry and keeps it open. The dev server of `npm run cms` does
    // not reload the admin when the save writes into content/ (it would empty the editor).
    await page.waitForURL(new RegExp(`#/collections/news/entries/${SLUG}$`));
    await page.getByRole('button', { name: publishLabel }).or(page.getByText(/Changes saved|Published/)).first().waitFor();
    await page.waitForTimeout(3000);
    expect(reloads, 'the admin reloaded itself after the save').toBe(0);
    expect(await itPane.getByLabel('Title', { exact: true }).inputValue()).toBe(TITLE_IT);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
    // The news list shows the new item.
    await page.goto(new URL('#/collections/news', adminUrl).href);
    await page.getByText(TITLE_IT).first().waitFor();
  });

  it('writes the two files into the folders the README names, with the typed titles', () => {
    const [itFolder, zhFolder] = savedFolders;
    const itEntry = parseEntry('news', readFileSync(`${itFolder}${SLUG}.mdx`, 'utf8'));
    const zhEntry = parseEntry('news', readFileSync(`${zhFolder}${SLUG}.mdx`, 'utf8'));
    expect(issues(itEntry)).toEqual([]);
    expect(issues(zhEntry)).toEqual([]);
    expect(itEntry.data).toMatchObject({ title: TITLE_IT, summary: values.it.Summary, date: '2026-12-02' });
    expect(zhEntry.data).toMatchObject({ title: TITLE_ZH, summary: values.zh.Summary, date: '2026-12-02' });
  });

  it('stops both servers on Ctrl+C (SIGINT to its process group) and frees both ports', async () => {
    expect(cms, 'the command did not start').toBeDefined();
    const group = cms!.child.pid!;
    process.kill(-group, 'SIGINT');
    // npm ends as a terminal's Ctrl+C ends it (by SIGINT, or 0), not with an error code.
    expect([0, 'SIGINT'], cms!.output()).toContain(await cms!.exited);
    // npm's shell ends on the SIGINT too, so npm may end before the script has stopped the two
    // servers; the command is over once no process of its group is left.
    await groupEnded(group);
    expect(cms!.output()).not.toMatch(/^npm run cms:/m);
    expect(await portInUse(cmsPort)).toBe(false);
    expect(await portInUse(decapPort)).toBe(false);
    expect(serversLeft(cmsPort, decapPort)).toEqual([]);
  });
});

describe('a port already in use', { timeout: 60_000 }, () => {
  for (const taken of ['CMS_PORT', 'DECAP_PORT'] as const) {
    it(`(${taken}) is named in one line with what to do, and nothing is left running`, async () => {
      const [cmsPort, decapPort] = await freePorts();
      const port = taken === 'CMS_PORT' ? cmsPort : decapPort;
      const holder = createServer();
      holders.push(holder);
      await new Promise<void>((ok) => holder.listen(port, '127.0.0.1', ok));

      const run = runCommand({ CMS_PORT: String(cmsPort), DECAP_PORT: String(decapPort) });
      expect(await run.exited, run.output()).toBe(1);
      const messages = run.output().split('\n').filter((line) => line.startsWith('npm run cms:'));
      expect(messages, run.output()).toHaveLength(1);
      expect(messages[0]).toContain(`port ${port} `);
      expect(messages[0]).toContain('already in use');
      expect(messages[0]).toContain(`${taken}=${port + 1} npm run cms`);
      // No stack trace.
      expect(run.output()).not.toMatch(/^\s+at /m);
      expect(serversLeft(cmsPort, decapPort)).toEqual([]);
      const other = taken === 'CMS_PORT' ? decapPort : cmsPort;
      expect(await portInUse(other)).toBe(false);

      await new Promise((ok) => holder.close(ok));
    });
  }
});
