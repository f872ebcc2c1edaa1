import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decode as decodeCbor } from 'cborg';
import * as pagefind from 'pagefind';
import { localeKeys, type Locale } from '../i18n/locales.ts';
import { htmlFiles } from './link-check.ts';
import { processMemory, runNode, runProcess } from './node-process.ts';
import { SEARCH_ROOT, searchBundlePath } from '../lib/search-bundle.ts';

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
 * It runs in its own process beside `astro build` (scripts/build.mjs, `npm run build`), not in
 * an astro:build:done hook: at 30,000 pages Pagefind needs up to ~3.1 GiB (two languages at
 * once) and the Astro process still holds ~2 GiB then, together past the 4 GiB budget. A
 * language starts before Astro has exited only when the memory it needed last time fits
 * (SearchIndexOptions.gate).
 */

/** Bumped when what is indexed, or how, changes: every language is indexed again. */
const FORMAT_VERSION = 3;

export interface LanguageIndex {
  locale: Locale;
  /** Pages in the language's index. */
  pages: number;
  /** False when the bundle of the previous build was kept: no indexed page changed. */
  indexed: boolean;
  ms: number;
  /** Files of the last index removed, when it was written onto that index (not from nothing). */
  removedFiles?: number;
  /** Started while the gate was closed (see SearchIndexOptions.gate). */
  early?: boolean;
}

interface Stamp {
  format: string;
  /** The generation of the search copies the files below have (see searchCopy). */
  copies?: string;
  pagefind: string;
  locales: Partial<Record<Locale, { source: string; bundle: string; peakPerPage?: number }>>;
  /** Per built page (path below the site): size, modification time, indexed or not, hash. */
  files: Record<string, FileStamp>;
}

/** [size, mtimeMs, 1 if it holds data-pagefind-body else 0, sha256 of the bytes]. */
type FileStamp = [number, number, number, string];

export interface SearchIndexOptions {
  log?: (line: string) => void;
  /** Where the hashes of the last indexing are kept; undefined: no reuse. */
  stampFile?: string;
  /** The folder of the pages' search copies (searchCopy); default: search-pages/ beside the stamp file, else a temporary folder. */
  copiesDir?: string;
  /**
   * Holds languages back while another process still needs memory (scripts/build.mjs: Astro
   * finishing its checks): a language starts when `allows` accepts the memory its Pagefind
   * process and those running are expected to need (their peak per page at the last run,
   * times their pages; unknown: not accepted), or once `opened` has resolved.
   */
  gate?: { allows(bytes: number): boolean; opened: Promise<void> };
  /**
   * The HTML pages of the site to consider (paths below it, with "/"): those the build made
   * (src/build/rendered-pages.ts), so that files of earlier builds not yet swept away are
   * not indexed. Default: every .html file under each language's folder.
   */
  pages?: string[];
}

/** Expected Pagefind peak of a language: the last run's peak per page, with a margin, times its pages. */
const PEAK_MARGIN = 1.25;

