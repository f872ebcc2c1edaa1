import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DATA_META, DATA_STORE_MODULE_ID, contentStoreNotUsedError, dataStoreModuleCode } from '../../../src/build/content-store';

/*
 * src/build/content-store.ts replaces a module of Astro's by its internal id and keeps
 * Astro's internal "content data" mark on it. These are not public API: if an upgrade of Astro
 * renames either, this fails instead of the build silently falling back to the slow module.
 */
const astroDist = resolve(import.meta.dirname, '../../../node_modules/astro/dist');
const tmp = mkdtempSync(join(tmpdir(), 'cittc-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const changed = (what: string) =>
  `the content store read from disk (src/build/content-store.ts) relies on an internal of Astro that has changed: ${what}; npm run build -- --stock builds with Astro's own parts only`;

describe('content store read from disk', () => {
  it("uses the id Astro gives the content store's module", async () => {
    const consts = await import(pathToFileURL(join(astroDist, 'content/consts.js')).href);
    expect(consts.RESOLVED_DATA_STORE_VIRTUAL_ID, changed('the id of the virtual module of the content store (astro/dist/content/consts.js)')).toBe(DATA_STORE_MODULE_ID);
  });

  it('marks the module as content data, as Astro does, so incremental builds leave it out of code hashes', async () => {
    const meta = await import(pathToFileURL(join(astroDist, 'core/build/incremental-metadata.js')).href);
    const what = changed('the "content data" meta of incremental builds (astro/dist/core/build/incremental-metadata.js)');
    expect(meta.createContentDataIncrementalMetadata(), what).toEqual(CONTENT_DATA_META);
    expect(meta.isContentDataIncrementalModule({ meta: CONTENT_DATA_META }), what).toBe(true);
  });

  it('exports the parsed store, read when the module is imported', async () => {
    // Text with what a store holds: quotes, backslashes, Chinese, an emoji, a line separator.
    const store = [{ collections: 1 }, 'news', '<p>“Forum” 中意技术转移中心 \\ 🇮🇹 \u2028 end</p>'];
    const storeFile = join(tmp, 'data-store.json');
    writeFileSync(storeFile, JSON.stringify(store));
    const moduleFile = join(tmp, 'module.mjs');
    writeFileSync(moduleFile, dataStoreModuleCode(storeFile));
    const { default: loaded } = await import(pathToFileURL(moduleFile).href);
    expect(loaded).toEqual(store);
  });

  it('stops a build whose store file exists but whose module Astro never loaded through the plugin, naming the module and the switch', () => {
    const { message } = contentStoreNotUsedError('/site/node_modules/.astro/data-store.json');
    expect(message).toContain('src/build/content-store.ts');
    expect(message).toContain('\\u0000astro:data-layer-content');
    expect(message).toContain('npm run build -- --stock');
  });
});
