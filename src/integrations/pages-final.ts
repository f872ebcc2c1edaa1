import type { AstroIntegration } from 'astro';
import { renameSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Tells scripts/build.mjs, as soon as astro build has rendered its pages, which HTML pages this
 * build made (reused ones included): it then indexes them for search while Astro's last steps
 * run (the stale-output sweep, the link check). Pages that a sweep will remove are not in the
 * list, so search never sees them. Written only when build.mjs names the file, in
 * CITTC_PAGES_FINAL, as JSON: { pages: [path below dist/, with "/"] }.
 */
export function pagesFinalIntegration(): AstroIntegration {
  return {
    name: 'cittc-pages-final',
    hooks: {
      'astro:build:done': ({ dir, assets }) => {
        const file = process.env.CITTC_PAGES_FINAL;
        if (!file) return;
        const dist = fileURLToPath(dir);
        const pages = [...assets.values()]
          .flat()
          .map((url) => relative(dist, fileURLToPath(url)).split(sep).join('/'))
          .filter((path) => path.endsWith('.html') && !path.startsWith('../'));
        writeFileSync(`${file}.partial`, JSON.stringify({ pages }));
        renameSync(`${file}.partial`, file);
      },
    },
  };
}
