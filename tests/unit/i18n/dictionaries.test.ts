import { describe, expect, it } from 'vitest';
import { dictionaries, dictionaryProblems } from '../../../src/i18n/dictionaries';
import { localeKeys } from '../../../src/i18n/locales';

describe('UI dictionaries', () => {
  it('exist for every locale', () => {
    expect(Object.keys(dictionaries).sort()).toEqual([...localeKeys].sort());
  });

  it('have exactly the keys of Italian in zh and en, none empty, same placeholders', () => {
    expect(dictionaryProblems(dictionaries)).toEqual([]);
  });

  it('are really translated: zh and en differ from it for most strings', () => {
    const keys = Object.keys(dictionaries.it);
    for (const l of ['zh', 'en'] as const) {
      const same = keys.filter((k) => dictionaries[l][k] === dictionaries.it[k]);
      // Proper names (e.g. "Città della Scienza", "CITTC") may coincide; whole dictionaries may not.
      expect(same.length, `${l} strings identical to Italian: ${same.join(', ')}`).toBeLessThan(keys.length / 5);
    }
  });

  it('reports a missing key, an extra key, an empty string and a changed placeholder', () => {
    const problems = dictionaryProblems({
      it: { a: 'uno', b: 'due {{n}}', c: 'tre' },
      zh: { a: '一', b: '二 {{count}}', d: '四' },
      en: { a: ' ', b: 'two {{n}}', c: 'three' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'zh: missing key "c"',
        'zh: extra key "d" (not in it)',
        'zh: placeholders of "b" differ from it',
        'en: empty string for "a"',
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});
