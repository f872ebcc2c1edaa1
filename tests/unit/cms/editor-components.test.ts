import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { editorComponents } from '../../../cms/editor-components';
import { pickUiLocale } from '../../../cms/ui-locale';

const [figure, callout, cta] = editorComponents('it');

/** What Decap does with a block: toBlock to write it, pattern + fromBlock to read it back. */
function roundTrip(component: typeof figure, data: Record<string, string>) {
  const block = component!.toBlock(data);
  const match = block.match(component!.pattern);
  expect(match, block).not.toBeNull();
  return { block, back: component!.fromBlock(match!) };
}

describe('editor components', () => {
  it('write Figure, Callout and CtaLink as the site’s MDX components and read them back', () => {
    const f = roundTrip(figure, { src: '../../media/x.jpg', alt: 'Il "palco" <grande> & luci', caption: 'Napoli' });
    expect(f.block).toBe('<Figure src="../../media/x.jpg" alt="Il &quot;palco&quot; &lt;grande&gt; &amp; luci" caption="Napoli" />');
    expect(f.back).toEqual({ src: '../../media/x.jpg', alt: 'Il "palco" <grande> & luci', caption: 'Napoli' });

    const c = roundTrip(callout, { type: 'warning', text: 'Attenzione alla scadenza.' });
    expect(c.block).toBe('<Callout type="warning">\n\nAttenzione alla scadenza.\n\n</Callout>');
    expect(c.back).toEqual({ type: 'warning', text: 'Attenzione alla scadenza.' });

    const l = roundTrip(cta, { href: 'https://example.org/?a=1&b=2', label: 'Candidati' });
    expect(l.back).toEqual({ href: 'https://example.org/?a=1&b=2', label: 'Candidati' });
  });

  it('never write an unknown callout type', () => {
    expect(callout!.toBlock({ type: 'danger"><script>', text: 'x' })).toBe('<Callout type="info">\n\nx\n\n</Callout>');
  });

  it('write blocks that compile as MDX into the site’s components', () => {
    const body = [
      figure!.toBlock({ src: '../../media/x.jpg', alt: 'a "b" <c>', caption: '' }),
      callout!.toBlock({ type: 'info', text: 'Testo' }),
      cta!.toBlock({ href: 'https://example.org', label: 'Vai "ora"' }),
    ].join('\n\n');
    const js = mdxToJs(body).code;
    for (const name of ['Figure', 'Callout', 'CtaLink']) expect(js).toMatch(new RegExp(`_jsx\\(\\s*${name}\\b`));
    expect(js).toContain('"a \\"b\\" <c>"');
  });

  it('are labelled in the editor’s language', () => {
    expect(editorComponents('zh').map((c) => c.label)).toEqual(['图片', '提示框', '行动按钮']);
    expect(editorComponents('en').map((c) => c.label)).toEqual(['Figure', 'Callout', 'Call to action']);
  });
});

describe('admin UI language', () => {
  it('takes ?lang= first, then the remembered choice, then the browser', () => {
    expect(pickUiLocale('?lang=zh', 'it', ['en'])).toBe('zh');
    expect(pickUiLocale('', 'it', ['zh-CN'])).toBe('it');
    expect(pickUiLocale('?lang=fr', null, ['zh-TW'])).toBe('zh');
    expect(pickUiLocale('', null, ['de-DE'])).toBe('en');
  });
});
