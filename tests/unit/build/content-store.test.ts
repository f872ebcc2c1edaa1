import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DATA_META, DATA_STORE_MODULE_ID, dataStoreModuleCode } from '../../../src/build/content-store';

/*
 * src/build/content-store.ts replaces a module of Astro's by its internal id and keeps
 * Astro's internal "content data" mark on it. These are not public API: if an upgrade of Astro
 * renames either, this fails instead of the build silently falling back to the slow module.
 */
const astroDist = resolve(import.meta.dirname, '../../../node_modules/astro/dist');
const tmp = mkdtempSync(join(tmpdir(), 'cittc-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('content store read from disk', () => {
  it("uses the id Astro gives the content store's module", async () => {
    const consts = await import(pathToFileURL(join(astroDist, 'content/consts.js')).href);
    expect(consts.RESOLVED_DATA_STORE_VIRTUAL_ID).toBe(DATA_STORE_MODULE_ID);
  });

  it('marks the module as content data, as Astro does, so incremental builds leave it out of code hashes', async () => {
    const meta = await import(pathToFileURL(join(astroDist, 'core/build/incremental-metadata.js')).href);
    expect(meta.createContentDataIncrementalMetadata()).toEqual(CONTENT_DATA_META);
    expect(meta.isContentDataIncrementalModule({ meta: CONTENT_DATA_META })).toBe(true);
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
});
