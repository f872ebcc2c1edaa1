import { describe, expect, it } from 'vitest';
import type { LocalizedEntry } from '../../../src/lib/localized-entries';
import { termKey } from '../../../src/lib/term-key';
import { entryTerms, termGroups } from '../../../src/lib/terms';
import { termLabel, Vocabulary } from '../../../src/lib/vocabulary';
import type { Locale } from '../../../src/i18n/locales';

const topics = new Vocabulary('topics', [
  { key: 'robotics', labels: { it: 'Robotica', zh: '机器人', en: 'Robotics' }, file: 'content/topics/robotics.yml' },
  { key: 'ai', labels: { it: 'Intelligenza artificiale', en: 'Artificial intelligence' }, file: 'content/topics/ai.yml' },
]);

/** A news entry in a locale's list, with only what these functions read. */
const news = (slug: string, locale: Locale, data: { tags?: string[]; topics?: string[] }, fallbackFrom?: Locale) =>
  ({
    locale,
    slug,
    sourceLocale: fallbackFrom ?? locale,
    isFallback: fallbackFrom !== undefined,
    translations: [fallbackFrom ?? locale],
    entry: { id: `${fallbackFrom ?? locale}/${slug}`, collection: 'news', data },
  }) as unknown as LocalizedEntry<'news'>;

describe('keyword keys (the URL segment of a tag)', () => {
  it('keeps letters of every script, so that each tag has a readable URL of its own', () => {
    expect(termKey('汽车')).toBe('汽车');
    expect(termKey('Università')).toBe('università');
    expect(termKey('AI')).toBe('ai');
    expect(termKey('新能源汽车')).not.toBe(termKey('汽车'));
    expect(termKey('人工智能')).not.toBe(termKey('机器人'));
  });

  it('makes one tag of spellings that differ in case, width, Unicode form or spacing', () => {
    expect(termKey('ＡＩ')).toBe('ai');
    expect(termKey('Universita\u0300')).toBe(termKey('Università'));
    expect(termKey('Machine  Learning')).toBe('machine-learning');
    expect(termKey(' machine-learning ')).toBe('machine-learning');
    expect(termKey('汽车　')).toBe('汽车');
  });

  it('never gives a tag of punctuation alone an empty segment, nor one a path could misread', () => {
    expect(termKey('!!!')).toMatch(/^u-[0-9a-f-]+$/);
    expect(termKey('!!!')).not.toBe(termKey('???'));
    expect(termKey('a/b')).not.toContain('/');
    expect(termKey('..')).not.toMatch(/^\.+$/);
    expect(termKey('c?#%')).toBe('c');
  });
});

describe('vocabulary', () => {
  it('finds a term by its key or by any of its labels', () => {
    expect(topics.match('robotics')?.key).toBe('robotics');
    expect(topics.match('机器人')?.key).toBe('robotics');
    expect(topics.match('Robotica')?.key).toBe('robotics');
    expect(topics.match('ROBOTICS')?.key).toBe('robotics');
    expect(topics.match('汽车')).toBeUndefined();
  });

  it('labels a term in the page language, with the default language where a label is missing', () => {
    expect(topics.label('robotics', 'zh')).toBe('机器人');
    expect(topics.label('ai', 'zh')).toBe('Intelligenza artificiale');
    expect(termLabel(topics.match('ai')!, 'en')).toBe('Artificial intelligence');
    expect(topics.missingLabels().map(({ term, locale }) => `${term.key}:${locale}`)).toEqual(['ai:zh']);
  });

  it('shows a value that names no term as written, filed under its own keyword key', () => {
    expect(topics.label('Città della Scienza', 'en')).toBe('Città della Scienza');
    expect(topics.key('Città della Scienza')).toBe('città-della-scienza');
  });

  it('reports a label that two terms share', () => {
    const v = new Vocabulary('sectors', [
      { key: 'energy', labels: { it: 'Energia', en: 'Energy' }, file: 'a.yml' },
      { key: 'power', labels: { it: 'Energia', en: 'Power' }, file: 'b.yml' },
    ]);
    expect(v.ambiguousLabels()).toEqual([{ label: 'Energia', terms: [v.terms[0], v.terms[1]] }]);
    expect(v.match('Energia')?.key).toBe('energy');
  });
});

describe('topics and tags of entries', () => {
  it('gives topics their label in the page language and free tags as written, each once', () => {
    const terms = entryTerms({ topics: ['robotics'], tags: ['汽车', '机器人', '汽车 '] }, topics, 'zh');
    expect(terms).toEqual([
      { key: 'robotics', label: '机器人', topic: true },
      { key: '汽车', label: '汽车', topic: false },
    ]);
  });

  it('groups a locale list: topics over every entry, free tags over its own translations only', () => {
    const list = [
      news('a', 'zh', { tags: ['汽车'], topics: ['robotics'] }),
      news('b', 'zh', { tags: ['汽车', '电池'] }),
      news('c', 'zh', { tags: ['robotica'], topics: [] }, 'it'),
      news('d', 'zh', { tags: ['università'] }, 'it'),
    ];
    const groups = termGroups(list, topics, 'zh').map((g) => [g.key, g.label, g.topic, g.items.map((i) => i.slug)]);
    expect(groups).toEqual([
      // Most used first; the Italian fallback's "robotica" names the topic, so it counts there.
      ['robotics', '机器人', true, ['a', 'c']],
      ['汽车', '汽车', false, ['a', 'b']],
      ['电池', '电池', false, ['b']],
    ]);
  });

  it('shows a tag in its most used spelling', () => {
    const list = [news('a', 'en', { tags: ['Green Tech'] }), news('b', 'en', { tags: ['green tech'] }), news('c', 'en', { tags: ['green tech'] })];
    expect(termGroups(list, topics, 'en').map((g) => [g.key, g.label, g.items.length])).toEqual([['green-tech', 'green tech', 3]]);
  });
});
