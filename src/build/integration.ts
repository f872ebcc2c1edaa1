import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerRules, headersFile } from '../lib/security-headers.ts';
import { adminBundle } from './admin-bundle.ts';
import { writeCalendarFiles } from './calendar-files.ts';
import { contentStoreFromDisk, contentStoreNotUsedError } from './content-store.ts';
import { earlyImagesError, earlyImagesPrerenderer } from './early-images.ts';
import { keepImagesWithTheirPages } from './image-cache-guard.ts';
import { checkLinks } from './link-check.ts';
import { stockBuild } from './mode.ts';
import { writeRenderedPages } from './rendered-pages.ts';
import { sweepStaleOutput } from './stale-output.ts';

/**
 * The site's one build integration: every step Astro runs for this site beyond its own, in
 * the order written here, with what one step hands the next passed as a value.
 *
 * astro:config:setup
 *   - calendar files: a build makes all .ics files from one route (calendar-files.ts), the dev
 *     server each from its own;
 *   - content store read from disk when pages are generated (content-store.ts);
 *   - the CMS admin bundle's name (admin-bundle.ts).
 * astro:config:done: the admin bundle is built, when not cached, in a child process while the
 *   content syncs; the early images' settings (early-images.ts).
 * astro:build:start: the image-cache guard (image-cache-guard.ts), then the early images'
 *   prerenderer.
 * astro:build:done, in this order:
 *   1. the pages this build made, for the search step of scripts/build.mjs (rendered-pages.ts),
 *      which starts indexing from them while the steps below run;
 *   2. the admin bundle copied into dist/admin/, dist/_headers written;
 *   3. the calendar files written, and their paths handed to
 *   4. the stale-output sweep (stale-output.ts), which removes what this build did not
 *      produce and hands the files that stay to
 *   5. the link check (link-check.ts), which must see dist/ as published.
 *
 * The stock build (mode.ts) keeps the admin bundle, the headers and the link check, and none of
 * the rest.
 */
export function cittcBuild(options: { site: string; stock?: boolean }): AstroIntegration {
  const stock = options.stock ?? stockBuild;
  const admin = adminBundle();
  let cacheDir: URL | undefined;
  let publicDir = '';
  let startedAt = Date.now();
  let earlyImages: ReturnType<typeof earlyImagesPrerenderer> | undefined;
  // The content store read from disk: its file, and whether the plugin's load hook served it.
  let storeFromDisk: { file: string; used: boolean } | undefined;
  return {
    name: 'cittc-build',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        startedAt = Date.now();
        cacheDir = config.cacheDir;
        publicDir = fileURLToPath(config.publicDir);
        // A global constant, not import.meta.env.*: Astro replaces import.meta.env.X with the
        // environment variable X, as a string, whenever one is set, and Vitest sets one for each
        // import.meta.env.* define of its configuration, which every build a test starts inherits.
        updateConfig({ vite: { define: { __CALENDAR_FILES_AT_ONCE__: JSON.stringify(command === 'build' && !stock) } } });
        const storage = config.experimental.collectionStorage;
        if (!stock && command === 'build' && (storage === undefined || storage === 'single-file')) {
          const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
          const store: { file: string; used: boolean } = { file: storeFile, used: false };
          storeFromDisk = store;
          const used = () => {
            store.used = true;
            logger.info(`pages read the content store from ${storeFile} (not compiled into the bundle)`);
          };
          updateConfig({ vite: { plugins: [contentStoreFromDisk(storeFile, used)] } });
        }
        admin.setup(command, config);
      },
      'astro:config:done': ({ config, buildOutput }) => {
        admin.start();
        // Static output only: a server build's prerendered originals live elsewhere.
        if (!stock && buildOutput === 'static' && process.env.ASTRO_EARLY_IMAGES !== '0') {
          earlyImages = earlyImagesPrerenderer({
            outDir: fileURLToPath(config.outDir),
            cacheDir: fileURLToPath(new URL('assets/', config.cacheDir)),
            imageConfig: config.image,
          });
        }
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (stock || !cacheDir) return;
        keepImagesWithTheirPages(cacheDir, logger);
        if (!earlyImages) return;
        if (typeof setPrerenderer !== 'function') throw earlyImagesError('astro:build:start no longer gives setPrerenderer');
        setPrerenderer(earlyImages.prerenderer(logger));
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const dist = fileURLToPath(dir);
        const routeFiles = [...assets.values()].flat().map((url) => fileURLToPath(url));
        // The fast build's mechanisms that plug into Astro must have been used, or the build
        // stops: Astro has changed what they rely on (docs/build.md lists it).
        if (storeFromDisk && !storeFromDisk.used && existsSync(storeFromDisk.file)) throw contentStoreNotUsedError(storeFromDisk.file);
        earlyImages?.check(routeFiles.length > 0);
        if (!stock) writeRenderedPages(dist, routeFiles);
        await admin.copy(dist, logger);
        await writeHeaders(dist, logger);
        if (stock) {
          timed(logger, 'internal links checked', () => checkLinks(dist, options.site));
          return;
        }
        const calendarFiles = await writeCalendarFiles(dist, cacheFile('calendar-files.json'));
        if (calendarFiles) {
          const { files, written } = calendarFiles;
          logger.info(`${files.length} calendar files, ${written} written, ${files.length - written} unchanged`);
        }
        const kept = sweepStaleOutput({ dist, startedAt, routeFiles: [...routeFiles, ...(calendarFiles?.files ?? [])], publicDir }, logger);
        timed(logger, 'internal links checked', () => checkLinks(dist, options.site, { cacheFile: cacheFile('link-check.json'), files: kept }));
      },
    },
  };

  function cacheFile(name: string): string {
    return fileURLToPath(new URL(name, cacheDir));
  }
}

/** Runs a step and logs its time (a promise's once it settles). */
function timed<T>(logger: AstroIntegrationLogger, what: string, step: () => T): T {
  const started = performance.now();
  const result = step();
  const log = () => logger.info(`${what} in ${Math.round(performance.now() - started)} ms`);
  if (result instanceof Promise) return result.then((value) => (log(), value)) as T;
  log();
  return result;
}

/**
 * dist/_headers (Netlify / Cloudflare Pages format): the security headers of
 * src/lib/security-headers.ts, with the admin's connect-src taken from the CMS backend settings
 * in the environment (CMS_BACKEND, CMS_API_ROOT…). The static server of `npm start` and of the
 * tests sends what this file says.
 */
async function writeHeaders(dist: string, logger: AstroIntegrationLogger): Promise<void> {
  await writeFile(join(dist, '_headers'), headersFile(headerRules(process.env), { netlify: process.env.NETLIFY === 'true' }));
  logger.info('wrote _headers (Content-Security-Policy and other security headers)');
}
