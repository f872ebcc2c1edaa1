import { Parser } from 'htmlparser2';

/** A reference from a built file to a resource on another host. */
export interface ExternalRef {
  file: string;
  what: string;
  url: string;
}

/** True for a URL that leaves the site: absolute http(s), protocol-relative, or any other scheme with a host. */
export function isExternal(url: string, ownOrigin?: string): boolean {
  const u = url.trim();
  if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(u)) return false;
  if (ownOrigin) {
    try {
      if (new URL(u, ownOrigin).origin === new URL(ownOrigin).origin) return false;
    } catch {
      return true;
    }
  }
  return true;
}

/** url(…) and @import targets in a piece of CSS. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) urls.push(m[2]!);
  for (const m of css.matchAll(/@import\s+(['"])(.*?)\1/gi)) urls.push(m[2]!);
  return urls;
}

/** Rel values of <link> that make the browser fetch something (as opposed to canonical, alternate…). */
const FETCHING_RELS = new Set([
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'icon',
  'apple-touch-icon',
  'manifest',
  'mask-icon',
]);

/**
 * Every resource a page would load from another host: src/srcset/poster/data attributes,
 * fetching <link>s, url() and @import in <style> and style="", and scripts. Plain <a href>
 * links to partner sites are not loads and are not reported.
 */
export function externalRefsInHtml(html: string, file: string, ownOrigin?: string): ExternalRef[] {
  const refs: ExternalRef[] = [];
  const add = (what: string, url: string) => {
    if (isExternal(url, ownOrigin)) refs.push({ file, what, url });
  };
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        for (const attr of ['src', 'data', 'poster', 'background']) {
          if (attrs[attr]) add(`<${name} ${attr}>`, attrs[attr]);
        }
        for (const attr of ['srcset', 'imagesrcset']) {
          for (const candidate of (attrs[attr] ?? '').split(',')) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) add(`<${name} ${attr}>`, url);
          }
        }
        if (name === 'link' && attrs.href) {
          const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
          if (rels.some((r) => FETCHING_RELS.has(r))) add(`<link rel="${attrs.rel}">`, attrs.href);
        }
        if (attrs.style) for (const url of cssUrls(attrs.style)) add(`<${name} style>`, url);
        if (name === 'style') inStyle = true;
      },
      ontext(text) {
        if (inStyle) for (const url of cssUrls(text)) add('<style>', url);
      },
      onclosetag(name) {
        if (name === 'style') inStyle = false;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return refs;
}

/** Remote loads in a CSS file. */
export function externalRefsInCss(css: string, file: string, ownOrigin?: string): ExternalRef[] {
  return cssUrls(css)
    .filter((url) => isExternal(url, ownOrigin))
    .map((url) => ({ file, what: 'CSS url()/@import', url }));
}

/** Remote module imports in a JS file: static/dynamic import and importScripts of a URL. */
export function externalRefsInJs(js: string, file: string): ExternalRef[] {
  const refs: ExternalRef[] = [];
  for (const m of js.matchAll(/(?:\bimport\s*\(?|\bfrom|importScripts\s*\()\s*(['"`])((?:https?:)?\/\/[^'"`]+)\1/g)) {
    refs.push({ file, what: 'JS import', url: m[2]! });
  }
  return refs;
}
