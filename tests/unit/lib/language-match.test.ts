import { describe, expect, it } from 'vitest';
import { bestLocale } from '../../../src/lib/language-match';

describe('bestLocale', () => {
  it.each([
    [['it-IT', 'it'], 'it'],
    [['zh-CN'], 'zh'],
    [['zh-TW', 'en-US'], 'zh'],
    [['zh-Hant-HK'], 'zh'],
    [['en-US'], 'en'],
    [['de-DE'], 'en'],
    [['de-DE', 'it'], 'it'],
    [['fr', 'zh_CN', 'it'], 'zh'],
    [[], 'en'],
  ] as const)('%j → %s', (languages, expected) => {
    expect(bestLocale(languages)).toBe(expected);
  });
});
