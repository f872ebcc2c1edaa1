import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Footer from '../../../src/components/Footer.astro';
import { useTranslations } from '../../../src/i18n/translate';
import type { Locale } from '../../../src/i18n/locales';

async function renderFooter(locale: Locale, props: Record<string, unknown> = {}) {
  const container = await AstroContainer.create();
  return container.renderToString(Footer, { locals: { locale, t: useTranslations(locale) }, props });
}

describe('Footer', () => {
  it('names the seven promoters in the page language', async () => {
    const html = await renderFooter('zh');
    for (const name of ['意大利大学与科研部', '贝加莫大学', 'Netval', '那不勒斯费德里科二世大学', '那不勒斯科学城', '中华人民共和国科学技术部', '北京市科学技术委员会']) {
      expect(html).toContain(name);
    }
    expect(html.match(/<li>/g)).toHaveLength(7);
  });

  it('shows the ICP filing number linked to the MIIT site only when one is configured', async () => {
    const withIcp = await renderFooter('zh', { icpNumber: '京ICP备12345678号-1' });
    expect(withIcp).toMatch(/<a[^>]+href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>京ICP备12345678号-1<\/a>/);
    const without = await renderFooter('zh', { icpNumber: '' });
    expect(without).not.toContain('beian.miit.gov.cn');
  });

  it('writes the copyright year', async () => {
    expect(await renderFooter('en', { year: 2031 })).toContain('© 2031 China-Italy Technology Transfer Centre');
  });
});
