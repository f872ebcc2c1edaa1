import { describe, expect, it } from 'vitest';
import { localeFromPath, localizedPath, localeStaticPaths } from '../../../src/lib/routing';

describe('routing', () => {
  it('reads the locale from the first path segment only', () => {
    expect(localeFromPath('/zh/news/foo/')).toBe('zh');
    expect(localeFromPath('/')).toBeUndefined();
    expect(localeFromPath('/admin/')).toBeUndefined();
    expect(localeFromPath('/news/it/')).toBeUndefined();
  });

  it('swaps the locale segment to reach the same page in another language', () => {
    expect(localizedPath('/it/news/accordo-bergamo/', 'zh')).toBe('/zh/news/accordo-bergamo/');
    expect(localizedPath('/en/', 'it')).toBe('/it/');
    expect(localizedPath('/about/', 'en')).toBe('/en/about/');
  });

  it('builds one static path per locale', () => {
    expect(localeStaticPaths().map((p) => p.params.lang)).toEqual(['it', 'zh', 'en']);
  });
});
