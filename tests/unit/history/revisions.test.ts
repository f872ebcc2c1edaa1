import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastCommitTimes } from '../../../src/history/revisions';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A repository whose project lives in site/, with commits at the given times. */
function repository() {
  const top = mkdtempSync(join(tmpdir(), 'cittc-revisions-'));
  dirs.push(top);
  const site = join(top, 'site');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: top, stdio: 'ignore' });
  git('init', '-q');
  const commit = (iso: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(site, path, '..'), { recursive: true });
      writeFileSync(join(site, path), text);
    }
    git('add', '-A');
    execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', 'commit', '-q', '-m', iso], {
      cwd: top,
      env: { ...process.env, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso },
    });
  };
  return { site, commit };
}

describe('lastCommitTimes (DTSTAMP of calendar items)', () => {
  it('gives each file the time of the last commit that changed it, not of the last commit', async () => {
    const { site, commit } = repository();
    commit('2026-03-01T09:00:00Z', {
      'content/events/it/forum.mdx': 'a',
      'content/events/en/forum.mdx': 'a',
      'content/calls/it/bando.mdx': 'a',
      'content/calls/zh/合作 项目.mdx': 'a',
      'content/news/it/notizia.mdx': 'a',
    });
    commit('2026-05-10T12:30:00Z', { 'content/events/en/forum.mdx': 'b' });
    commit('2026-06-20T08:00:00Z', { 'content/news/it/notizia.mdx': 'b' });

    const times = await lastCommitTimes(['content/events', 'content/calls'], site);

    expect(Object.fromEntries([...times].map(([file, at]) => [file, at.toISOString()]))).toEqual({
      'content/events/it/forum.mdx': '2026-03-01T09:00:00.000Z',
      'content/events/en/forum.mdx': '2026-05-10T12:30:00.000Z',
      'content/calls/it/bando.mdx': '2026-03-01T09:00:00.000Z',
      // Names outside ASCII, with spaces, as the loader has them.
      'content/calls/zh/合作 项目.mdx': '2026-03-01T09:00:00.000Z',
    });
  });

  it('knows no file in a shallow clone, where the oldest commit seems to have written every file', async () => {
    const { site, commit } = repository();
    commit('2026-03-01T09:00:00Z', { 'content/events/it/forum.mdx': 'a', 'content/events/it/visita.mdx': 'a' });
    commit('2026-05-10T12:30:00Z', { 'content/events/it/forum.mdx': 'b' });
    const clone = mkdtempSync(join(tmpdir(), 'cittc-revisions-shallow-'));
    dirs.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${join(site, '..')}`, clone], { stdio: 'ignore' });
    expect((await lastCommitTimes(['content/events'], join(clone, 'site'))).size).toBe(0);
  });

  it('knows no file outside a Git checkout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cittc-revisions-none-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a.mdx'), 'a');
    expect((await lastCommitTimes(['.'], dir)).size).toBe(0);
  });
});
