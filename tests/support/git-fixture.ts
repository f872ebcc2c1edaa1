import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/*
 * A throw-away Git repository with content files and real commits at chosen dates, for the
 * tests of the translation status (src/history/translation-report.ts).
 */

export interface GitFixture {
  dir: string;
  /** Writes a file relative to the repository (e.g. content/news/it/x.mdx). */
  write(path: string, text: string): void;
  /** Moves a file with git mv. */
  move(from: string, to: string): void;
  remove(path: string): void;
  /** Commits everything at `date` (author and committer) with `message`; returns the hash. */
  commit(message: string, date: string): string;
  git(...args: string[]): string;
  /** Sets a file's modification time (the time of a change not yet committed). */
  touch(path: string, date: string): void;
  cleanup(): void;
}

export function gitFixture(prefix = 'cittc-translations-'): GitFixture {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@localhost', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git('init', '-q', '-b', 'main');
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    move(from, to) {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      git('mv', from, to);
    },
    remove(path) {
      rmSync(join(dir, path));
    },
    commit(message, date) {
      git('add', '-A');
      execFileSync('git', ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@localhost', '-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', message], {
        cwd: dir,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
      return git('rev-parse', 'HEAD').trim();
    },
    touch(path, date) {
      const t = new Date(date);
      utimesSync(join(dir, path), t, t);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A news entry's file: front matter fields (YAML lines) and a body. */
export const newsFile = (fields: string, body = 'Testo.') =>
  `---\n${fields.trim()}\ndate: 2026-11-02\n---\n\n${body}\n`;
