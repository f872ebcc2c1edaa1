import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLocale, localeKeys, locales, type Locale } from '../../src/i18n/locales';

// The language signals of the whole built site, as a crawler reads them: every page's
// canonical and hreflang alternates (in <head>) and the sitemap's. No browser: the HTML of
// dist/ is parsed as it is served.

const DIST = 'dist';

interface Page {
  /** Site-relative path of the page ("/it/news/x/"). */
  path: string;
  canonical?: string;
  noindex: boolean;
  /** hreflang → site-relative path, in document order. */
  alternates: [hreflang: string, path: string][];
  /** og:locale, then each og:locale:alternate. */
  ogLocales: string[];
  /** The `url` of each JSON-LD description of the page's own content (article, event, course). */
  described: string[];
}

let origin = '';
const pages = new Map<string, Page>();
/** Sitemap: loc path → its alternates (hreflang → path). */
const sitemap = new Map<string, [string, string][]>();

/**
 * A site-relative path for an absolute URL of the site, decoded as a server maps it to a file
 * (/zh/news/tags/%E6%B1%BD%E8%BD%A6/ is the page /zh/news/tags/汽车/); the URL itself when it is elsewhere.
 */
const sitePath = (href: string) => {
  const url = new URL(href);
  return url.origin === origin ? decodeURIComponent(url.pathname) + url.search : href;
};

function readPage(path: string, html: string): Page {
  const doc = parseDocument(html);
  const head = DomUtils.findOne((e) => e.name === 'head', doc.children);
  const elements = head ? DomUtils.findAll(() => true, head.children) : [];
  const links = elements.filter((e) => e.name === 'link');
  const canonical = links.find((l) => l.attribs.rel === 'canonical')?.attribs.href;
  const robots = elements.find((e) => e.name === 'meta' && e.attribs.name === 'robots')?.attribs.content ?? '';
  const page: Page = {
    path,
    noindex: /noindex/i.test(robots),
    alternates: links
      .filter((l) => l.attribs.rel === 'alternate' && l.attribs.hreflang)
      .map((l) => [l.attribs.hreflang!, sitePath(l.attribs.href!)]),
    ogLocales: [
      ...elements.filter((e) => e.name === 'meta' && e.attribs.property === 'og:locale'),
      ...elements.filter((e) => e.name === 'meta' && e.attribs.property === 'og:locale:alternate'),
    ].map((e) => e.attribs.content!),
    described: DomUtils.findAll((e) => e.name === 'script' && e.attribs.type === 'application/ld+json', doc.children)
      .map((e) => JSON.parse(DomUtils.textContent(e)) as { '@type'?: string; url?: string; mainEntityOfPage?: string })
      .filter((ld) => ['NewsArticle', 'Event', 'Course'].includes(ld['@type'] ?? ''))
      .flatMap((ld) => [ld.url, ld.mainEntityOfPage].filter((u): u is string => typeof u === 'string').map(sitePath)),
  };
  if (canonical) page.canonical = sitePath(canonical);
  return page;
}

const key = (value: unknown) => JSON.stringify(value);
const tagOf = (locale: Locale) => locales[locale].lang;
const isHome = (path: string) => path === '/' || localeKeys.some((l) => path === `/${l}/`);

beforeAll(() => {
  const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const doc = parseDocument(xml, { xmlMode: true });
  const locOf = (url: ReturnType<typeof DomUtils.findAll>[number]) => DomUtils.textContent(DomUtils.findOne((e) => e.name === 'loc', url.children)!).trim();
  const urls = DomUtils.findAll((e) => e.name === 'url', doc.children);
  origin = new URL(locOf(urls[0]!)).origin;
  for (const url of urls) {
    const alternates = DomUtils.findAll((e) => e.name === 'xhtml:link', url.children).map(
      (l) => [l.attribs.hreflang!, sitePath(l.attribs.href!)] as [string, string],
    );
    sitemap.set(sitePath(locOf(url)), alternates);
  }
  for (const file of readdirSync(DIST, { recursive: true, encoding: 'utf8' })) {
    if (!(file === 'index.html' || file.endsWith('/index.html'))) continue;
    const path = `/${file.slice(0, -'index.html'.length)}`;
    pages.set(path, readPage(path, readFileSync(join(DIST, file), 'utf8')));
  }
});

/** The pages a crawler may index: every built page but those marked noindex. */
const indexed = () => [...pages.values()].filter((p) => !p.noindex);

