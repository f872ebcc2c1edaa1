import { describe, expect, it } from 'vitest';
import { withMinorMarker } from '../../../cms/minor-edit';
import { editorRoute, noteLines } from '../../../cms/translation-note';
import type { EntryReport } from '../../../src/history/translation-report';

const entry = (locales: EntryReport['locales']): EntryReport => ({ collection: 'calls', slug: 'vouchers', titles: {}, published: true, drafts: [], locales });

describe('the note in the CMS editor', () => {
  it('knows an entry’s editor route from the address', () => {
    expect(editorRoute('#/collections/calls/entries/vouchers')).toEqual({ collection: 'calls', slug: 'vouchers' });
    expect(editorRoute('#/collections/calls/entries/vouchers?ref=x')).toEqual({ collection: 'calls', slug: 'vouchers' });
    expect(editorRoute('#/collections/calls')).toBeUndefined();
    expect(editorRoute('#/collections/calls/new')).toBeUndefined();
  });

  it('names the missing and outdated languages in the editor’s language, with the newer one and the date', () => {
    const report = {
      entries: [
        entry({
          it: { status: 'up-to-date', updated: '2026-12-03T09:30:00.000Z' },
          zh: { status: 'outdated', newer: ['it'], since: '2026-12-03T09:30:00.000Z' },
          en: { status: 'missing' },
        }),
      ],
    };
    expect(noteLines(report, 'calls', 'vouchers', 'en')).toEqual(['Chinese: outdated, newer text in Italian since 3 December 2026', 'English: missing']);
    expect(noteLines(report, 'calls', 'vouchers', 'it')).toEqual([
      'Cinese: da aggiornare, testo più recente in italiano dal 3 dicembre 2026',
      'Inglese: mancante',
    ]);
    expect(noteLines(report, 'calls', 'vouchers', 'zh')).toEqual(['中文：需更新，意大利语自2026年12月3日起有更新的内容', '英语：缺失']);
    expect(noteLines(report, 'calls', 'other', 'en')).toEqual([]);
  });

  it('gives the day in Rome: a change at 23:30 UTC on 2 December is on 3 December', () => {
    const report = { entries: [entry({ it: { status: 'up-to-date' }, zh: { status: 'outdated', newer: ['it'], since: '2026-12-02T23:30:00.000Z' }, en: { status: 'up-to-date' } })] };
    expect(noteLines(report, 'calls', 'vouchers', 'en')).toEqual(['Chinese: outdated, newer text in Italian since 3 December 2026']);
  });
});

describe('a minor edit', () => {
  it('adds [minor] to the commit message of a save of an existing entry, once', () => {
    const update = { commitMessage: 'Update Call “vouchers”', newEntry: false, collectionName: 'calls' };
    expect(withMinorMarker(update, true)).toEqual({ ...update, commitMessage: 'Update Call “vouchers” [minor]' });
    expect(withMinorMarker(update, false)).toBe(update);
    expect(withMinorMarker({ ...update, commitMessage: 'Fix [minor]' }, true).commitMessage).toBe('Fix [minor]');
    // A new entry is never a minor edit.
    expect(withMinorMarker({ ...update, newEntry: true }, true).commitMessage).toBe('Update Call “vouchers”');
  });
});
