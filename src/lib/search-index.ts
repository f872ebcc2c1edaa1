import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the search index of a built site: Pagefind's Node API (the extended binary, which
 * segments Chinese) over the HTML. One index per language, from <html lang>; only the content
 * marked data-pagefind-body is indexed. Any indexing error throws.
 *
 * It runs after `astro build` has exited (scripts/search-index.mjs, part of `npm run build`),
 * not in an astro:build:done hook: at 30,000 pages Pagefind needs ~3 GB and the Astro process
 * still holds ~3 GB at that point, so together they would pass the 4 GiB budget.
 */
export async function buildSearchIndex(site: string, log: (line: string) => void = console.log): Promise<number> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    log(`[search] indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