describe('language versions of every built page (hreflang, canonical, sitemap)', () => {
  it('read a whole site', () => {
    expect(pages.size).toBeGreaterThan(100);
    expect(sitemap.size).toBeGreaterThan(100);
    // The sample content has fallback pages (entries without some translations).
    expect(indexed().filter((p) => p.canonical && p.canonical !== p.path).length).toBeGreaterThan(0);
  });

  it('point every hreflang alternate to a built page of the site that is its own canonical', () => {
    const errors: string[] = [];
    for (const page of indexed()) {
      if (page.alternates.length > 0 && !page.canonical) errors.push(`${page.path}: alternates but no canonical`);
      for (const [hreflang, target] of page.alternates) {
        const other = pages.get(target);
        if (!other) errors.push(`${page.path}: ${hreflang} → ${target}, no such page`);
        else if (other.noindex) errors.push(`${page.path}: ${hreflang} → ${target}, a noindex page`);
        else if (other.canonical !== target) errors.push(`${page.path}: ${hreflang} → ${target}, whose canonical is ${other.canonical}`);
      }
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });

  it('give every version of a page the same alternates: each lists the others and itself', () => {
    const errors: string[] = [];
    for (const page of indexed()) {
      for (const [hreflang, target] of page.alternates) {
        const other = pages.get(target);
        if (other && key(other.alternates) !== key(page.alternates)) errors.push(`${page.path} lists ${target} (${hreflang}), which lists ${key(other.alternates)}`);
      }
      // A page of its own is one of its alternates (x-default for "/"); a fallback is none of
      // them, and its canonical is.
      const targets = page.alternates.map(([, path]) => path);
      if (page.alternates.length === 0) continue;
      if (page.canonical === page.path && !targets.includes(page.path)) errors.push(`${page.path}: not among its own alternates`);
      if (page.canonical !== page.path && targets.includes(page.path)) errors.push(`${page.path}: a fallback (canonical ${page.canonical}) listed as an alternate`);
      if (page.canonical !== page.path && !targets.includes(page.canonical!)) errors.push(`${page.path}: its canonical ${page.canonical} is not among its alternates`);
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });

  it('tag each version with its locale, in locale order, and send x-default where the sitemap does', () => {
    const errors: string[] = [];
    for (const page of indexed()) {
      if (page.alternates.length === 0) continue;
      const versions = page.alternates.filter(([h]) => h !== 'x-default');
      const xDefault = page.alternates.filter(([h]) => h === 'x-default');
      const expected = localeKeys.flatMap((l) => versions.filter(([h, path]) => h === tagOf(l) && path.startsWith(`/${l}/`)));
      if (key(expected) !== key(versions)) errors.push(`${page.path}: versions ${key(versions)} not one per locale, tagged with it, in locale order`);
      const first = versions[0]?.[1];
      const italian = versions.find(([h]) => h === tagOf(defaultLocale))?.[1];
      const rule = first && (isHome(first) ? '/' : (italian ?? first));
      if (xDefault.length !== 1 || xDefault[0]![1] !== rule) errors.push(`${page.path}: x-default ${key(xDefault)}, expected ${rule}`);
      if (page.alternates.at(-1)?.[0] !== 'x-default') errors.push(`${page.path}: x-default is not last`);
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });

  it('describe in structured data the canonical page, never a fallback URL', () => {
    const described = indexed().filter((p) => p.described.length > 0);
    expect(described.length).toBeGreaterThan(10);
    const errors = described.flatMap((p) => p.described.filter((url) => url !== p.canonical).map((url) => `${p.path}: JSON-LD url ${url}, canonical ${p.canonical}`));
    expect(errors.slice(0, 20)).toEqual([]);
  });

  it('give Open Graph the canonical page’s locale and its other versions’ locales', () => {
    const withOg = indexed().filter((p) => p.ogLocales.length > 0);
    expect(withOg.length).toBeGreaterThan(100);
    const errors: string[] = [];
    for (const page of withOg) {
      const own = localeKeys.find((l) => page.canonical?.startsWith(`/${l}/`));
      const versions = localeKeys.filter((l) => page.alternates.some(([h, path]) => h === tagOf(l) && path.startsWith(`/${l}/`)));
      const expected = own && [own, ...versions.filter((l) => l !== own)].map((l) => locales[l].ogLocale);
      if (key(page.ogLocales) !== key(expected ?? [])) errors.push(`${page.path}: og:locale ${page.ogLocales.join(' ')}, expected ${expected?.join(' ')}`);
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });

  it('list in the sitemap exactly the pages of their own, with the alternates of their heads', () => {
    const errors: string[] = [];
    for (const [path, alternates] of sitemap) {
      const page = pages.get(path);
      if (!page) errors.push(`sitemap: ${path}, no such page`);
      else if (page.noindex) errors.push(`sitemap: ${path} is noindex`);
      else if (page.canonical !== path) errors.push(`sitemap: ${path}, whose canonical is ${page.canonical}`);
      else if (key(page.alternates) !== key(alternates)) errors.push(`${path}: head ${key(page.alternates)} ≠ sitemap ${key(alternates)}`);
      for (const [hreflang, target] of alternates) if (!sitemap.has(target)) errors.push(`sitemap: ${path} lists ${target} (${hreflang}), not a <url> of its own`);
    }
    // A page whose versions are in the sitemap is there too (the sitemap leaves a page out with
    // all its versions, or not at all).
    for (const page of indexed()) {
      if (sitemap.has(page.path) || page.canonical !== page.path) continue;
      const listed = page.alternates.filter(([, target]) => sitemap.has(target));
      if (listed.length > 0) errors.push(`${page.path}: not in the sitemap, but its alternates ${key(listed)} are`);
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });
});
