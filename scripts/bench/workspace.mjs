/**
 * A throw-away copy of the site for the benchmark, under the system temp folder: the code,
 * scripts and configuration the build reads, the content (with or without the sample entries; the media
 * folder always), and node_modules as a folder of symbolic links to the repository's packages.
 *
 * Why not one link to node_modules: Astro keeps its build caches in node_modules/.astro
 * (content data store, optimised images) and Vite its temp files in node_modules/.vite*. With
 * a linked node_modules the copy would read and overwrite the repository's own caches. Linking
 * each package instead gives the copy its own, empty, caches: the first build is really cold,
 * and the rebuild sees only what the first build left.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the build reads besides content/: what `astro build` reads (the lockfile: Astro's
 * incremental cache hashes it), and scripts/, so that `npm run build` works in the copy too.
 */
export const SITE_FILES = ['src', 'public', 'cms', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Hidden entries of node_modules that are links too (the rest are caches: .astro, .vite…). */
const LINKED_DOT_ENTRIES = new Set(['.bin', '.package-lock.json']);

/**
 * Creates the copy.
 * @param {string} repo the repository root
 * @param {{ sample?: boolean, contentFolders?: string[], prefix?: string }} [options]
 *   sample: keep the sample entries of content/ (default true);
 *   contentFolders: copy only these folders of content/ (e.g. ['pages', 'media']), instead;
 *   prefix: name prefix of the temp folder
 * @returns {Promise<string>} the copy's root
 */
export async function createWorkspace(repo, { sample = true, contentFolders, prefix = 'cittc-bench-' } = {}) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const name of SITE_FILES) {
    await cp(join(repo, name), join(dir, name), { recursive: true, force: true }).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  if (contentFolders) {
    for (const folder of contentFolders) {
      await cp(join(repo, 'content', folder), join(dir, 'content', folder), { recursive: true });
    }
  } else if (sample) await cp(join(repo, 'content'), join(dir, 'content'), { recursive: true });
  else await cp(join(repo, 'content/media'), join(dir, 'content/media'), { recursive: true });

  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  for (const name of await readdir(join(repo, 'node_modules'))) {
    if (name.startsWith('.') && !LINKED_DOT_ENTRIES.has(name)) continue;
    await symlink(join(repo, 'node_modules', name), join(modules, name));
  }
  return dir;
}

/**
 * The environment of a build in a copy: the copy's node_modules/.bin first on PATH (its
 * linked `node` package is Node 24, which Astro 7 needs, for whatever the build spawns as
 * `node` too), no colours or telemetry, then `extra`.
 * @param {string} dir the copy's root
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function buildEnv(dir, extra = {}) {
  return {
    ...process.env,
    PATH: `${join(dir, 'node_modules/.bin')}:${process.env.PATH}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/**
 * Commits everything in the copy at the time `at` (a Git repository is made on the first call),
 * as the CMS commits an editor's save: the site reads the history (the DTSTAMP of calendar
 * items is the time of the last commit of the entry's file, src/history/revisions.ts), so the
 * rebuild sees what it sees in production, where every edit comes with a commit.
 * @param {string} dir the copy's root
 * @param {string} message
 * @param {Date} at author and committer date
 */
export async function commitAll(dir, message, at) {
  const git = (...args) =>
    promisify(execFile)('git', ['-c', 'user.name=Benchmark', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      maxBuffer: 1 << 28,
      env: { ...process.env, GIT_AUTHOR_DATE: at.toISOString(), GIT_COMMITTER_DATE: at.toISOString() },
    });
  await writeFile(join(dir, '.gitignore'), 'node_modules/\ndist/\n.astro/\n.bench-logs/\n');
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '--no-verify', '-m', message);
}

/** Removes the copy. */
export async function removeWorkspace(dir) {
  await rm(dir, { recursive: true, force: true });
}
