#!/usr/bin/env node
// `npm run build`: astro build, then the Pagefind search index (src/build/search-index.ts).
// Usage: node scripts/build.mjs [--stock] [arguments for astro build]
//
// The index may start before Astro has exited: once its pages are rendered, Astro's
// build:done hooks write calendar files, sweep away files of earlier builds and check links,
// with a core to spare (docs/performance.md, "The search step"). The first of those hooks names the
// pages this build made (src/build/rendered-pages.ts); from them the search step writes
// its copies of changed pages, and a language's Pagefind process starts at once if Astro's
// memory now plus the peak that language needed at the last build (per page, kept with the
// index's stamp) stays under EARLY_LIMIT; otherwise when Astro exits. If Astro fails, the
// build fails with its exit code (and the Pagefind processes stop with it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { processMemory } from '../src/build/node-process.ts';

/** Memory for Astro and the Pagefind processes together before Astro has exited (bytes). */
const EARLY_LIMIT = 3.5 * 2 ** 30;
const dist = 'dist';
const cache = 'node_modules/.astro';
const renderedPages = join(cache, 'rendered-pages.json');

mkdirSync(cache, { recursive: true });
rmSync(renderedPages, { force: true });
const astroBin = join('node_modules', 'astro', 'bin', 'astro.mjs');
// --stock: Astro's own parts only (src/build/mode.ts); CITTC_STOCK=1 does the same.
const args = process.argv.slice(2);
const stock = args.includes('--stock') || process.env.CITTC_STOCK === '1';
const astro = spawn(process.execPath, [astroBin, 'build', ...args.filter((arg) => arg !== '--stock')], {
  stdio: 'inherit',
  env: { ...process.env, CITTC_RENDERED_PAGES: renderedPages, ...(stock ? { CITTC_STOCK: '1' } : {}) },
});
// Loaded while Astro starts (~0.1 s of imports it need not wait for).
const searchModule = import('../src/build/search-index.ts');
searchModule.catch(() => {}); // A failure is thrown where it is awaited.
const astroExit = new Promise((resolve) => {
  astro.on('error', (error) => {
    console.error(`astro build could not start: ${error.message}`);
    resolve(1);
  });
  astro.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
// Stopped with this script (Ctrl-C, a CI timeout): Astro if it still runs (kill() does nothing
// once it has exited), then this script, whose exit stops the Pagefind processes.
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15]]) {
  process.on(signal, () => {
    astro.kill(signal);
    process.exit(128 + number);
  });
}

// The pages are rendered when the list appears (or, without it, when Astro has exited with success).
let exited = false;
const ready = await new Promise((resolve) => {
  const timer = setInterval(() => {
    if (existsSync(renderedPages)) {
      clearInterval(timer);
      resolve(true);
    }
  }, 50);
  astroExit.then((code) => {
    exited = true;
    clearInterval(timer);
    resolve(code === 0);
  });
});
if (!ready) process.exit(await astroExit);
const pages = existsSync(renderedPages) ? JSON.parse(readFileSync(renderedPages, 'utf8')).pages : undefined;

const { buildSearchIndex } = await searchModule;
const opened = astroExit.then((code) => {
  if (code !== 0) throw new Error(`astro build failed (exit ${code})`);
});
opened.catch(() => {});
// Its lines are printed after Astro's own, once Astro has exited.
const lines = [];
const search = buildSearchIndex(dist, {
  log: (line) => (exited ? console.log(line) : lines.push(line)),
  stampFile: join(cache, 'search-index.json'),
  pages,
  gate: exited
    ? undefined
    : {
        allows: (bytes) => {
          const used = astro.pid === undefined ? undefined : processMemory(astro.pid, 'VmRSS');
          return used !== undefined && used + bytes <= EARLY_LIMIT;
        },
        opened,
      },
});
search.catch(() => {}); // Reported below, once Astro has exited.
const code = await astroExit;
exited = true;
for (const line of lines.splice(0)) console.log(line);
if (code !== 0) {
  rmSync(renderedPages, { force: true });
  process.exit(code); // Pagefind processes still running stop with this one.
}
try {
  await search;
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
} finally {
  rmSync(renderedPages, { force: true });
}
