import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { astroEntryTypes, syncContentFiles, type EntryType } from '../../../src/build/content-files';
import { refusedBodiesRenderedAgain } from '../../../src/schema/loader';

// The content files of a collection are synced into the store as by Astro's glob loader
// (src/build/content-files.ts). What matters: a changed, reverted, new or removed file is
// always seen, an unchanged one is not parsed again, and two files of one entry are refused.

const tmp = mkdtempSync(join(tmpdir(), 'cittc-content-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  rendered?: { html: string };
}

function site(name: string) {
  const root = join(tmp, name);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const entries = new Map<string, Entry>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
    keys: () => [...entries.keys()],
    addAssetImports: vi.fn(),
    addModuleImport: vi.fn(),
  };
  // The entry type: front matter "title: …" above the body; rendered as <p>body</p>.
  const parsed = vi.fn(({ contents }: { contents: string }) => {
    const [, title, body] = /^title: (.*)\n\n([\s\S]*)$/.exec(contents) ?? [];
    return { data: { title }, body };
  });
  const types = new Map<string, EntryType>([
    ['.mdx', { getEntryInfo: parsed, getRenderFunction: async () => async ({ body }) => ({ html: `<p>${body}</p>` }) }],
  ]);
  const context = {
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/node_modules/.astro/`) },
    store,
    logger: { warn: vi.fn(), error: vi.fn(), info: vi.fn() },
    watcher: undefined,
  };
  const sync = () =>
    syncContentFiles('news', context as never, {
      entryTypes: types,
      generateDigest: ((text: string) => `digest of ${text}`) as never,
      parseData: (async ({ data }: { data: Record<string, unknown> }) => data) as never,
    });
  /** Sets a file's modification time to a fixed day, long before the last sync. */
  const age = (path: string) => {
    const then = new Date('2026-01-05T09:00:00Z');
    utimesSync(join(root, path), then, then);
  };
  return { write, entries, parsed, sync, root, age };
}

describe('content files: synced into the store', () => {
  it('parses, validates and renders each file once, then only those that changed', async () => {
    const { write, entries, parsed, sync } = site('changes');
    write('content/news/it/visita.mdx', 'title: Visita\n\nTesto.');
    write('content/news/en/visit.mdx', 'title: Visit\n\nText.');
    await sync();
    expect(entries.get('it/visita')).toMatchObject({ data: { title: 'Visita' }, filePath: 'content/news/it/visita.mdx', rendered: { html: '<p>Testo.</p>' } });
    expect(entries.get('en/visit')?.rendered?.html).toBe('<p>Text.</p>');
    expect(parsed).toHaveBeenCalledTimes(2);

    parsed.mockClear();
    await sync();
    expect(parsed).not.toHaveBeenCalled();
    expect(entries.get('it/visita')?.rendered?.html).toBe('<p>Testo.</p>');

    write('content/news/it/visita.mdx', 'title: Visita a Pechino\n\nTesto nuovo.');
    await sync();
    expect(parsed).toHaveBeenCalledTimes(1);
    expect(entries.get('it/visita')).toMatchObject({ data: { title: 'Visita a Pechino' }, rendered: { html: '<p>Testo nuovo.</p>' } });
  });

  it('reads the store as it is now: a file edited, then reverted, is parsed again (astro dev)', async () => {
    const { write, entries, parsed, sync } = site('revert');
    write('content/news/it/visita.mdx', 'title: Visita\n\nTesto.');
    await sync();
    entries.get('it/visita')!.digest = 'digest of an edit since reverted';
    parsed.mockClear();
    await sync();
    expect(parsed).toHaveBeenCalledTimes(1);
    expect(entries.get('it/visita')?.digest).toBe('digest of title: Visita\n\nTesto.');
  });

  it('removes the entry of a file that is gone, and keeps the others', async () => {
    const { write, entries, sync, root } = site('removed');
    write('content/news/it/visita.mdx', 'title: Visita\n\nTesto.');
    write('content/news/it/forum.mdx', 'title: Forum\n\nTesto.');
    await sync();
    rmSync(join(root, 'content/news/it/forum.mdx'));
    await sync();
    expect([...entries.keys()]).toEqual(['it/visita']);
  });

  it('does not even read a file whose size and time are those of the last sync, unless they are that recent', async () => {
    const { write, entries, parsed, sync, age } = site('facts');
    const path = 'content/news/it/visita.mdx';
    write(path, 'title: Visita\n\nTesto.');
    age(path);
    await sync();
    parsed.mockClear();
    // Same size, same time: the text is taken as unchanged, and not read.
    write(path, 'title: Visoto\n\nTesto.');
    age(path);
    await sync();
    expect(parsed).not.toHaveBeenCalled();
    expect(entries.get('it/visita')?.data.title).toBe('Visita');
    // Another size: read, parsed, stored.
    write(path, 'title: Visita a Bergamo\n\nTesto.');
    age(path);
    await sync();
    expect(entries.get('it/visita')?.data.title).toBe('Visita a Bergamo');
    // Modified just now (it could change again within the same time stamp): read each time.
    write(path, 'title: Visita a Pechino\n\nTesto.');
    await sync();
    parsed.mockClear();
    write(path, 'title: Visita a Pechinx\n\nTesto.');
    await sync();
    expect(parsed).toHaveBeenCalledTimes(1);
    expect(entries.get('it/visita')?.data.title).toBe('Visita a Pechinx');
  });

  it('refuses two files of one entry (visita.md beside visita.mdx), naming both', async () => {
    const { write, sync } = site('twice');
    write('content/news/it/visita.mdx', 'title: Visita\n\nTesto.');
    write('content/news/it/visita.md', 'title: Visita\n\nTesto.');
    await expect(sync()).rejects.toThrow('content/news/it/visita.mdx: the same entry as content/news/it/visita.md (it/visita): keep one of the two files');
  });

  it('refuses a file outside the contract\'s folders, naming it', async () => {
    const { write, sync } = site('misplaced');
    write('content/news/visita.mdx', 'title: Visita\n\nTesto.');
    await expect(sync()).rejects.toThrow('content/news/visita.mdx: content files go in content/news/<locale>/<slug>.mdx, one folder deep');
  });
});

describe('content loader: a refused body is refused again', () => {
  it('changes the digest of a file whose stored entry has no HTML (its rendering threw), and of no other', () => {
    const store = [
      { digest: 'rendered', rendered: { html: '<p>ok</p>' } },
      { digest: 'refused', rendered: undefined },
    ];
    const digest = refusedBodiesRenderedAgain({ values: () => store }, (text) => String(text));
    expect(digest('rendered')).toBe('rendered');
    expect(digest('refused')).not.toBe('refused');
    expect(digest('new')).toBe('new');
  });
});

/*
 * The loader reads two internals of Astro's content layer: the loader context's `entryTypes`
 * (the .md and .mdx entry types, by extension) and the scoped store's addAssetImports and
 * addModuleImport. If an upgrade of Astro removes or renames them, these fail, and the build
 * stops with the messages checked below.
 */
describe("Astro's loader context, as the content loader relies on it", () => {
  const astroDist = resolve(import.meta.dirname, '../../../node_modules/astro/dist');

  it('gives loaders the entry types by extension, and a store with addAssetImports and addModuleImport', async () => {
    const contentLayer = readFileSync(join(astroDist, 'content/content-layer.js'), 'utf8');
    expect(
      contentLayer,
      "the content loader (src/schema/loader.ts, src/build/content-files.ts) relies on an internal of Astro that has changed: the loader context's entryTypes (astro/dist/content/content-layer.js). No switch builds without it",
    ).toMatch(/entryTypes: getEntryConfigByExtMap\(\[/);
    const url = pathToFileURL(join(astroDist, 'content/mutable-data-store.js')).href;
    const { MutableDataStore } = (await import(/* @vite-ignore */ url)) as { MutableDataStore: new () => { scopedStore(collection: string): Record<string, unknown> } };
    const scoped = new MutableDataStore().scopedStore('news');
    for (const name of ['addAssetImports', 'addModuleImport']) {
      expect(
        typeof scoped[name],
        `the content file loader (src/build/content-files.ts) relies on an internal of Astro that has changed: the loader's scoped store has no ${name} (astro/dist/content/mutable-data-store.js). npm run build -- --stock builds with Astro's glob loader instead`,
      ).toBe('function');
    }
  });

  it('stops the build, naming the internal, when the context lacks them', async () => {
    expect(() => astroEntryTypes({})).toThrow(/no entryTypes map with the \.md and \.mdx entry types/);
    expect(() => astroEntryTypes({ entryTypes: new Map([['.md', { getEntryInfo() {} }]]) })).toThrow(/entryTypes/);
    const types = new Map([['.md', { getEntryInfo() {} }], ['.mdx', { getEntryInfo() {} }]]);
    expect(astroEntryTypes({ entryTypes: types })).toBe(types);

    await expect(
      syncContentFiles('news', { config: {}, store: { get() {}, set() {}, delete() {}, keys: () => [] }, logger: {}, watcher: undefined } as never, {} as never),
    ).rejects.toThrow(/store of the loader context has no addAssetImports or addModuleImport\. npm run build -- --stock/);
  });
});
