import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitFixture, type GitFixture } from '../../support/git-fixture';

/*
 * `npm run translations` as a team runs it to gate a release: the table, --json, and
 * --fail-on with its exit code, on a fixture repository with real commits.
 */

const call = (title: string, body: string) =>
  `---\ntitle: "${title}"\nsummary: "S."\ndate: 2026-10-12\ndeadline: "2026-12-04T23:59"\ntimezone: Europe/Rome\ncategory: funding\nfunder: CITTC\n---\n\n${body}\n`;

let repo: GitFixture;
beforeAll(() => {
  repo = gitFixture();
  repo.write('content/calls/it/vouchers.mdx', call('Voucher', 'Testo.'));
  repo.write('content/calls/zh/vouchers.mdx', call('创新券', '正文。'));
  repo.write('content/calls/en/vouchers.mdx', call('Vouchers', 'Text.'));
  repo.write('content/news/it/solo.mdx', '---\ntitle: Solo\nsummary: S.\ndate: 2026-11-02\n---\n\nTesto.\n');
  repo.write('content/news/zh/solo.mdx', '---\ntitle: 独自\nsummary: S.\ndate: 2026-11-02\n---\n\n正文。\n');
  repo.write('content/news/en/solo.mdx', '---\ntitle: Alone\nsummary: S.\ndate: 2026-11-02\n---\n\nText.\n');
  repo.commit('Two entries in three languages', '2026-11-01T10:00:00Z');
  repo.write('content/calls/it/vouchers.mdx', call('Voucher', 'Testo nuovo.'));
  repo.commit('New Italian text', '2026-12-03T09:30:00Z');
});
afterAll(() => repo?.cleanup());

const translations = (...args: string[]) =>
  spawnSync('npm', ['run', '-s', 'translations', '--', '--root', repo.dir, '--no-cache', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('npm run translations', () => {
  it('prints each entry’s status in each language', () => {
    const run = translations();
    expect(run.status, run.stderr).toBe(0);
    const rows = run.stdout.split('\n');
    expect(rows.find((r) => r.startsWith('calls'))).toMatch(/^calls\s+vouchers\s+up to date\s+outdated: it newer since 2026-12-03\s+outdated: it newer since 2026-12-03$/);
    expect(rows.find((r) => r.startsWith('news'))).toMatch(/^news\s+solo\s+up to date\s+up to date\s+up to date$/);
    expect(run.stdout).toContain('2 entries');
  });

  it('exits with 1 on --fail-on outdated, naming what fails; with 0 when nothing has that status', () => {
    const failing = translations('--fail-on', 'outdated');
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('2 translations outdated or unknown (--fail-on outdated)');
    const passing = translations('--fail-on', 'missing');
    expect(passing.status, passing.stderr).toBe(0);
  });

  it('gives the report as JSON', () => {
    const run = translations('--json');
    const report = JSON.parse(run.stdout) as { entries: { slug: string; locales: Record<string, { status: string; newer?: string[] }> }[] };
    expect(report.entries.find((e) => e.slug === 'vouchers')!.locales.zh).toMatchObject({ status: 'outdated', newer: ['it'] });
  });

  it('warns and gives "unknown" without the history, which fails --fail-on outdated', () => {
    const copy = gitFixture('cittc-translations-nogit-');
    try {
      copy.write('content/calls/it/vouchers.mdx', call('Voucher', 'Testo.'));
      rmSync(join(copy.dir, '.git'), { recursive: true, force: true });
      const run = spawnSync('npm', ['run', '-s', 'translations', '--', '--root', copy.dir, '--fail-on', 'outdated'], { encoding: 'utf8', timeout: 120_000 });
      expect(run.stderr).toMatch(/warning: .*not in a Git repository.*every translation status is "unknown"/);
      expect(run.stdout).toMatch(/^calls\s+vouchers\s+unknown\s+missing\s+missing$/m);
      expect(run.status).toBe(1);
    } finally {
      copy.cleanup();
    }
  });
});
