import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { FileStamp } from './stale-output';

/*
 * Internal links of the built site: every <a href> and <img src> that points into the site
 * must reach a built file. A broken relative link written in a body, a link to an entry that
 * became a draft or was renamed, a menu entry to a missing page: each stops the build with the
 * page and the link. #fragments are checked by the browser sweep of the tests.
 */

export interface BrokenLink {
  /** Site path of the page holding the link, e.g. /it/news/x/. */
  page: string;
  /** The href or src as written. */
  link: string;
}

/**
 * Whole start tags, quoted attribute values included, so that "<img src=x>" inside an attribute
 * value (a title in <meta content>) is not taken for a tag. Text and JSON-LD escape "<".
 */
const tagPattern = /<([a-zA-Z][^\s/>]*)((?:\s*[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const linkAttributePattern = /(?:^|\s)(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const linkTags = new Set(['a', 'area', 'img']);

/** Every .html file below a folder (a built site), recursively. */
export function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/**
 * The built file a site path is served from (a folder's index.html; else the file itself, else
 * the index.html of a folder of that name), or undefined when there is none or the path's
 * %-encoding is malformed. `isFile` says whether a file exists: on disk, or in a listing.
 */
function servedFrom(dist: string, pathname: string, isFile: (file: string) => boolean): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = join(dist, path);
  const index = join(file, 'index.html');
  if (path.endsWith('/')) return isFile(index) ? index : undefined;
  if (isFile(file)) return file;
  return isFile(index) ? index : undefined;
}

/** The built file a site path is served from, on disk (see servedFrom). */
export function builtFile(dist: string, pathname: string): string | undefined {
  return servedFrom(dist, pathname, (file) => existsSync(file) && statSync(file).isFile());
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, name: string) =>
    ({ amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' })[name] ?? '',
  );
}

/** The site path a built HTML file is served at: dist/it/news/index.html → /it/news/. */
export function pagePath(dist: string, file: string): string {
  const path = '/' + relative(dist, file).split(sep).join('/');
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * What the check remembers between builds: the internal links of each page, found by reading
 * it, kept with the page's size and modification time. dist/ is kept between builds, so a
 * page a rebuild reused is not read again; every link is still checked against this build.
 */
export interface LinkCache {
  /** Distinct links: [as written, site pathname or '' when it is not a valid URL]. */
  links: [string, string][];
  /** Page path below dist → [size, mtimeMs, indexes into links]. */
  pages: Record<string, [number, number, number[]]>;
}

/**
 * Broken internal links of a built site; `site` is the public origin, whose absolute links
 * count as internal. With `cache`, pages unchanged since it was filled are not read again;
 * the cache is updated in place. With `listing` (the files of dist/ with their size and time,
 * from the sweep of stale output), the pages are those it lists and dist/ is not walked again;
 * a link to a file it does not list (under pagefind/, say) is looked up on disk.
 */
export function findBrokenLinks(dist: string, site: string, cache?: LinkCache, listing?: Map<string, FileStamp>): BrokenLink[] {
  const origin = new URL(site).origin;
  const exists = new Map<string, boolean>();
  // A file the listing does not hold (under pagefind/, say) is looked up on disk.
  const inListing = listing && ((file: string) => listing.has(relative(dist, file).split(sep).join('/')));
  const isBuilt = (pathname: string): boolean => {
    let known = exists.get(pathname);
    if (known === undefined) {
      known = (inListing !== undefined && servedFrom(dist, pathname, inListing) !== undefined) || builtFile(dist, pathname) !== undefined;
      exists.set(pathname, known);
    }
    return known;
  };
  const previous = cache ?? { links: [], pages: {} };
  const links: [string, string][] = [];
  const linkIndex = new Map<string, number>();
  const pages: LinkCache['pages'] = {};
  const remember = (link: string, pathname: string) => {
    const key = `${link}\0${pathname}`;
    let i = linkIndex.get(key);
    if (i === undefined) linkIndex.set(key, (i = links.push([link, pathname]) - 1));
    return i;
  };

  const broken: BrokenLink[] = [];
  const pagesToCheck = listing
    ? [...listing].filter(([rel]) => rel.endsWith('.html')).map(([rel, stamp]) => [join(dist, rel), stamp] as const)
    : [...htmlFiles(dist)].map((file) => [file, statSync(file)] as const);
  for (const [file, { size, mtimeMs }] of pagesToCheck) {
    const rel = relative(dist, file);
    const known = previous.pages[rel];
    const found: [string, string][] =
      known && known[0] === size && known[1] === mtimeMs
        ? known[2].map((i) => previous.links[i]!)
        : internalLinks(readFileSync(file, 'utf8'), new URL(pagePath(dist, file), origin), origin);
    pages[rel] = [size, mtimeMs, found.map(([link, pathname]) => remember(link, pathname))];
    for (const [link, pathname] of found) {
      if (pathname === '' || !isBuilt(pathname)) broken.push({ page: pagePath(dist, file), link });
    }
  }
  if (cache) {
    cache.links = links;
    cache.pages = pages;
  }
  // By page (the folder walk's order depends on the file system), links in page order.
  return broken.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}

/** The links of a page that point into the site: [as written, pathname or '' if invalid]. */
function internalLinks(html: string, base: URL, origin: string): [string, string][] {
  const found: [string, string][] = [];
  for (const tag of html.matchAll(tagPattern)) {
    if (!linkTags.has(tag[1]!.toLowerCase())) continue;
    const match = linkAttributePattern.exec(tag[2]!);
    if (!match) continue;
    const link = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
    if (link === '' || link.startsWith('#')) continue;
    let url: URL;
    try {
      url = new URL(link, base);
    } catch {
      found.push([link, '']);
      continue;
    }
    if (url.origin === origin) found.push([link, url.pathname]);
  }
  return found;
}

/**
 * Stops the build when a built page links to a page or file of the site that was not built.
 * With a cache file, the links found in each page are kept there (node_modules/.astro/
 * link-check.json), so that a rebuild reads only the pages it wrote; all links are checked on
 * every build. `files`: dist/ as the stale-output sweep left it (else dist/ is walked).
 */
export function checkLinks(dist: string, site: string, options: { cacheFile?: string; files?: Map<string, FileStamp> } = {}): void {
  const cache = options.cacheFile ? readLinkCache(options.cacheFile) : { links: [], pages: {} };
  const broken = findBrokenLinks(dist, site, cache, options.files);
  if (options.cacheFile) {
    mkdirSync(dirname(options.cacheFile), { recursive: true });
    writeFileSync(options.cacheFile, JSON.stringify(cache));
  }
  if (broken.length) {
    const lines = broken.slice(0, 50).map(({ page, link }) => `  ${page} links to ${link}, which is not built`);
    if (broken.length > 50) lines.push(`  … and ${broken.length - 50} more`);
    throw new Error(`${broken.length} broken internal link(s): fix the link in the content, or publish the page it points to\n${lines.join('\n')}`);
  }
}

function readLinkCache(file: string): LinkCache {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as LinkCache;
    if (Array.isArray(cache.links) && cache.pages && typeof cache.pages === 'object') return cache;
  } catch {
    // No cache yet, or unreadable: every page is read.
  }
  return { links: [], pages: {} };
}
