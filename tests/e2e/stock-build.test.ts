import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesInLog } from '../../scripts/bench/build-log.mjs';
import { commitAll } from '../../scripts/bench/workspace.mjs';
import { copySite, type RunResult, type SiteCopy } from '../support/site-copy';

/*
 * The stock build (`npm run build -- --stock`, src/build/mode.ts) makes the site with Astro's
 * own parts only; the fast build adds everything of src/build/ that exists for speed. Both
 * must publish the same site: the same files, byte for byte. Each is built cold, through
 * npm as a user runs it (astro build, then the search index), in a throw-away copy of the
 * whole sample site with caches of its own (site-copy.ts), at the same BUILD_TIME and from
 * the same Git commit.
 */

/**
 * Files of dist/ whose bytes may differ between the two builds, each with the reason. A file
 * listed here that no longer differs fails the test too, so the list stays true.
 *
 * Empty: the two builds publish identical bytes. An entry would name a file (or a pattern of
 * files, e.g. /^_astro\/.+\.webp$/ for images an encoder makes differently when called from
 * another thread) and say why the difference is harmless to visitors.
 */
const EXPLAINED_DIFFERENCES: { file: RegExp; reason: string }[] = [];

const root = resolve(import.meta.dirname, '../..');
const contentFolders = readdirSync(join(root, 'content'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

let fast: SiteCopy;
let stock: SiteCopy;
let fastRun: RunResult;
let stockRun: RunResult;

/** Every file under dir, as paths relative to it, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const TEXT = /\.(?:html|xml|ics|json|css|js|mjs|txt|svg|webmanifest)$|^_headers$/;

/** Where two versions of a file first differ: the line for text, the byte offset otherwise. */
function firstDifference(file: string, a: Buffer, b: Buffer): string {
  if (TEXT.test(file)) {
    const [linesA, linesB] = [a, b].map((bytes) => bytes.toString('utf8').split('\n'));
    const line = linesA!.findIndex((text, i) => text !== linesB![i]);
    const at = line === -1 ? linesA!.length : line;
    // Long lines (minified code, one-line HTML): show the stretch around the first different character.
    const [textA = '<none>', textB = '<none>'] = [linesA![at], linesB![at]];
    let column = 0;
    while (column < textA.length && textA[column] === textB[column]) column++;
    const from = Math.max(0, column - 60);
    const excerpt = (text: string) => JSON.stringify(text.slice(from, column + 100));
    return `line ${at + 1}, column ${column + 1}:\n      fast:  ${excerpt(textA)}\n      stock: ${excerpt(textB)}`;
  }
  let offset = 0;
  while (offset < a.length && a[offset] === b[offset]) offset++;
  const hex = (bytes: Buffer) => bytes.subarray(offset, offset + 16).toString('hex') || '<end>';
  return `${a.length} vs ${b.length} bytes, first difference at byte ${offset}: fast ${hex(a)}, stock ${hex(b)}`;
}

/**
 * Entries kept in Astro's content store, with the body each keeps (if any). The store is
 * devalue's flat array: an entry is an object with these keys, whose values are indexes of
 * the array.
 */
function storedEntries(site: SiteCopy): { id: unknown; filePath: unknown; body: unknown }[] {
  const values = JSON.parse(readFileSync(join(site.dir, 'node_modules/.astro/data-store.json'), 'utf8')) as unknown[];
  return values
    .filter(
      (value): value is Record<string, number> =>
        typeof value === 'object' && value !== null && !Array.isArray(value) && ['id', 'data', 'filePath', 'digest'].every((key) => key in value),
    )
    .map((entry) => ({ id: values[entry.id!], filePath: values[entry.filePath!], body: 'body' in entry ? values[entry.body!] : undefined }));
}

const cacheFiles = (site: SiteCopy) => readdirSync(join(site.dir, 'node_modules/.astro'));

beforeAll(async () => {
  [fast, stock] = await Promise.all([copySite(contentFolders), copySite(contentFolders)]);
  // Git checkouts with the same commit, as in production: the pages read the content's history
  // (src/history/), and without a repository the site's warnings name the copy's folder.
  const committed = new Date('2026-11-02T08:00:00Z');
  await Promise.all([fast, stock].map((site) => commitAll(site.dir, 'Sample site', committed)));
  // One after the other: the machines have 2 cores. CITTC_STOCK is cleared so that only the
  // --stock argument can make the second build a stock one.
  fastRun = await fast.npm(['run', 'build'], { CITTC_STOCK: '' });
  expect(fastRun.ok, fastRun.output.slice(-3000)).toBe(true);
  stockRun = await stock.npm(['run', 'build', '--', '--stock'], { CITTC_STOCK: '' });
  expect(stockRun.ok, stockRun.output.slice(-3000)).toBe(true);
}, 600_000);

afterAll(async () => {
  await Promise.all([fast?.remove(), stock?.remove()]);
});

describe('the stock build', () => {
  it('copies every content folder of the repository', () => {
    expect(contentFolders).toEqual(expect.arrayContaining(['pages', 'media', 'news', 'events', 'calls']));
  });

  it('took the fast path without --stock, as its log and caches show', () => {
    // The content store is read from disk, not compiled into the bundle (content-store.ts).
    expect(fastRun.output).toMatch(/pages read the content store from \S+data-store\.json/);
    // Calendar files are written from one route (calendar-files.ts), not each from its own.
    expect(fastRun.output).toMatch(/\b\d+ calendar files, \d+ written/);
    expect(routesInLog(fastRun.output).map((route) => route.path)).toContain('/calendar-files.json');
    // Images are made while pages render (early-images.ts); those not done by then by Astro's step.
    expect(fastRun.output).toMatch(/made \d+ optimised images while pages rendered/);
    // The stale-output sweep ran (stale-output.ts).
    expect(fastRun.output).toContain('no files of earlier builds left in the output');
    // Its caches: incremental build, content files, link check.
    const cached = cacheFiles(fast);
    expect(cached).toContain('incremental-build.json');
    expect(cached).toContain('link-check.json');
    expect(cached.filter((name) => /^content-files-.+\.json$/.test(name)).length).toBeGreaterThan(0);
    // Our loader keeps no body in the store: pages use the rendered HTML.
    const entries = storedEntries(fast);
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.filter((entry) => entry.body !== undefined).map((entry) => entry.id)).toEqual([]);
  });

  it('takes Astro’s own path with npm run build -- --stock, as its log and caches show', () => {
    for (const fastOnly of [
      'pages read the content store from',
      'calendar files,',
      'optimised images while pages rendered',
      'files of earlier builds',
    ]) {
      expect(stockRun.output).not.toContain(fastOnly);
    }
    // Each calendar file is a route of its own.
    const routes = routesInLog(stockRun.output).map((route) => route.path);
    expect(routes).toContain('/en/events/calendar.ics');
    expect(routes).not.toContain('/calendar-files.json');
    // Astro's own image step makes every image, after the pages: as many as the fast build
    // made while its pages rendered and left to that step.
    const early = /made (\d+) optimised images while pages rendered.*?(?:; (\d+) left to Astro)?$/m.exec(fastRun.output);
    const imagesOfFast = Number(early?.[1]) + Number(early?.[2] ?? 0);
    const imagesOfStock = /\(\d+\/(\d+)\)\s*$/m.exec(stockRun.output.split('generating optimized images')[1] ?? '')?.[1];
    expect(Number(imagesOfStock)).toBeGreaterThan(0);
    expect(Number(imagesOfStock)).toBe(imagesOfFast);
    // No cache of the fast path: no incremental build, no content files, no link-check cache.
    const cached = cacheFiles(stock);
    expect(cached).not.toContain('incremental-build.json');
    expect(cached).not.toContain('link-check.json');
    expect(cached.filter((name) => /^content-files-.+\.json$/.test(name))).toEqual([]);
    // Astro's glob loader keeps the body of every Markdown entry in the store (the vocabularies
    // of topics and sectors are data files, without one).
    const entries = storedEntries(stock);
    expect(entries.length).toBe(storedEntries(fast).length);
    const markdown = entries.filter((entry) => /\.mdx?$/.test(String(entry.filePath)));
    expect(markdown.length).toBeGreaterThan(50);
    expect(markdown.filter((entry) => typeof entry.body !== 'string').map((entry) => entry.filePath)).toEqual([]);
    // Both ran the search step of npm run build.
    for (const run of [fastRun, stockRun]) expect(run.output).toMatch(/^\[search\] /m);
  });

  it('publishes the same files as the fast build, byte for byte', () => {
    const [fastFiles, stockFiles] = [fast, stock].map((site) => files(join(site.dir, 'dist'))) as [string[], string[]];
    const stockSet = new Set(stockFiles);
    const fastSet = new Set(fastFiles);
    expect(
      { onlyInFast: fastFiles.filter((file) => !stockSet.has(file)), onlyInStock: stockFiles.filter((file) => !fastSet.has(file)) },
      'the two builds publish different sets of files',
    ).toEqual({ onlyInFast: [], onlyInStock: [] });
    // Every kind of file the site publishes is compared.
    for (const kind of ['.html', '.xml', '.ics', '.json', '.css', '.js', '.webp', '.avif']) {
      expect(fastFiles.some((file) => file.endsWith(kind)), `no ${kind} file in dist/`).toBe(true);
    }
    expect(fastFiles.some((file) => file.startsWith('pagefind/'))).toBe(true);

    const differing = new Map<string, string>();
    for (const file of fastFiles) {
      const [a, b] = [fast, stock].map((site) => readFileSync(join(site.dir, 'dist', file))) as [Buffer, Buffer];
      if (!a.equals(b)) differing.set(file, firstDifference(file, a, b));
    }
    const explained = (file: string) => EXPLAINED_DIFFERENCES.some((d) => d.file.test(file));
    const unexplained = [...differing].filter(([file]) => !explained(file));
    const listed = unexplained.slice(0, 40).map(([file]) => `  ${file}`);
    if (unexplained.length > listed.length) listed.push(`  … and ${unexplained.length - listed.length} more`);
    const shown = unexplained.slice(0, 5).map(([file, where]) => `  ${file}: ${where}`);
    const message =
      `${unexplained.length} of ${fastFiles.length} files differ between the fast and the stock build:\n` +
      `${listed.join('\n')}\nFirst differences:\n${shown.join('\n')}\n`;
    expect(unexplained.length, message).toBe(0);

    const stale = EXPLAINED_DIFFERENCES.filter((d) => ![...differing.keys()].some((file) => d.file.test(file)));
    expect(stale.map((d) => `${d.file} (${d.reason})`), 'explained differences that no longer occur').toEqual([]);
    // Both copies really were built (not an empty dist/ compared with another).
    expect(fastFiles.length).toBeGreaterThan(500);
    expect(existsSync(join(stock.dir, 'dist/index.html'))).toBe(true);
  });
});
