import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, unreferencedFilesRemoved } from '../../../src/build/search-index';

const tmp = mkdtempSync(join(tmpdir(), 'cittc-search-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function page(site: string, path: string, html: string) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), html);
}

/** Each fragment of a language's bundle (one per indexed page): file name and text. */
function fragments(site: string, locale: string): Map<string, string> {
  const folder = join(site, 'pagefind', locale, 'fragment');
  return new Map(readdirSync(folder).map((name) => [name, gunzipSync(readFileSync(join(folder, name))).toString('utf8')]));
}

const article = (lang: string, text: string) => `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text}</p></main></body></html>`;

describe('buildSearchIndex', () => {
  it('indexes each language in its own bundle, two at a time, and gives a language without pages an empty one', async () => {
    const site = join(tmp, 'site');
    page(site, 'index.html', '<!doctype html><html><body>chooser</body></html>');
    page(site, 'it/grafene/index.html', article('it', 'Membrane di grafene per il trattamento delle acque'));
    page(site, 'zh/index.html', '<!doctype html><html lang="zh-CN"><body><p>没有可索引的页面</p></body></html>');
    page(site, 'en/index.html', '<!doctype html><html lang="en"><body><p>nothing indexed</p></body></html>');
    const lines: string[] = [];
    const results = await buildSearchIndex(site, { log: (line) => lines.push(line) });
    expect(results.map(({ locale, pages, indexed }) => ({ locale, pages, indexed }))).toEqual([
      { locale: 'it', pages: 1, indexed: true },
      { locale: 'zh', pages: 0, indexed: true },
      { locale: 'en', pages: 0, indexed: true },
    ]);
    for (const locale of ['it', 'zh', 'en']) {
      expect(existsSync(join(site, 'pagefind', locale, 'pagefind-entry.json')), locale).toBe(true);
      expect(existsSync(join(site, 'pagefind', locale, 'pagefind.js')), locale).toBe(true);
    }
    // The Italian page's text is in its bundle: one fragment, for the one page.
    expect(readdirSync(join(site, 'pagefind', 'it', 'fragment'))).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/indexed 1 pages in \d+ ms/);
  });

  it('writes a changed language onto its last index, and removes what belonged to pages edited or gone', async () => {
    const site = join(tmp, 'reuse');
    const stampFile = join(tmp, 'reuse-stamp.json');
    page(site, 'it/a/index.html', article('it', 'Brevetti condivisi tra Bergamo e Pechino'));
    page(site, 'it/b/index.html', article('it', 'Seminario sulla proprietà intellettuale: zanzibarite'));
    page(site, 'it/c/index.html', article('it', 'Missione imprenditoriale a Napoli'));
    await buildSearchIndex(site, { stampFile, log: () => {} });
    const before = fragments(site, 'it');
    expect(before.size).toBe(3);
    const kept = [...before].find(([, text]) => text.includes('Napoli'))![0];
    const keptTime = statSync(join(site, 'pagefind/it/fragment', kept)).mtimeMs;

    page(site, 'it/a/index.html', article('it', 'Brevetti condivisi tra Bergamo e Pechino: bando riaperto'));
    rmSync(join(site, 'it/b'), { recursive: true });
    const lines: string[] = [];
    const [it_] = await buildSearchIndex(site, { stampFile, log: (line) => lines.push(line) });
    expect(it_).toMatchObject({ locale: 'it', pages: 2, indexed: true });
    // The old fragments of a and b, the old meta file, and any word chunk no longer named.
    expect(it_!.removedFiles, lines.join("\n")).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).toMatch(/it: 2 pages in \d+ ms \(onto the last index, \d+ file\(s\) of it removed\)/);
    const after = fragments(site, 'it');
    expect(after.size).toBe(2);
    const text = [...after.values()].join('\n');
    expect(text).toContain('bando riaperto');
    expect(text).not.toContain('zanzibarite');
    // The unchanged page's fragment was not written again.
    expect(after.has(kept)).toBe(true);
    expect(statSync(join(site, 'pagefind/it/fragment', kept)).mtimeMs).toBe(keptTime);
    const metaFiles = readdirSync(join(site, 'pagefind/it')).filter((f) => f.endsWith('.pf_meta'));
    expect(metaFiles).toHaveLength(1);
  });

  it('indexes from nothing after a run that stopped half-way, so that no cut-short file is kept', async () => {
    const site = join(tmp, 'interrupted');
    const stampFile = join(tmp, 'interrupted-stamp.json');
    page(site, 'it/a/index.html', article('it', 'Corso di formazione sul trasferimento tecnologico'));
    page(site, 'it/b/index.html', article('it', 'Forum di cooperazione a Pechino'));
    await buildSearchIndex(site, { stampFile, log: () => {} });
    // A run stopped before it wrote the entry file (it removes the old one first) may leave
    // files cut short: here, every fragment.
    rmSync(join(site, 'pagefind/it/pagefind-entry.json'));
    const folder = join(site, 'pagefind/it/fragment');
    for (const name of readdirSync(folder)) writeFileSync(join(folder, name), readFileSync(join(folder, name)).subarray(0, 10));
    page(site, 'it/a/index.html', article('it', 'Corso di formazione sul trasferimento tecnologico, seconda edizione'));
    const lines: string[] = [];
    const [it_] = await buildSearchIndex(site, { stampFile, log: (line) => lines.push(line) });
    expect(it_!.removedFiles).toBeUndefined();
    expect(lines.join('\n')).not.toContain('onto the last index');
    const text = [...fragments(site, 'it').values()].join('\n');
    expect(text).toContain('seconda edizione');
    expect(text).toContain('Forum di cooperazione a Pechino');
  });

  it('keeps a bundle whole when its index cannot be read back or names a missing file', async () => {
    const site = join(tmp, 'unreadable');
    page(site, 'it/a/index.html', article('it', 'Offerta tecnologica: sensori per la viticoltura'));
    await buildSearchIndex(site, { log: () => {} });
    const bundle = join(site, 'pagefind/it');
    const files = () => readdirSync(bundle, { recursive: true }).sort();
    writeFileSync(join(bundle, 'fragment/it_0000000.pf_fragment'), 'stale');
    const all = files();
    // The first read of a bundle Pagefind has just written: only an index this still reads as
    // before (Pagefind's pf_meta file, gzip of "pagefind_dcd" and CBOR; not an API) gives a number.
    expect(
      unreferencedFilesRemoved(bundle),
      "the search index's incremental step (src/build/search-index.ts) relies on an internal of Pagefind that has changed: its pf_meta file (or the names of its hashed files) no longer reads as Pagefind 1.6 wrote it. " +
        'The site is still correct (every language is then indexed from nothing, more slowly): keep pagefind at the version in package.json until unreferencedFilesRemoved is adapted',
    ).toBe(1);
    expect(files()).toEqual(all.filter((f) => f !== join('fragment', 'it_0000000.pf_fragment')));

    writeFileSync(join(bundle, 'fragment/it_0000000.pf_fragment'), 'stale');
    const [fragment] = readdirSync(join(bundle, 'fragment')).filter((f) => f !== 'it_0000000.pf_fragment');
    const saved = readFileSync(join(bundle, 'fragment', fragment!));
    rmSync(join(bundle, 'fragment', fragment!));
    const missing = files();
    expect(unreferencedFilesRemoved(bundle)).toBeUndefined();
    expect(files()).toEqual(missing);

    writeFileSync(join(bundle, 'fragment', fragment!), saved);
    const meta = readdirSync(bundle).find((f) => f.endsWith('.pf_meta'))!;
    writeFileSync(join(bundle, meta), 'not gzip');
    expect(unreferencedFilesRemoved(bundle)).toBeUndefined();
    expect(existsSync(join(bundle, 'fragment/it_0000000.pf_fragment'))).toBe(true);
  });

  it('holds a language back while the gate does not accept its memory, and starts it early when it does', async () => {
    const site = join(tmp, 'gate');
    const stampFile = join(tmp, 'gate-stamp.json');
    page(site, 'it/a/index.html', article('it', 'Bando per progetti congiunti di ricerca'));
    const never = new Promise<void>(() => {});
    // No peak known yet (first run): held back even though memory would be accepted.
    const opening = Promise.withResolvers<void>();
    setTimeout(opening.resolve, 300);
    const started = performance.now();
    const [first] = await buildSearchIndex(site, { stampFile, log: () => {}, gate: { allows: () => true, opened: opening.promise } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(first).toMatchObject({ locale: 'it', indexed: true, early: false });

    // A run that short records no peak; say the last one peaked at 100 kB a page.
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    expect(stamp.locales.it.peakPerPage).toBeUndefined();
    stamp.locales.it.peakPerPage = 100_000;
    writeFileSync(stampFile, JSON.stringify(stamp));
    // Known: a gate that accepts it lets it start before opening.
    page(site, 'it/a/index.html', article('it', 'Bando per progetti congiunti di ricerca, prorogato'));
    const asked: number[] = [];
    const [early] = await buildSearchIndex(site, { stampFile, log: () => {}, gate: { allows: (bytes) => (asked.push(bytes), true), opened: never } });
    expect(early).toMatchObject({ locale: 'it', indexed: true, early: true });
    expect(asked).toEqual([125_000]); // One page, with the margin.

    // One that refuses it: it waits for the gate.
    page(site, 'it/a/index.html', article('it', 'Bando per progetti congiunti di ricerca, chiuso'));
    const later = Promise.withResolvers<void>();
    setTimeout(later.resolve, 300);
    const [held] = await buildSearchIndex(site, { stampFile, log: () => {}, gate: { allows: () => false, opened: later.promise } });
    expect(held).toMatchObject({ locale: 'it', indexed: true, early: false });
  });

  it('never indexes the copy of a page that a failed run wrote and that is gone since', async () => {
    const site = join(tmp, 'failed-run');
    const stampFile = join(tmp, 'failed-run-stamp.json');
    page(site, 'it/a/index.html', article('it', 'Missione a Shenzhen'));
    await buildSearchIndex(site, { stampFile, log: () => {} });
    // A new page; the run fails after the Italian pages were compared (a Chinese page listed but not there).
    page(site, 'it/q/index.html', article('it', 'Pagina effimera: quokkite'));
    await expect(
      buildSearchIndex(site, { stampFile, log: () => {}, pages: ['it/a/index.html', 'it/q/index.html', 'zh/missing/index.html'] }),
    ).rejects.toThrow(/missing/);
    // The page goes before the next build.
    rmSync(join(site, 'it/q'), { recursive: true });
    await buildSearchIndex(site, { stampFile, log: () => {} });
    const text = [...fragments(site, 'it').values()].join('\n');
    expect(text).toContain('Missione a Shenzhen');
    expect(text).not.toContain('quokkite');
  });
});
