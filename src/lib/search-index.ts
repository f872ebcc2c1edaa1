import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { localeKeys, type Locale } from '../i18n/locales.ts';
import { htmlFiles } from './link-check.ts';
import { runNode } from './node-process.ts';
import { SEARCH_ROOT, searchBundlePath } from './search-bundle.ts';

/**
 * The Pagefind search index of a built site: one bundle per language, in dist/pagefind/<locale>/
 * (src/lib/search-bundle.ts; the search island of /<locale>/search/ loads its own).
 * Pagefind's extended binary segments Chinese; only content marked data-pagefind-body is
 * indexed. Any indexing error throws.
 *
 * A language is indexed again only when the pages it would index changed: the files of
 * dist/<locale>/ that hold data-pagefind-body, their paths and bytes, are hashed, and the hash
 * of the last indexing is kept in the cache file (node_modules/.astro/search-index.json) with
 * a hash of the bundle it wrote and, per page, its size, time and hash (so that a rebuild reads
 * only the pages it wrote: dist/ is kept between builds). Pagefind has no incremental mode; splitting by language means
 * an edit re-indexes a third of the site, and a build that changed no indexed page none of it.
 * A visitor searches in the language of the page anyway, so nothing is lost by the split.
 *
 * It runs after `astro build` has exited (scripts/search-index.mjs, part of `npm run build`),
 * not in an astro:build:done hook: at 30,000 pages Pagefind needs up to ~3.2 GiB (two languages
 * at once) and the Astro process still holds ~2 GiB at that point, so together they would pass
 * the 4 GiB budget.
 */

/** Bumped when what is indexed, or how, changes: every language is indexed again. */
const FORMAT = 2;

export interface LanguageIndex {
  locale: Locale;
  /** Pages in the language's index. */
  pages: number;
  /** False when the bundle of the previous build was kept: no indexed page changed. */
  indexed: boolean;
  ms: number;
}

interface Stamp {
  format: number;
  pagefind: string;
  locales: Partial<Record<Locale, { source: string; bundle: string }>>;
  /** Per built page (path below the site): size, modification time, indexed or not, hash. */
  files: Record<string, FileStamp>;
}

/** [size, mtimeMs, 1 if it holds data-pagefind-body else 0, sha256 of the bytes]. */
type FileStamp = [number, number, number, string];

export interface SearchIndexOptions {
  log?: (line: string) => void;
  /** Where the hashes of the last indexing are kept; undefined: no reuse. */
  stampFile?: string;
}

export async function buildSearchIndex(site: string, { log = console.log, stampFile }: SearchIndexOptions = {}): Promise<LanguageIndex[]> {
  const startedAll = performance.now();
  const version = pagefindVersion();
  const previous = stampFile ? readStamp(stampFile) : undefined;
  const reusable = previous?.format === FORMAT && previous.pagefind === version ? previous.locales : {};
  const stamp: Stamp = { format: FORMAT, pagefind: version, locales: {}, files: {} };
  const knownFiles = previous?.format === FORMAT ? previous.files : {};
  const out = join(site, SEARCH_ROOT);
  const bundleOf = (locale: Locale) => join(site, searchBundlePath(locale));
  const results: LanguageIndex[] = [];
  const toIndex: { locale: Locale; pages: number; source: string }[] = [];

  for (const locale of localeKeys) {
    const started = performance.now();
    const { pages, source } = indexablePages(site, locale, knownFiles, stamp.files);
    const before = reusable[locale];
    if (before && before.source === source && bundleHash(bundleOf(locale)) === before.bundle) {
      stamp.locales[locale] = before;
      results.push({ locale, pages, indexed: false, ms: Math.round(performance.now() - started) });
    } else {
      toIndex.push({ locale, pages, source });
    }
  }
  const compareMs = Math.round(performance.now() - startedAll);
  // Anything else under pagefind/ (an older layout, a language no longer built) goes.
  if (existsSync(out)) {
    for (const name of readdirSync(out)) {
      if (!stamp.locales[name as Locale]) rmSync(join(out, name), { recursive: true, force: true });
    }
  }
  // Two languages at a time, each in its own Pagefind process: one keeps ~1.4 cores busy
  // (parts of its work are on one thread). At 10,000 entries, no earlier bundle: one after
  // another 37–40 s; it then en beside zh 26–28 s. Peak RSS of the step 3.2 GiB (zh alone
  // 2.2 GiB, it 1.2, en 1.1), against 2.2 GiB one at a time.
  const queue = [...toIndex];
  const startedIndexing = performance.now();
  const workers = Array.from({ length: Math.min(SEARCH_PROCESSES, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { locale, pages, source } = next;
      const started = performance.now();
      const bundle = bundleOf(locale);
      try {
        await indexLanguage(site, locale, bundle, pages);
      } catch (error) {
        queue.length = 0; // The build fails: no other language is started.
        throw error;
      }
      stamp.locales[locale] = { source, bundle: bundleHash(bundle) };
      results.push({ locale, pages, indexed: true, ms: Math.round(performance.now() - started) });
    }
  });
  const settled = await Promise.allSettled(workers);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const indexingMs = Math.round(performance.now() - startedIndexing);
  if (stampFile) {
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify(stamp));
  }
  results.sort((a, b) => localeKeys.indexOf(a.locale) - localeKeys.indexOf(b.locale));
  const indexed = results.filter((r) => r.indexed);
  const kept = results.filter((r) => !r.indexed);
  log(
    // The first figure is Pagefind's wall time (reading, indexing, writing; languages side by
    // side), which the benchmark reports.
    `[search] indexed ${indexed.reduce((n, r) => n + r.pages, 0)} pages in ${indexed.length ? indexingMs : 0} ms` +
      ` (pages compared with the last build in ${compareMs} ms; ${Math.round(performance.now() - startedAll)} ms in all)` +
      (kept.length ? `; kept the index of ${kept.map((r) => `${r.locale} (${r.pages} pages, unchanged)`).join(', ')}` : '') +
      ` — ${results.map((r) => `${r.locale}: ${r.pages} pages${r.indexed ? ` in ${r.ms} ms` : ''}`).join(', ')}`,
  );
  return results;
}

