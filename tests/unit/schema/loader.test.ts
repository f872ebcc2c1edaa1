import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { entryId, parseEntryPath } from '../../../src/schema/entries';
import { refusedBodiesRenderedAgain, unchangedFilesUnparsed, type EntryType } from '../../../src/schema/loader';

// The content loader skips parsing a file whose text the content store already holds for it
// (src/schema/loader.ts). What matters: a changed, reverted or foreign file is always parsed.

const root = '/srv/site/';
const file = (path: string) => pathToFileURL(`${root}${path}`);
const id = entryId(parseEntryPath('news', 'it/visita.mdx'));

function setup() {
  const entries = new Map<string, { filePath: string; digest: string }>();
  const parsed = vi.fn((_params: { contents: string; fileUrl: URL }) => ({ data: { title: 'Visita' }, body: 'Testo.' }));
  const types = new Map<string, EntryType>([['.mdx', { getEntryInfo: parsed }]]);
  const context = { config: { root: pathToFileURL(root) }, store: { get: (key: string) => entries.get(key) } };
  const digest = (text: unknown) => `digest of ${String(text)}`;
  const wrapped = unchangedFilesUnparsed('news', types, context as never, digest as never);
  const info = (contents: string, path = 'content/news/it/visita.mdx') => wrapped.get('.mdx')!.getEntryInfo!({ contents, fileUrl: file(path) });
  return { entries, parsed, info };
}

describe('content loader: unchanged files are not parsed again', () => {
  it('skips a file whose text is what the store holds for it, and parses any other', () => {
    const { entries, parsed, info } = setup();
    expect(info('v1')).toEqual({ data: { title: 'Visita' }, body: 'Testo.' }); // not in the store yet
    entries.set(id, { filePath: 'content/news/it/visita.mdx', digest: 'digest of v1' });
    parsed.mockClear();
    expect(info('v1')).toEqual({ data: {}, body: '' });
    expect(parsed).not.toHaveBeenCalled();
    expect(info('v2')).toEqual({ data: { title: 'Visita' }, body: 'Testo.' });
    expect(parsed).toHaveBeenCalledTimes(1);
  });

  it('reads the store as it is now: a file edited, then reverted, is parsed again (astro dev)', () => {
    const { entries, parsed, info } = setup();
    entries.set(id, { filePath: 'content/news/it/visita.mdx', digest: 'digest of v1' });
    // The edit is stored by the loader; then the editor reverts it.
    entries.set(id, { filePath: 'content/news/it/visita.mdx', digest: 'digest of v2' });
    expect(info('v1')).toEqual({ data: { title: 'Visita' }, body: 'Testo.' });
    expect(parsed).toHaveBeenCalledTimes(1);
  });

  it('parses a file whose id the store holds from another file (visita.md beside visita.mdx)', () => {
    const { entries, parsed, info } = setup();
    entries.set(id, { filePath: 'content/news/it/visita.mdx', digest: 'digest of v1' });
    expect(info('v1', 'content/news/it/visita.md')).toEqual({ data: { title: 'Visita' }, body: 'Testo.' });
    expect(parsed).toHaveBeenCalledTimes(1);
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
