import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hash } from '../../../src/build/key-hash';

const root = resolve(import.meta.dirname, '../../..');
const pagesDir = join(root, 'src/pages');

/** Every file below a folder. */
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/** The files of src/ a module imports, directly or not (relative imports only). */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of text.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), spec!);
    const target = [base, `${base}.ts`, `${base}.astro`].find((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
    if (target && target.startsWith(join(root, 'src'))) importsOf(target, seen);
  }
  return seen;
}

const rel = (file: string) => relative(root, file);
const routes = walk(pagesDir).filter((file) => /\.(astro|ts)$/.test(file) && !/\/_[^/]+$/.test(file));
const text = (file: string) => readFileSync(file, 'utf8');

describe('cache keys come from src/build/cache-keys.ts', () => {
  it('no page makes a key of its own: every cacheKey in src/pages is one of the module', () => {
    const made = (file: string) => [...text(file).matchAll(/cacheKey:\s*([^,}\n]+)/g)].map((m) => m[1]!.trim());
    const allowed = new Set(['cacheKey(item)', 'await entryCacheKeys(section)', 'await calendarBundleKey(files)']);
    const inline = routes.filter((file) => made(file).some((value) => !allowed.has(value)));
    expect(inline.map(rel), 'a page sets cacheKey from something other than src/build/cache-keys.ts').toEqual([]);
    expect(routes.filter((file) => /createHash|contentKey|listCacheKey/.test(text(file))).map(rel)).toEqual([]);
  });

  it('pages keyed by their props render no entry body: the key leaves bodies out', () => {
    const keyed = routes.filter((file) => /keyedPaths\(|localeStaticPathsWithKey\(/.test(text(file)));
    expect(keyed.length, 'the pages keyed by their props').toBeGreaterThan(10);
    for (const page of keyed) {
      for (const file of importsOf(page)) {
        if (file.startsWith(join(root, 'src/build/'))) continue;
        expect(text(file), `${rel(file)} (used by ${rel(page)}) reads an entry's body, which its key does not hold`).not.toMatch(
          /\brender\(|\.rendered\b|entry\.body\b|<Content\b/,
        );
      }
    }
  });
});

describe('hash of a key', () => {
  const entry = (data: object, digest: string) => ({ id: 'it/x', collection: 'news', data, digest, rendered: { html: `<p>${digest}</p>` }, body: digest });
  const dir = mkdtempSync(join(tmpdir(), 'cittc-cache-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds an entry's front matter, not its body", () => {
    expect(hash([entry({ title: 'A' }, 'one')])).toBe(hash([entry({ title: 'A' }, 'two')]));
    expect(hash([entry({ title: 'A' }, 'one')])).not.toBe(hash([entry({ title: 'B' }, 'one')]));
  });

  it('holds what maps and sets contain', () => {
    expect(hash([new Map([['2026-12-01', ['a']]])])).not.toBe(hash([new Map([['2026-12-01', ['b']]])]));
    expect(hash([new Set(['a'])])).not.toBe(hash([new Set(['b'])]));
  });

  it('names an image by its path and bytes, reading nothing else of it', () => {
    const file = join(dir, 'cover.jpg');
    writeFileSync(file, 'first');
    const read: string[] = [];
    const image = () =>
      new Proxy({ src: '/x.jpg', width: 1, fsPath: file }, {
        // As Astro's proxy (astro/dist/assets/utils/proxy.js): a property read that has a value
        // marks the upload as used, fsPath excepted.
        get(target, property) {
          const value = target[property as keyof typeof target];
          if (value !== undefined && property !== 'fsPath') read.push(String(property));
          return value;
        },
      });
    const first = hash([{ cover: image() }]);
    expect(read, 'properties of the image read by the key').toEqual([]);
    expect(hash([{ cover: image() }])).toBe(first);
    writeFileSync(file, 'replaced');
    expect(hash([{ cover: image() }]), 'a replaced image changes the key').not.toBe(first);
    const noPath = new Proxy({ src: '/x.jpg' }, {});
    expect(() => hash([{ cover: noPath }]), 'an image proxy without fsPath').toThrow(/fsPath.*npm run build -- --stock/s);
    // An imported image that is a plain object (Astro 7.4 makes them so): its getters may mark the upload as used.
    const plain = Object.defineProperty({ src: '/x.jpg' }, 'fsPath', { value: file, enumerable: false });
    expect(() => hash([{ cover: plain }]), 'an image that is no proxy').toThrow(/no longer Astro's ImageMetadata proxy.*--stock/s);
  });
});
