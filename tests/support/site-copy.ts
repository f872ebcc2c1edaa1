import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/*
 * A throw-away copy of the site for tests that build content of their own (hostile and broken
 * fixtures): the code and configuration, node_modules linked, and only the content asked for.
 */

const root = resolve(import.meta.dirname, '../..');
const code = ['src', 'public', 'cms', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface SiteCopy {
  dir: string;
  /** Writes a file relative to the copy's root (e.g. content/news/it/x.mdx). */
  write(path: string, text: string | Buffer): void;
  /** Runs `astro build` in the copy; never rejects. */
  build(env?: Record<string, string>): Promise<{ ok: boolean; output: string }>;
  remove(): void;
}

/** A copy with the given folders of content/ (e.g. ['pages', 'media']). */
export function copySite(contentFolders: string[]): SiteCopy {
  const dir = mkdtempSync(join(tmpdir(), 'cittc-site-'));
  for (const path of code) cpSync(join(root, path), join(dir, path), { recursive: true });
  for (const folder of contentFolders) cpSync(join(root, 'content', folder), join(dir, 'content', folder), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    build(env = {}) {
      return new Promise((done) => {
        // node_modules/.bin first on PATH: Astro 7 needs the project's Node 24.
        const child = spawn(join(root, 'node_modules/.bin/astro'), ['build'], {
          cwd: dir,
          env: {
            ...process.env,
            PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
            BUILD_TIME: '2026-11-20T10:00:00Z',
            FORCE_COLOR: '0',
            NO_COLOR: '1',
            ...env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (status) => done({ ok: status === 0, output }));
      });
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
