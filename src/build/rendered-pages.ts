import { renameSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

/**
 * Tells scripts/build.mjs, as soon as astro build has rendered its pages, which HTML pages this
 * build made (reused ones included): it then indexes them for search while Astro's last steps
 * run (the stale-output sweep, the link check). Pages that a sweep will remove are not in the
 * list, so search never sees them. Written only when build.mjs names the file, in
 * CITTC_RENDERED_PAGES, as JSON: { pages: [path below dist/, with "/"] }.
 */
export function writeRenderedPages(dist: string, routeFiles: string[]): void {
  const file = process.env.CITTC_RENDERED_PAGES;
  if (!file) return;
  const pages = routeFiles.map((path) => relative(dist, path).split(sep).join('/')).filter((path) => path.endsWith('.html') && !path.startsWith('../'));
  writeFileSync(`${file}.partial`, JSON.stringify({ pages }));
  renameSync(`${file}.partial`, file);
}
