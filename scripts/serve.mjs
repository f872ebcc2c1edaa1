#!/usr/bin/env node
/**
 * Serves a built site (dist/) on the loopback interface, as a static host would: directory
 * index files and, with status 404 for anything missing, the locale's "not found" page for a
 * path under a locale (/zh/… → dist/zh/404/index.html) or the trilingual 404.html for any
 * other path; with the response headers that dist/_headers (Netlify / Cloudflare Pages format,
 * written by src/build/integration.ts) gives the request's path, as those hosts do. Used by
 * `npm start` and by the browser tests.
 * Usage: node scripts/serve.mjs [dir] [port]
 */
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/**
 * Start a static server for `dir` on 127.0.0.1. Port 0 picks a free port.
 * @param {string} dir
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer(dir, { port = 0, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const notFound = await readFile(resolve(root, '404.html')).catch(() => Buffer.from('Not found'));
  const localeNotFound = await localeNotFoundPages(root);
  const rules = parseHeaders(await readFile(resolve(root, '_headers'), 'utf8').catch(() => ''));
  const assets = sirv(root, {
    dev: false,
    etag: true,
    dotfiles: false,
    onNoMatch(req, res) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(localeNotFound.get(firstSegment(req.url)) ?? notFound);
    },
  });
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headersFor(rules, pathOf(req.url)))) res.setHeader(name, value);
    // The hosts read _headers; they do not serve it.
    if (pathOf(req.url) === '/_headers') {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(notFound);
    }
    assets(req, res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * Parses a _headers file: a path pattern at the start of a line, then indented
 * "Name: value" lines and Cloudflare's "! Name" (drop that header of a broader rule); # comments.
 * @param {string} text
 * @returns {{ path: string, pattern: RegExp, headers: Record<string, string>, detach: string[] }[]}
 */
export function parseHeaders(text) {
  /** @type {{ path: string, pattern: RegExp, headers: Record<string, string>, detach: string[] }[]} */
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: line, pattern: pathPattern(line), headers: {}, detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: a header before any path: ${line}`);
    if (line.startsWith('!')) {
      rule.detach.push(line.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`_headers: not a "Name: value" line: ${line}`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/**
 * A rule's path as a regular expression: "*" matches anything (slashes included),
 * ":name" one segment, the rest literally.
 * @param {string} path
 */
function pathPattern(path) {
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * The headers for a path: every matching rule in order; a later rule's value of a header
 * replaces an earlier one, and "! Name" drops it first.
 * @param {ReturnType<typeof parseHeaders>} rules
 * @param {string} path
 * @returns {Record<string, string>}
 */
export function headersFor(rules, path) {
  /** @type {Map<string, [string, string]>} */
  const out = new Map();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of Object.entries(rule.headers)) out.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(out.values());
}

/**
 * The decoded path of a request URL ("/zh/a%20b/?q=1" → "/zh/a b/").
 * @param {string | undefined} url
 */
function pathOf(url = '/') {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return '/';
  }
}

/**
 * The locales' "not found" pages of a build: every top-level folder with a 404/index.html
 * (dist/it/404/index.html…), so the server needs no list of locales of its own.
 * @param {string} root
 * @returns {Promise<Map<string, Buffer>>}
 */
async function localeNotFoundPages(root) {
  const pages = new Map();
  const dirs = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const dir of dirs) {
    if (!dir.isDirectory()) continue;
    const page = await readFile(resolve(root, dir.name, '404', 'index.html')).catch(() => undefined);
    if (page) pages.set(dir.name, page);
  }
  return pages;
}

/**
 * The first segment of a request's path ("/zh/no-such/" → "zh"), or "" when there is none.
 * @param {string | undefined} url
 */
function firstSegment(url = '/') {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname.split('/')[1] ?? '');
  } catch {
    return '';
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '4321'] = process.argv.slice(2);
  const { port: actual } = await startStaticServer(dir, { port: Number(port) });
  console.log(`Serving ${dir} at http://localhost:${actual}/ (listening on 127.0.0.1; Ctrl+C to stop)`);
}