/**
 * The pages of dist/<locale>/ that Pagefind indexes (those with a data-pagefind-body element)
 * and a hash of their paths and bytes. A page whose size and modification time are those of
 * the last run is not read again: a rebuild reads only the pages it wrote.
 */
function indexablePages(
  site: string,
  locale: Locale,
  known: Record<string, FileStamp>,
  seen: Record<string, FileStamp>,
): { pages: number; source: string } {
  const folder = join(site, locale);
  const hash = createHash('sha256');
  let pages = 0;
  if (!existsSync(folder)) return { pages, source: hash.digest('hex') };
  const paths = [...htmlFiles(folder)].map((file) => relative(site, file).split(sep).join('/')).sort();
  for (const path of paths) {
    const { size, mtimeMs } = statSync(join(site, path));
    let entry = known[path];
    if (!entry || entry[0] !== size || entry[1] !== mtimeMs) {
      const content = readFileSync(join(site, path));
      entry = [size, mtimeMs, content.includes('data-pagefind-body') ? 1 : 0, createHash('sha256').update(content).digest('hex')];
    }
    seen[path] = entry;
    if (entry[2] === 1) {
      pages++;
      hash.update(`${path}\0${entry[3]}\n`);
    }
  }
  return { pages, source: hash.digest('hex') };
}

/** Hash of a written bundle's entry file (it names every index file by its hash), or '' if none. */
function bundleHash(bundle: string): string {
  const entry = join(bundle, 'pagefind-entry.json');
  return existsSync(entry) ? createHash('sha256').update(readFileSync(entry)).digest('hex') : '';
}

/** Pagefind processes run at once: two, or one on a machine with one core. */
const SEARCH_PROCESSES = Math.min(2, availableParallelism());

/**
 * Indexes one language with Pagefind's command line (its npm package's `pagefind` command, which
 * runs the extended binary): it reads the files itself, in parallel, by a glob below the site.
 * Two of these side by side took 26–28 s at 10,000 entries where two Node API services (a
 * process each) took 33–35 s, much of it system time, for the same bytes. A language without
 * pages gets the Node API's empty bundle (the command refuses to write one), so that its
 * search page loads.
 */
async function indexLanguage(site: string, locale: Locale, bundle: string, pages: number): Promise<void> {
  rmSync(bundle, { recursive: true, force: true });
  if (pages === 0) return emptyBundle(bundle);
  const command = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));
  const args = [command, '--site', site, '--glob', `${locale}/**/*.html`, '--output-path', bundle, '--quiet'];
  const output = await runNode(args, `Pagefind indexing of ${locale} failed`);
  if (!existsSync(join(bundle, 'pagefind-entry.json'))) throw new Error(`Pagefind wrote no index for ${locale}: ${output.trim()}`);
}

/** The Node API's one Pagefind service: empty bundles are written one after another. */
let emptyBundles: Promise<void> = Promise.resolve();

function emptyBundle(bundle: string): Promise<void> {
  const written = emptyBundles.then(() => writeEmptyBundle(bundle));
  emptyBundles = written.catch(() => {});
  return written;
}

async function writeEmptyBundle(bundle: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

function readStamp(file: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** Pagefind's version (its package.json, found from its entry point): a new one indexes again. */
function pagefindVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
