import type { AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { runNode } from './node-process.ts';
import { BACKGROUND_NICE } from './thread-priority.ts';

/**
 * The CMS admin's script (cms/main.ts: Decap CMS, React, CodeMirror modes; 5.5 MB and ~100
 * files) is built once per version of its sources, not in every site build.
 *
 * Bundled by Astro with the site's other scripts it would cost seconds of every build (a third
 * of a small rebuild; docs/performance.md), though it changes only with the code. Here its key
 * is a hash of cms/, src/ (the schema the CMS config is generated from) and the lockfile;
 * `astro build` builds it with Vite into node_modules/.astro/admin/<key>/ when that folder does
 * not exist (starting as soon as the configuration is done), and copies it into dist/admin/.
 * The admin page loads /admin/cms-<key>.js (the name is passed in CITTC_ADMIN_SCRIPT).
 * `astro dev` (npm run cms) serves cms/main.ts itself.
 */
export function adminBundle() {
  let root = '';
  let key = '';
  let cached = '';
  let building: Promise<number> | undefined;
  return {
    /** At astro:config:setup: the bundle's key, and the name the admin page loads. */
    setup(command: string, config: { root: URL; cacheDir: URL }) {
      if (command !== 'build') return;
      root = fileURLToPath(config.root);
      key = adminSourcesHash(root);
      cached = join(fileURLToPath(config.cacheDir), 'admin', key);
      process.env.CITTC_ADMIN_SCRIPT = `/admin/${entryName(key)}`;
    },
    /**
     * At astro:config:done: built, when not cached, while Astro syncs the content, in a process
     * of its own: the sync is JavaScript on one thread, and so is much of a Vite build (in this
     * process it slowed the sync by as much as it saved later).
     */
    start() {
      if (!key || existsSync(join(cached, entryName(key)))) return;
      const started = performance.now();
      building = buildAdminInChild(root, cached, key).then(() => performance.now() - started);
      // Awaited, and its error thrown, in copy().
      building.catch(() => {});
    },
    /** At astro:build:done: copied into dist/admin/. */
    async copy(dist: string, logger: Pick<AstroIntegrationLogger, 'info'>) {
      if (!key) return;
      const builtMs = building ? await building : undefined;
      cpSync(cached, join(dist, 'admin'), { recursive: true });
      logger.info(
        builtMs === undefined
          ? `reused the CMS admin bundle ${entryName(key)}`
          : `built the CMS admin bundle ${entryName(key)} in ${Math.round(builtMs)} ms, while the content was synced (in a process of its own)`,
      );
    },
  };
}

const entryName = (key: string) => `cms-${key}.js`;

/** Hash of what the admin bundle is made from: cms/, src/ and the lockfile. */
export function adminSourcesHash(root: string): string {
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(`${relative(root, file).split(sep).join('/')}\0`).update(readFileSync(file)).update('\0');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk(join(root, 'cms'));
  walk(join(root, 'src'));
  add(join(root, 'package-lock.json'));
  return hash.digest('hex').slice(0, 16);
}

/**
 * buildAdmin in a child Node process (Node runs this file's TypeScript as it is, so its imports
 * name their .ts files), at a lower
 * priority: it takes the core that Astro's one thread leaves idle, not Astro's.
 */
async function buildAdminInChild(root: string, outDir: string, key: string): Promise<void> {
  const self = pathToFileURL(join(root, 'src/build/admin-bundle.ts')).href;
  const code = `import { buildAdmin } from ${JSON.stringify(self)};\nawait buildAdmin(${JSON.stringify(root)}, ${JSON.stringify(outDir)}, ${JSON.stringify(key)});\n`;
  await runNode(['--input-type=module', '--eval', code], 'the CMS admin bundle was not built', { cwd: root, nice: BACKGROUND_NICE });
}

export async function buildAdmin(root: string, outDir: string, key: string) {
  const temporary = `${outDir}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    root,
    // Served from /admin/: chunk preloads and asset URLs (the WebP encoder's .wasm) resolve there.
    base: '/admin/',
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    build: {
      outDir: temporary,
      emptyOutDir: true,
      // Files only, as for the site's scripts (no inline data: URLs under the admin's CSP).
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: { cms: join(root, 'cms/main.ts') },
        output: { entryFileNames: entryName(key), chunkFileNames: 'cms-[hash].js', assetFileNames: 'cms-[hash][extname]' },
        // Decap's dependencies use eval and "use client"; they run as they always have.
        onwarn(warning, warn) {
          if (warning.code === 'EVAL' || warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  });
  // Whole or not at all: a build that stops half-way leaves no folder to be taken as done.
  rmSync(outDir, { recursive: true, force: true });
  renameSync(temporary, outDir);
  // Bundles of earlier versions of the sources are not needed again.
  const folder = dirname(outDir);
  for (const name of readdirSync(folder)) {
    if (join(folder, name) !== outDir) rmSync(join(folder, name), { recursive: true, force: true });
  }
}
