import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../../src/i18n/translate';

describe('useTranslations', () => {
  it('returns each locale its own strings, not keys', () => {
    expect(useTranslations('it')('nav.home')).toBe('Home');
    expect(useTranslations('zh')('nav.home')).toBe('首页');
    expect(useTranslations('en')('a11y.skipToContent')).toBe('Skip to content');
  });

  it('interpolates without HTML-escaping (Astro escapes on output)', () => {
    expect(useTranslations('zh')('footer.copyright', { year: 2026 })).toBe('© 2026 中国—意大利技术转移中心');
    expect(useTranslations('it')('footer.copyright', { year: 2027 })).toContain('2027');
  });
});
