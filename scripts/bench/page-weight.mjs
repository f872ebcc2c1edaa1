/**
 * Page weight of a built site: for every HTML page of a dist/ folder, the gzip size of the
 * HTML, of the stylesheets it links and of the JavaScript it loads, as a static host serving
 * gzip would send them on a first visit (nothing cached).
 *
 * - HTML: the file itself (inline <script> and <style> included).
 * - CSS: every <link rel="stylesheet" href> of the page, each file counted once per page.
 *   @import inside CSS is not followed (the site does not use it).
 * - JS: every <script src> (module or classic), <link rel="modulepreload"> and
 *   <link rel="preload" as="script">, plus the static imports of those modules, followed
 *   recursively (`import … from "./x.js"`, `import "./x.js"`, `export … from`), and the
 *   static imports of inline module scripts. Dynamic import() is not followed: it loads
 *   later, on demand (e.g. Pagefind on the search page).
 * - Links to other hosts are not counted (the site has none); links to missing files are
 *   listed in `missing`.
 *
 * Compression: zlib gzip at level 9 by default (what a host precompressing with `gzip -9`
 * serves); pass { level: 6 } for the zlib default that dynamic compression often uses.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

/**
 * @typedef {{ bytes: number, gzip: number }} Size
 * @typedef {{ files: string[], bytes: number, gzip: number }} AssetSize
 * @typedef {{
 *   path: string,        // URL path of the page: "/it/news/", "/404.html"
 *   file: string,        // file below dist: "it/news/index.html"
 *   html: Size,
 *   css: AssetSize,      // files as URL paths ("/_astro/x.css")
 *   js: AssetSize,
 *   htmlCss: number,     // gzip bytes of HTML + CSS: what the first render needs
 *   total: number,       // gzip bytes of HTML + CSS + JS
 *   missing: string[],   // URL paths linked by the page that are not in dist
 * }} PageWeight
 */

/** All .html files below a folder, as paths relative to it, sorted. */
async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The URL path a static host serves a file at: "it/news/index.html" → "/it/news/". */
export function urlPathOf(file) {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** Static import specifiers of an ES module's source (not dynamic import()). */
export function staticImports(code) {
  const found = [];
  const re = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;
  for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

/** The stylesheets, scripts and inline module code of an HTML document. */
function assetsOf(html) {
  const css = [];
  const js = [];
  const inlineModules = [];
  let inModule = false;
  let inlineCode = '';
  const parser = new Parser(
    {
      onopentag(name, a) {
        const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
        if (name === 'link' && a.href) {
          if (rel.includes('stylesheet')) css.push(a.href);
          else if (rel.includes('modulepreload') || (rel.includes('preload') && a.as === 'script')) js.push(a.href);
        } else if (name === 'script') {
          if (a.src) js.push(a.src);
          else if (a.type === 'module') {
            inModule = true;
            inlineCode = '';
          }
        }
      },
      ontext(text) {
        if (inModule) inlineCode += text;
      },
      onclosetag(name) {
        if (name === 'script' && inModule) {
          inlineModules.push(inlineCode);
          inModule = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { css, js, inlineModules };
}

/**
 * Per-page weights of every HTML file of a built site.
 * @param {string} distDir the build output (dist/)
 * @param {{ level?: number, filter?: (file: string) => boolean }} [options]
 *   level: gzip level (default 9); filter: which HTML files to measure (relative paths).
 * @returns {Promise<PageWeight[]>} one record per page, sorted by file
 */
export async function pageWeights(distDir, { level = 9, filter = () => true } = {}) {
  /** @type {Map<string, Promise<{ bytes: number, gzip: number, imports: string[] } | null>>} */
  const assets = new Map();
  const gz = (buf) => gzipSync(buf, { level }).length;

  /** Size (and, for JS, static imports) of a file of dist by URL path; null when missing. */
  const asset = (urlPath, isJs) => {
    const key = `${isJs ? 'js' : 'css'}:${urlPath}`;
    if (!assets.has(key)) {
      assets.set(
        key,
        readFile(join(distDir, urlPath))
          .then((buf) => ({ bytes: buf.length, gzip: gz(buf), imports: isJs ? staticImports(buf.toString('utf8')) : [] }))
          .catch(() => null),
      );
    }
    return assets.get(key);
  };

  /** A same-site URL path for an href seen at `base`, or null for another host. */
  const resolveHref = (href, base) => {
    const url = new URL(href, new URL(base, 'http://site.invalid'));
    if (url.origin !== 'http://site.invalid') return null;
    return decodeURIComponent(url.pathname);
  };

  const records = [];
  for (const file of await htmlFiles(distDir)) {
    if (!filter(file)) continue;
    const buf = await readFile(join(distDir, file));
    const path = urlPathOf(file);
    const { css, js, inlineModules } = assetsOf(buf.toString('utf8'));
    const missing = [];

    const cssFiles = [...new Set(css.map((h) => resolveHref(h, path)).filter(Boolean))];
    let cssBytes = 0;
    let cssGzip = 0;
    for (const p of cssFiles) {
      const a = await asset(p, false);
      if (!a) missing.push(p);
      else {
        cssBytes += a.bytes;
        cssGzip += a.gzip;
      }
    }

    // JS: breadth-first over script sources and their static imports, each file once.
    const queue = js.map((h) => resolveHref(h, path)).filter(Boolean);
    for (const code of inlineModules) {
      for (const spec of staticImports(code)) if (/^[./]/.test(spec)) queue.push(resolveHref(spec, path));
    }
    const jsFiles = [];
    const seen = new Set();
    let jsBytes = 0;
    let jsGzip = 0;
    while (queue.length) {
      const p = queue.shift();
      if (!p || seen.has(p)) continue;
      seen.add(p);
      const a = await asset(p, true);
      if (!a) {
        missing.push(p);
        continue;
      }
      jsFiles.push(p);
      jsBytes += a.bytes;
      jsGzip += a.gzip;
      for (const spec of a.imports) if (/^[./]/.test(spec)) queue.push(resolveHref(spec, p));
    }

    const html = { bytes: buf.length, gzip: gz(buf) };
    records.push({
      path,
      file,
      html,
      css: { files: cssFiles, bytes: cssBytes, gzip: cssGzip },
      js: { files: jsFiles, bytes: jsBytes, gzip: jsGzip },
      htmlCss: html.gzip + cssGzip,
      total: html.gzip + cssGzip + jsGzip,
      missing,
    });
  }
  return records;
}

/** The p-th percentile (0–100) of numbers, nearest-rank method; NaN for none. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Median and 95th percentile (gzip bytes) of HTML, CSS, JS, HTML+CSS and the total per page.
 * @param {PageWeight[]} records
 */
export function summarizeWeights(records) {
  const pick = {
    html: (r) => r.html.gzip,
    css: (r) => r.css.gzip,
    js: (r) => r.js.gzip,
    htmlCss: (r) => r.htmlCss,
    total: (r) => r.total,
  };
  return Object.fromEntries(
    Object.entries(pick).map(([k, f]) => {
      const values = records.map(f);
      return [k, { median: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : NaN }];
    }),
  );
}
