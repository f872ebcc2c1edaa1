import { describe, expect, it } from 'vitest';
import { alternates, localeFromPath, localizedPath, localeStaticPaths } from '../../../src/lib/routing';

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

  it('lists an absolute hreflang alternate per locale plus x-default', () => {
    const alts = alternates('/zh/calls/x/', 'https://example.org');
    expect(alts.map((a) => [a.hreflang, a.href])).toEqual([
      ['it', 'https://example.org/it/calls/x/'],
      ['zh-CN', 'https://example.org/zh/calls/x/'],
      ['en', 'https://example.org/en/calls/x/'],
      ['x-default', 'https://example.org/it/calls/x/'],
    ]);
    expect(alternates('/en/', 'https://example.org').at(-1)?.href).toBe('https://example.org/');
  });

  it('builds one static path per locale', () => {
    expect(localeStaticPaths().map((p) => p.params.lang)).toEqual(['it', 'zh', 'en']);
  });
});
