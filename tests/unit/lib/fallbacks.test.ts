import { describe, expect, it } from 'vitest';
import { localize } from '../../../src/lib/fallbacks';
import { ownFirst } from '../../../src/lib/lists';

const e = (id: string) => ({ id });

describe('translations and fallbacks', () => {
  const items = localize([e('it/accordo'), e('zh/accordo'), e('zh/richiesta-cinese'), e('en/only-en'), e('it/only-en')]);
  const find = (locale: string, slug: string) => items.find((i) => i.locale === locale && i.slug === slug)!;

  it('serves every entry in every locale: one slug is one entry', () => {
    expect(items).toHaveLength(3 * 3);
    expect(find('zh', 'accordo')).toMatchObject({ isFallback: false, sourceLocale: 'zh', translations: ['it', 'zh'] });
  });

  it('falls back to the default language (Italian) where a translation is missing', () => {
    expect(find('en', 'accordo')).toMatchObject({ isFallback: true, sourceLocale: 'it' });
    expect(find('en', 'accordo').entry.id).toBe('it/accordo');
  });

  it('falls back to the first existing language when even Italian is missing', () => {
    expect(find('it', 'richiesta-cinese')).toMatchObject({ isFallback: true, sourceLocale: 'zh' });
    expect(find('en', 'richiesta-cinese').entry.id).toBe('zh/richiesta-cinese');
  });

  it('lists a locale’s own entries first, then fallbacks', () => {
    const en = items.filter((i) => i.locale === 'en');
    const sorted = ownFirst(en as never[], (a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug)) as typeof en;
    expect(sorted.map((i) => [i.slug, i.isFallback])).toEqual([
      ['only-en', false],
      ['accordo', true],
      ['richiesta-cinese', true],
    ]);
  });
});
