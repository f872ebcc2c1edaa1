import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, pagePath, type LinkCache } from '../../../src/build/link-check';
import { removeStaleOutput } from '../../../src/build/stale-output';

const dist = mkdtempSync(join(tmpdir(), 'link-check-'));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
};
afterAll(() => rmSync(dist, { recursive: true, force: true }));

write('it/news/index.html', '<a href="/it/news/a/">a</a>');
write('it/news/a/index.html', `<!doctype html><html><head>
<meta property="og:title" content="<img src=x onerror=alert(1)>"><title>&lt;a href=/nowhere/&gt;</title></head><body>
<a href="../">up</a> <a class=x href=../b/>missing sibling</a> <a href='/it/news/?page=2#list'>query</a>
<img alt="" src="/_astro/photo.webp"> <img alt="" src="/_astro/gone.webp">
<a href="https://www.cittc.example.org/it/news/">absolute, own site</a>
<a href="https://www.cittc.example.org/en/">absolute, own site, not built</a>
<a href="https://other.example/x/">other host</a> <a href="#top">fragment</a> <a href="mailto:a@b.example">mail</a>
<a href="/it/files/report%202026.pdf">encoded</a> <link rel="stylesheet" href="/not-checked.css">
</body></html>`);
write('_astro/photo.webp', 'x');
write('it/files/report 2026.pdf', 'x');

describe('internal link check of a built site', () => {
  it('finds every link into the site that reaches no built file, and nothing else', () => {
    expect(findBrokenLinks(dist, 'https://www.cittc.example.org')).toEqual([
      { page: '/it/news/a/', link: '../b/' },
      { page: '/it/news/a/', link: '/_astro/gone.webp' },
      { page: '/it/news/a/', link: 'https://www.cittc.example.org/en/' },
    ]);
  });

  it('names pages by the path they are served at', () => {
    expect(pagePath(dist, join(dist, 'it/news/a/index.html'))).toBe('/it/news/a/');
    expect(pagePath(dist, join(dist, '404.html'))).toBe('/404.html');
  });

  it('with a cache, reads again only changed pages, and still checks every link against what is built', () => {
    const site = mkdtempSync(join(tmpdir(), 'link-cache-'));
    const put = (path: string, text: string, mtime: number) => {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), text);
      utimesSync(join(site, path), mtime, mtime);
    };
    try {
      put('a/index.html', '<a href="/b/">b</a> <a href="/c/">c</a>', 1000);
      put('b/index.html', '<a href="/a/">a</a>', 1000);
      put('c/index.html', 'c', 1000);
      const cache: LinkCache = { links: [], pages: {} };
      expect(findBrokenLinks(site, 'https://x.example', cache)).toEqual([]);
      expect(Object.keys(cache.pages).sort()).toEqual(['a/index.html', 'b/index.html', 'c/index.html']);

      // The cached links of a page are what is checked while its size and time stay: a test
      // that they are used, not the file (same size and time, other text).
      put('b/index.html', '<a href="/z/">z</a>', 1000);
      expect(findBrokenLinks(site, 'https://x.example', cache)).toEqual([]);
      // A changed page is read again.
      put('b/index.html', '<a href="/zz/">zz</a>', 2000);
      expect(findBrokenLinks(site, 'https://x.example', cache)).toEqual([{ page: '/b/', link: '/zz/' }]);
      // An unchanged page whose target is gone is reported from its cached links.
      rmSync(join(site, 'c'), { recursive: true });
      expect(findBrokenLinks(site, 'https://x.example', cache)).toEqual([
        { page: '/a/', link: '/c/' },
        { page: '/b/', link: '/zz/' },
      ]);
      // A page that no longer exists leaves the cache.
      expect(cache.pages['c/index.html']).toBeUndefined();
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('with the listing of the stale-output sweep, finds the same broken links without walking dist/ again', () => {
    // The sweep leaves every file but the kept folders (pagefind/) in its listing.
    write('pagefind/it/pagefind.js', 'x');
    write('it/search/index.html', '<a href="/pagefind/it/pagefind.js">index</a> <a href="/pagefind/it/gone.js">gone</a>');
    const { files } = removeStaleOutput({ dist, startedAt: 0, routeFiles: [], publicDir: join(dist, 'no-public') });
    expect(files.has('it/news/a/index.html')).toBe(true);
    expect(files.has('pagefind/it/pagefind.js')).toBe(false);
    const expected = [
      { page: '/it/news/a/', link: '../b/' },
      { page: '/it/news/a/', link: '/_astro/gone.webp' },
      { page: '/it/news/a/', link: 'https://www.cittc.example.org/en/' },
      // A file the listing does not hold is looked up on disk.
      { page: '/it/search/', link: '/pagefind/it/gone.js' },
    ];
    expect(findBrokenLinks(dist, 'https://www.cittc.example.org', undefined, files)).toEqual(expected);
    expect(findBrokenLinks(dist, 'https://www.cittc.example.org')).toEqual(expected);
    // The listing is what is checked: a page it does not hold is not read, and a file it holds
    // is built (this one is on no disk: the listing is used, not a lookup).
    files.delete('it/search/index.html');
    files.set('_astro/gone.webp', { size: 1, mtimeMs: 0 });
    expect(findBrokenLinks(dist, 'https://www.cittc.example.org', undefined, files)).toEqual([expected[0], expected[2]]);
  });
});
