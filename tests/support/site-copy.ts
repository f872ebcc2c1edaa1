import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildEnv, createWorkspace, removeWorkspace } from '../../scripts/bench/workspace.mjs';

/*
 * A throw-away copy of the site for tests that build content of their own (hostile and broken
 * fixtures) or compare builds: the workspace of the benchmark (code, scripts, configuration,
 * its own caches, packages linked one by one) with only the content folders asked for.
 */

const root = resolve(import.meta.dirname, '../..');

export interface RunResult {
  ok: boolean;
  output: string;
}

export interface SiteCopy {
  dir: string;
  /** Writes a file relative to the copy's root (e.g. content/news/it/x.mdx). */
  write(path: string, text: string | Buffer): void;
  /** Runs `astro build` in the copy; never rejects. */
  build(env?: Record<string, string>): Promise<RunResult>;
  /** Runs the search-index step of `npm run build` (scripts/search-index.mjs) in the copy. */
  searchIndex(): Promise<RunResult>;
  /** Runs npm in the copy (e.g. `npm run build -- --stock`), as a user would; never rejects. */
  npm(args: string[], env?: Record<string, string>): Promise<RunResult>;
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
    build: (env = {}) => run(dir, join(root, 'node_modules/.bin/astro'), ['build'], env),
    searchIndex: () => run(dir, join(root, 'node_modules/.bin/node'), [join(root, 'scripts/search-index.mjs'), 'dist']),
    npm: (args, env = {}) => run(dir, 'npm', args, env),
    remove: () => removeWorkspace(dir),
  };
}

/** Runs a command in the copy with its Node 24 first on PATH (buildEnv); never rejects. */
function run(dir: string, command: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: dir,
      env: buildEnv(dir, { BUILD_TIME: '2026-11-20T10:00:00Z', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => done({ ok: status === 0, output }));
  });
}
