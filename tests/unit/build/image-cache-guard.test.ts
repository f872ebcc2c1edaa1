import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { keepImagesWithTheirPages } from '../../../src/build/image-cache-guard';

/*
 * The image-cache guard reads Astro's incremental build record (incremental-build.json) by a
 * pattern: a path that made optimised images has a "staticImages" list. The record is written
 * here by Astro's own IncrementalBuildCache (astro/dist/core/build/incremental.js), as a build
 * writes it, so that an upgrade of Astro that renames the key or changes how it is written fails
 * here instead of leaving the guard blind.
 */
const astroDist = resolve(import.meta.dirname, '../../../node_modules/astro/dist');
const tmp = mkdtempSync(join(tmpdir(), 'cittc-image-cache-guard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const changed = (what: string) =>
  `the image-cache guard (src/build/image-cache-guard.ts) reads an internal of Astro that has changed: ${what}. ` +
  'Without it, an incremental build whose image cache alone was lost may stop with InvalidImageService or publish pages without their images; ' +
  'delete node_modules/.astro/incremental-build.json before such a build, or build with npm run build -- --stock, until the guard is adapted';

// One image transform of a page, as Astro records it (astro/dist/core/render-scope/record.js).
const image = {
  originalPath: '/_astro/cover.abc.jpg',
  hash: 'h1',
  finalPath: '/_astro/cover.abc_Z1.avif',
  transform: { src: { src: '/_astro/cover.abc.jpg', width: 2000, height: 1000, format: 'jpg' }, format: 'avif', width: 480 },
};
const silent = { warn() {} };

async function recordWrittenByAstro(name: string, staticImages: unknown[] | undefined) {
  const { IncrementalBuildCache } = await import(pathToFileURL(join(astroDist, 'core/build/incremental.js')).href);
  const cacheDir = pathToFileURL(`${join(tmp, name)}/`);
  const settings = { config: { cacheDir } };
  const cache = IncrementalBuildCache.load(settings, 'config', 'lockfile', 'keys');
  cache.record('src/pages/[lang]/news/[slug].astro', 'code', '/it/news/a/', 'key', 'it/news/a/index.html', [], staticImages, undefined, undefined);
  cache.writeManifest(settings);
  const record = join(tmp, name, 'incremental-build.json');
  expect(existsSync(record), changed('IncrementalBuildCache no longer writes incremental-build.json in the cache folder')).toBe(true);
  return { cacheDir: new URL(cacheDir), record };
}

describe('image-cache guard, on the record Astro writes', () => {
  it('sees the images of the record and removes it when the image cache is gone', async () => {
    const { cacheDir, record } = await recordWrittenByAstro('lost', [image]);
    keepImagesWithTheirPages(cacheDir, silent);
    expect(existsSync(record), changed('the "staticImages" list of a path, as written to incremental-build.json, is not what the guard looks for')).toBe(false);
  });

  it('keeps the record while the image cache is there, or when no page made images', async () => {
    const kept = await recordWrittenByAstro('kept', [image]);
    mkdirSync(join(tmp, 'kept', 'assets'));
    writeFileSync(join(tmp, 'kept', 'assets', 'cover.abc_Z1.avif'), 'MADE');
    keepImagesWithTheirPages(kept.cacheDir, silent);
    expect(existsSync(kept.record)).toBe(true);
    const none = await recordWrittenByAstro('none', undefined);
    keepImagesWithTheirPages(none.cacheDir, silent);
    expect(existsSync(none.record)).toBe(true);
  });
});
