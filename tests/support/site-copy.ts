import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createWorkspace, removeWorkspace } from '../../scripts/bench/workspace.mjs';

/*
 * A throw-away copy of the site for tests that build content of their own (hostile and broken
 * fixtures): the workspace of the benchmark (code, configuration, its own caches, packages
 * linked one by one) with only the content folders asked for.
 */

const root = resolve(import.meta.dirname, '../..');

export interface SiteCopy {
  dir: string;
  /** Writes a file relative to the copy's root (e.g. content/news/it/x.mdx). */
  write(path: string, text: string | Buffer): void;
  /** Runs `astro build` in the copy; never rejects. */
  build(env?: Record<string, string>): Promise<{ ok: boolean; output: string }>;
  remove(): Promise<void>;
}

/** A copy with the given folders of content/ (e.g. ['pages', 'media']). */
export async function copySite(contentFolders: string[]): Promise<SiteCopy> {
  const dir = await createWorkspace(root, { contentFolders, prefix: 'cittc-site-' });
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
    remove: () => removeWorkspace(dir),
  };
}