export async function buildSearchIndex(site: string, options: SearchIndexOptions = {}): Promise<LanguageIndex[]> {
  const copiesDir = options.copiesDir ?? (options.stampFile ? join(dirname(options.stampFile), 'search-pages') : undefined);
  if (copiesDir) return indexSite(site, options, copiesDir);
  const temporary = mkdtempSync(join(tmpdir(), 'cittc-search-pages-'));
  try {
    return await indexSite(site, options, temporary);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

async function indexSite(site: string, { log = console.log, stampFile, gate, pages: listed }: SearchIndexOptions, copiesDir: string): Promise<LanguageIndex[]> {
  const startedAll = performance.now();
  const version = pagefindVersion();
  // A change to the search copies (their code) is a change of what is indexed, as a new format is.
  const FORMAT = `${FORMAT_VERSION} ${createHash('sha256').update(searchCopy.toString()).digest('hex').slice(0, 16)}`;
  const previous = stampFile ? readStamp(stampFile) : undefined;
  const reusable = previous?.format === FORMAT && previous.pagefind === version ? previous.locales : {};
  const generationFile = join(copiesDir, '.generation');
  const generation = existsSync(generationFile) ? readFileSync(generationFile, 'utf8') : '';
  // A page's stamp stands for its search copy too: with copies from another run (or none), every page is read again.
  const copiesKnown = previous?.format === FORMAT && generation !== '' && previous.copies === generation;
  const stamp: Stamp = { format: FORMAT, pagefind: version, copies: copiesKnown ? generation : randomUUID(), locales: {}, files: {} };
  const knownFiles = copiesKnown ? previous.files : {};
  if (!copiesKnown) rmSync(copiesDir, { recursive: true, force: true });
  mkdirSync(copiesDir, { recursive: true });
  // Until this run has written its stamp, the copies are not known to any: a run that stops
  // half-way (a copy written for a page no stamp lists) has the next one start from nothing.
  rmSync(generationFile, { force: true });
  const out = join(site, SEARCH_ROOT);
  const bundleOf = (locale: Locale) => join(site, searchBundlePath(locale));
  const results: LanguageIndex[] = [];
  // Anything under pagefind/ that is no language's bundle (an older layout) goes.
  if (existsSync(out)) {
    for (const name of readdirSync(out)) {
      if (!(localeKeys as readonly string[]).includes(name)) rmSync(join(out, name), { recursive: true, force: true });
    }
  }

  // Two languages at a time, each in its own Pagefind process: one keeps ~1.4 cores busy
  // (parts of its work are on one thread), two fill the machine, at a higher peak of memory
  // (docs/performance.md). A language starts as soon as its pages are compared (and its search
  // copies written): the next one is compared meanwhile.
  const queue: { locale: Locale; pages: number; source: string; reuse: boolean }[] = [];
  const running = new Map<Promise<void>, number>();
  let failure: { error: unknown } | undefined;
  let startedIndexing: number | undefined;
  const expectedPeak = ({ locale, pages }: (typeof queue)[number]) => {
    const perPage = previous?.locales[locale]?.peakPerPage;
    return perPage === undefined ? undefined : perPage * pages * PEAK_MARGIN;
  };
  let gateOpen = !gate;
  gate?.opened.then(
    () => {
      gateOpen = true;
      startNext();
    },
    () => {},
  );
  const index = async ({ locale, pages, source, reuse }: (typeof queue)[number], early: boolean) => {
    const started = performance.now();
    const bundle = bundleOf(locale);
    const { removedFiles, peak } = await indexLanguage(copiesDir, locale, bundle, pages, reuse, log);
    const peakPerPage = peak !== undefined && pages > 0 ? Math.round(peak / pages) : previous?.locales[locale]?.peakPerPage;
    stamp.locales[locale] = { source, bundle: bundleHash(bundle), peakPerPage };
    results.push({ locale, pages, indexed: true, ms: Math.round(performance.now() - started), removedFiles, early });
  };
  function startNext() {
    while (!failure && running.size < SEARCH_PROCESSES && queue.length > 0) {
      const need = gateOpen ? 0 : expectedPeak(queue[0]!);
      const busy = [...running.values()].reduce((sum, bytes) => sum + bytes, 0);
      if (need === undefined || (!gateOpen && !gate!.allows(need + busy))) return; // Started when the gate opens.
      startedIndexing ??= performance.now();
      const run: Promise<void> = index(queue.shift()!, !gateOpen)
        .catch((error: unknown) => {
          failure ??= { error }; // The build fails: no other language is started.
        })
        .finally(() => {
          running.delete(run);
          startNext();
        });
      running.set(run, need);
    }
  }

  let compareMs = 0;
  const compare = (locale: Locale) => {
    const started = performance.now();
    const paths = listed
      ? listed.filter((path) => path.startsWith(`${locale}/`) && path.endsWith('.html'))
      : existsSync(join(site, locale))
        ? [...htmlFiles(join(site, locale))].map((file) => relative(site, file).split(sep).join('/'))
        : [];
    const { pages, source } = indexablePages(site, paths.sort(), knownFiles, stamp.files, copiesDir);
    // The copies of this language's pages gone since the last run go too: Pagefind would index them.
    for (const path of Object.keys(knownFiles)) {
      if (path.startsWith(`${locale}/`) && !(path in stamp.files)) rmSync(join(copiesDir, path), { force: true });
    }
    const before = reusable[locale];
    // The bundle is the one the last run completed: as written, nothing changed it since.
    const intact = before !== undefined && bundleHash(bundleOf(locale)) === before.bundle;
    compareMs += performance.now() - started;
    if (intact && before.source === source) {
      stamp.locales[locale] = before;
      results.push({ locale, pages, indexed: false, ms: Math.round(performance.now() - started) });
    } else {
      queue.push({ locale, pages, source, reuse: intact });
      startNext();
    }
  };
  for (const locale of localeKeys) {
    if (failure) break;
    try {
      compare(locale);
    } catch (error) {
      failure ??= { error }; // Languages already started are waited for below.
    }
  }
  // Languages held back by the gate start when it opens; wait for all to finish.
  while (!failure && (running.size > 0 || queue.length > 0)) {
    if (running.size > 0) await Promise.race(running.keys());
    else await gate!.opened;
  }
  while (running.size > 0) await Promise.all(running.keys());
  if (failure) throw failure.error;
  compareMs = Math.round(compareMs);
  const indexingMs = startedIndexing === undefined ? 0 : Math.round(performance.now() - startedIndexing);
  if (stampFile) {
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify(stamp));
  }
  writeFileSync(generationFile, stamp.copies!);
  results.sort((a, b) => localeKeys.indexOf(a.locale) - localeKeys.indexOf(b.locale));
  const indexed = results.filter((r) => r.indexed);
  const kept = results.filter((r) => !r.indexed);
  log(
    // The first figure is Pagefind's wall time (reading, indexing, writing; languages side by
    // side), which the benchmark reports.
    `[search] indexed ${indexed.reduce((n, r) => n + r.pages, 0)} pages in ${indexed.length ? indexingMs : 0} ms` +
      ` (pages compared with the last build in ${compareMs} ms; ${Math.round(performance.now() - startedAll)} ms in all)` +
      (kept.length ? `; kept the index of ${kept.map((r) => `${r.locale} (${r.pages} pages, unchanged)`).join(', ')}` : '') +
      ` — ${results.map((r) => `${r.locale}: ${r.pages} pages${r.indexed ? ` in ${r.ms} ms` : ''}${r.removedFiles === undefined ? '' : ` (onto the last index, ${r.removedFiles} file(s) of it removed)`}${r.early ? ' (started while astro build finished)' : ''}`).join(', ')}`,
  );
  return results;
}

/**
 * The pages of a language (`paths`, sorted) that Pagefind indexes (those with a data-pagefind-body element)
 * and a hash of their paths and bytes. A page whose size and modification time are those of
 * the last run is not read again: a rebuild reads only the pages it wrote. Each page read is
 * given its search copy in `copies` (searchCopy), at the same path: Pagefind reads those.
 */
function indexablePages(
  site: string,
  paths: string[],
  known: Record<string, FileStamp>,
  seen: Record<string, FileStamp>,
  copies: string,
): { pages: number; source: string } {
  const hash = createHash('sha256');
  let pages = 0;
  for (const path of paths) {
    const { size, mtimeMs } = statSync(join(site, path));
    let entry = known[path];
    if (!entry || entry[0] !== size || entry[1] !== mtimeMs) {
      const content = readFileSync(join(site, path), 'utf8');
      const indexable = content.includes('data-pagefind-body');
      entry = [size, mtimeMs, indexable ? 1 : 0, createHash('sha256').update(content).digest('hex')];
      const copy = join(copies, path);
      if (indexable) {
        mkdirSync(dirname(copy), { recursive: true });
        writeFileSync(copy, searchCopy(content));
      } else {
        rmSync(copy, { force: true });
      }
    }
    seen[path] = entry;
    if (entry[2] === 1) {
      pages++;
      hash.update(`${path}\0${entry[3]}\n`);
    }
  }
  return { pages, source: hash.digest('hex') };
}

/**
 * What Pagefind reads of a page, as a page of its own: the <html> tag (the language), the
 * <title>, and the data-pagefind-body element, which holds all that is indexed, the filters,
 * meta and sort of the page (src/components/SearchMeta.astro) included. The header, menus and
 * footer around it are marked data-pagefind-ignore and never indexed, yet Pagefind spends most
 * of its time parsing pages; these copies are much smaller and give the same index file for
 * file (tests/e2e/search-copy.test.ts).
 * A page whose body is not one <main>, or that has other data-pagefind attributes outside it,
 * is copied whole.
 */
export function searchCopy(html: string): string {
  const at = html.indexOf('data-pagefind-body');
  const start = html.lastIndexOf('<', at);
  const end = html.indexOf('</main>', at);
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0];
  const whole =
    at < 0 ||
    end < 0 ||
    !htmlTag ||
    !/^<main\b/i.test(html.slice(start)) ||
    html.indexOf('data-pagefind-body', at + 1) >= 0 ||
    /data-pagefind-(?!ignore)/.test(html.slice(0, start) + html.slice(end));
  if (whole) return html;
  const title = /<title>[\s\S]*?<\/title>/i.exec(html.slice(0, start))?.[0] ?? '';
  return `<!doctype html>${htmlTag}<head><meta charset="utf-8">${title}</head><body>${html.slice(start, end + '</main>'.length)}</body></html>`;
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
 * Two of these side by side are faster than two Node API services (a process each), which
 * spend much of their time in system calls, for the same bytes. A language without
 * pages gets the Node API's empty bundle (the command refuses to write one), so that its
 * search page loads.
 *
 * With `reuse` (the bundle is the one the last run completed), Pagefind writes onto it: its
 * fragment, word-index and filter files are named by a hash of their content, and it neither
 * compresses nor writes one whose file exists, which nearly halves a language's time. The
 * files of pages that changed or went are then removed
 * (unreferencedFilesRemoved), so that no removed page stays findable. The entry file goes first:
 * a run that stops half-way leaves a bundle that the next one does not reuse, since a file cut
 * short there would otherwise be kept for its name.
 */
async function indexLanguage(
  copies: string,
  locale: Locale,
  bundle: string,
  pages: number,
  reuse: boolean,
  log: (line: string) => void,
): Promise<{ removedFiles?: number; peak?: number }> {
  const entry = join(bundle, 'pagefind-entry.json');
  if (pages > 0 && reuse && existsSync(entry)) {
    rmSync(entry);
    const peak = await runPagefind(copies, locale, bundle);
    const removedFiles = unreferencedFilesRemoved(bundle);
    if (removedFiles !== undefined) return { removedFiles, peak };
    log(`[search] ${locale}: the index written onto the last one could not be read back; indexing it again from nothing`);
  }
  rmSync(bundle, { recursive: true, force: true });
  if (pages === 0) {
    await emptyBundle(bundle);
    return {};
  }
  return { peak: await runPagefind(copies, locale, bundle) };
}

/**
 * Runs Pagefind's extended binary on one language, and returns its peak memory (bytes; polled
 * from /proc on Linux every 100 ms; undefined elsewhere or for a run too short to tell). Run
 * directly, not through the npm package's Node wrapper: one process less, and one that stops
 * with the build (the wrapper's own child outlived it).
 */
async function runPagefind(site: string, locale: Locale, bundle: string): Promise<number | undefined> {
  const args = ['--site', site, '--glob', `${locale}/**/*.html`, '--output-path', bundle, '--quiet'];
  const failure = `Pagefind indexing of ${locale} failed`;
  const binary = await pagefindBinary();
  let peak: number | undefined;
  let polls = 0;
  const output = binary
    ? await runProcess(binary, args, failure, {
        onStart: (pid) => {
          const timer = setInterval(() => {
            const bytes = processMemory(pid, 'VmHWM');
            if (bytes !== undefined) (peak = Math.max(peak ?? 0, bytes)), polls++;
          }, 100);
          return () => clearInterval(timer);
        },
      })
    : await runNode([fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind'))), ...args], failure);
  if (!existsSync(join(bundle, 'pagefind-entry.json'))) throw new Error(`Pagefind wrote no index for ${locale}: ${output.trim()}`);
  // A run too short to be watched for half a second says nothing of its peak.
  return polls >= 5 ? peak : undefined;
}

/** The path of Pagefind's extended binary, as its npm wrapper finds it; undefined if not found. */
let binaryPath: Promise<string | undefined> | undefined;
async function pagefindBinary(): Promise<string | undefined> {
  binaryPath ??= (async () => {
    try {
      const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
        resolveBinaryPath: (names: string[]) => string;
      };
      return resolveBinaryPath(['pagefind_extended']);
    } catch {
      return undefined; // Run through the wrapper, which says what is missing.
    }
  })();
  return binaryPath;
}

/** The hashed files of a bundle: folder and extension. The meta file sits at the top. */
const HASHED_FILES = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' } as const;

/**
 * Removes the files of a bundle that its index no longer names, and returns how many, or
 * undefined when the index cannot be read as expected (the caller then indexes from nothing).
 * The names are read from the language's meta file: gzip of "pagefind_dcd" and CBOR of
 * [version, pages [[fragment hash, words, …]], word chunks [[from, to, hash]], filters
 * [[name, hash]], …] (Pagefind 1.6; a new version of Pagefind never reuses a bundle: the stamp
 * holds the version). Every page must be there and every named file present.
 */
export function unreferencedFilesRemoved(bundle: string): number | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages?: Record<string, { hash?: unknown; page_count?: unknown }>;
    };
    const languages = Object.values(entry.languages ?? {});
    if (languages.length !== 1) return undefined;
    const [{ hash, page_count: pageCount }] = languages;
    if (typeof hash !== 'string' || !/^[\w-]+$/.test(hash)) return undefined;
    const metaFile = `pagefind.${hash}.pf_meta`;
    const bytes = gunzipSync(readFileSync(join(bundle, metaFile)));
    const signature = Buffer.from('pagefind_dcd');
    if (!bytes.subarray(0, signature.length).equals(signature)) return undefined;
    const meta: unknown = decodeCbor(bytes.subarray(signature.length));
    if (!Array.isArray(meta)) return undefined;
    const names = (list: unknown, at: number): string[] | undefined => {
      if (!Array.isArray(list)) return undefined;
      const out = list.map((item: unknown) => (Array.isArray(item) ? item[at] : undefined));
      return out.every((name) => typeof name === 'string' && /^[\w-]+_[0-9a-f]+$/.test(name)) ? (out as string[]) : undefined;
    };
    const [fragments, words, filters] = [names(meta[1], 0), names(meta[2], 2), names(meta[3], 1)];
    if (!fragments || !words || !filters || fragments.length !== pageCount) return undefined;
    const named = { fragment: fragments, index: words, filter: filters };
    const unreferenced: string[] = [];
    for (const [folder, extension] of Object.entries(HASHED_FILES) as [keyof typeof HASHED_FILES, string][]) {
      const keep = new Set(named[folder].map((name) => `${name}${extension}`));
      const present = existsSync(join(bundle, folder)) ? readdirSync(join(bundle, folder)) : [];
      if (present.filter((file) => keep.has(file)).length !== keep.size) return undefined;
      unreferenced.push(...present.filter((file) => !keep.has(file)).map((file) => join(folder, file)));
    }
    unreferenced.push(...readdirSync(bundle).filter((file) => file.endsWith('.pf_meta') && file !== metaFile));
    for (const file of unreferenced) rmSync(join(bundle, file), { force: true });
    return unreferenced.length;
  } catch {
    return undefined;
  }
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
