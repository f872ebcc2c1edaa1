import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The content store, read from disk when pages are generated instead of compiled as code.
 *
 * Astro puts the whole content-layer store (every entry, with its rendered body) into the
 * prerender bundle as one string literal: `export default JSON.parse("…")`. V8 compiles such a
 * literal in time that grows with the square of its length, so at tens of thousands of entries
 * importing it takes most of a rebuild (docs/performance.md, "Content loading"), before the
 * first page is rendered, on every build, cold or incremental. Rolldown also has to carry it
 * through the bundle. Here the module reads the file Astro has just written in its cache directory
 * (node_modules/.astro/data-store.json) and parses it: under a second at that size.
 *
 * Only `astro build`, only the server-side environments (the module is never in a client
 * bundle), and only when the single-file store exists; otherwise Astro's own module is used.
 * The module keeps Astro's "content data" mark, so incremental builds still leave it out of
 * every page's code hash (per-entry content hashes track the content).
 * tests/unit/build/content-store.test.ts checks these internals of Astro still match, and the
 * integration stops the build when the store file exists but the load hook never served it
 * (contentStoreNotUsedError).
 */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';
export const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } } as const;

export function dataStoreModuleCode(storeFile: string): string {
  return (
    `import { readFileSync } from 'node:fs';\n` +
    `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`
  );
}

export function contentStoreFromDisk(storeFile: string, onUse: () => void = () => {}): Plugin {
  return {
    name: 'cittc:content-store-from-disk',
    enforce: 'pre',
    apply: 'build',
    load: {
      // Before Astro's own load hook of the module (its plugin comes first, also 'pre').
      order: 'pre',
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(id) {
        if (id !== DATA_STORE_MODULE_ID || this.environment?.config.consumer !== 'server') return null;
        if (!existsSync(storeFile)) return null;
        onUse();
        return { code: dataStoreModuleCode(storeFile), map: { mappings: '' }, meta: CONTENT_DATA_META };
      },
    },
  };
}

/**
 * The error of a build in which the store file exists but this plugin never served the module:
 * Astro has renamed the module or loads it another way, and the store was compiled into the
 * bundle after all.
 */
export function contentStoreNotUsedError(storeFile: string): Error {
  return new Error(
    `the content store read from disk (src/build/content-store.ts) relies on an internal of Astro that has changed: ` +
      `${storeFile} exists, but Astro never loaded its virtual module ${JSON.stringify(DATA_STORE_MODULE_ID)} through the plugin's load hook ` +
      `(its id, or how it is loaded, is not what the plugin expects). npm run build -- --stock builds with Astro's own parts only.`,
  );
}
