import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config/site';
import { cssUrls } from '../support/external-refs';

/*
 * dist/ publishes only what something refers to. Starting from the addresses a visitor, a
 * crawler or a calendar app arrives at without a link from another built file (the entry
 * points below), every reference in every file reached is followed: HTML src, href, srcset,
 * content, poster and data attributes, inline styles and JSON-LD; CSS url() and @import; JS
 * import specifiers and new URL(…) strings; URLs in XML, JSON, .ics and text files. A file of
 * dist/ that is none of these (an original upload that only its optimised derivatives are made
 * from, say) is weight every deployment carries for nobody.
 */

const dist = 'dist';
const origin = new URL(siteConfig.url).origin;

/** Files reached without a link from another built file. */
const isEntryPoint = (file: string): boolean =>
  // Pages (a folder's index.html), the 404 pages the server answers with.
  /(^|\/)(index|404)\.html$/.test(file) ||
  // What crawlers and feed readers ask for by address, and the server's own headers file.
  ['sitemap.xml', 'robots.txt', '_headers', 'favicon.svg'].includes(file) ||
  /(^|\/)rss\.xml$/.test(file) ||
  // Calendar subscriptions (src/build/calendar-files.ts).
  file.endsWith('.ics');

/**
 * Folders published whole: bundles whose files name each other in ways no static reading
 * follows. pagefind/: the search index, whose loader computes the names of its fragments and
 * index chunks from pagefind-entry.json. admin/: the CMS admin, a Vite bundle of Decap built
 * outside Astro (src/build/admin-bundle.ts), whose chunk list lives in its own code.
 */
const wholeFolders = ['pagefind/', 'admin/'];

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield relative(dist, path).split(sep).join('/');
  }
}

/** The built file a URL (resolved against the file it is written in) is served from, if any. */
function target(ref: string, from: string): string | undefined {
  const value = ref.trim();
  if (!value || value.startsWith('#') || /^(data|mailto|tel|javascript|blob):/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, `${origin}/${from}`);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((file) => existsSync(join(dist, file)) && statSync(join(dist, file)).isFile());
}

/** Absolute URLs of the site, and site paths in quotes, in any text (XML, .ics, robots.txt…). */
function urlsInText(text: string): string[] {
  // Lines of an .ics file are folded at 75 octets: a line break and a space continue the line.
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const urls = [...unfolded.matchAll(/https?:\/\/[^\s"'<>`)]+/g)].map((m) => m[0]);
  for (const m of unfolded.matchAll(/(["'])(\/[^\s"'<>]*)\1/g)) urls.push(m[2]!);
  return urls;
}

/** Strings of a JSON document that look like URLs. */
function urlsInJson(value: unknown): string[] {
  if (typeof value === 'string') return /^(https?:\/\/|\/)/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsInJson);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsInJson);
  return [];
}

/** Module specifiers (import, export … from, import()) and new URL(…) strings of a script. */
function urlsInJs(js: string): string[] {
  const urls: string[] = [];
  const quoted = String.raw`(["'\x60])([^"'\x60\s]+)\1`;
  for (const pattern of [
    new RegExp(String.raw`\bimport\s*\(?\s*${quoted}`, 'g'),
    new RegExp(String.raw`\bfrom\s*${quoted}`, 'g'),
    new RegExp(String.raw`\bnew\s+URL\s*\(\s*${quoted}`, 'g'),
  ]) {
    for (const m of js.matchAll(pattern)) urls.push(m[2]!);
  }
  // Absolute paths of the site in string literals (a preload list, a fetch of the search index).
  for (const m of js.matchAll(/(["'`])(\/(?:_astro|pagefind)\/[^"'`\s]+)\1/g)) urls.push(m[2]!);
  return urls;
}

function urlsInHtml(html: string): string[] {
  const urls: string[] = [];
  let inStyle = false;
  let script: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        for (const attr of ['src', 'href', 'poster', 'data', 'action']) if (attrs[attr]) urls.push(attrs[attr]);
        // <meta content>: Open Graph and Twitter images, and any other URL given as content.
        if (attrs.content && /^(https?:\/\/|\/)/.test(attrs.content.trim())) urls.push(attrs.content);
        for (const attr of ['srcset', 'imagesrcset']) {
          for (const candidate of (attrs[attr] ?? '').split(',')) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) urls.push(url);
          }
        }
        if (attrs.style) urls.push(...cssUrls(attrs.style));
        if (name === 'style') inStyle = true;
        if (name === 'script' && !attrs.src) script = attrs.type ?? '';
      },
      ontext(text) {
        if (inStyle) urls.push(...cssUrls(text));
        else if (script !== undefined) urls.push(...(script === 'application/ld+json' ? urlsInText(text) : urlsInJs(text)));
      },
      onclosetag(name) {
        if (name === 'style') inStyle = false;
        if (name === 'script') script = undefined;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return urls;
}

/** What a built file refers to, by its type. Other files (images, PDFs, fonts) refer to nothing. */
function references(file: string): string[] {
  const ext = extname(file);
  const read = () => readFileSync(join(dist, file), 'utf8');
  if (ext === '.html') return urlsInHtml(read());
  if (ext === '.css') return cssUrls(read());
  if (ext === '.js' || ext === '.mjs') return urlsInJs(read());
  if (ext === '.json' || ext === '.webmanifest') return urlsInJson(JSON.parse(read()));
  if (['.xml', '.ics', '.txt', '.svg'].includes(ext) || file === '_headers') return urlsInText(read());
  return [];
}

const files = [...walk(dist)];
const inWholeFolder = (file: string) => wholeFolders.some((folder) => file.startsWith(folder));

// Every file reached from the entry points and the folders published whole.
const reached = new Set<string>();
const queue = files.filter((file) => isEntryPoint(file) || inWholeFolder(file));
for (const file of queue) reached.add(file);
while (queue.length > 0) {
  const file = queue.pop()!;
  for (const ref of references(file)) {
    const to = target(ref, file);
    if (to !== undefined && !reached.has(to)) {
      reached.add(to);
      queue.push(to);
    }
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

describe('published files (dist/)', () => {
  it('follows the references of the built site (pages, styles, scripts, images, feeds)', () => {
    expect(files.length).toBeGreaterThan(500);
    const assets = files.filter((file) => file.startsWith('_astro/'));
    expect(assets.length).toBeGreaterThan(40);
    // Reached only through a reference: a stylesheet, a page script, a cover in each format,
    // the bulletin PDF.
    for (const pattern of [/^_astro\/global\.[\w-]+\.css$/, /^_astro\/Header\.astro.*\.js$/, /\.avif$/, /\.webp$/, /_[\w-]+\.jpg$/, /\.pdf$/]) {
      expect(assets.filter((file) => pattern.test(file) && reached.has(file)).length, String(pattern)).toBeGreaterThan(0);
    }
  });

  it('holds no file that no built file refers to', () => {
    const unreferenced = files.filter((file) => !reached.has(file)).map((file) => `${file} (${kb(statSync(join(dist, file)).size)})`);
    expect(unreferenced).toEqual([]);
  });
});
