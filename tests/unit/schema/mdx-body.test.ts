import { fileURLToPath } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../../src/i18n/dictionaries';
import { bodyComponents } from '../../../src/schema/body-policy';
import { mdxBodyToMarkdown } from '../../../src/schema/mdx-body';

// MDX bodies become Markdown for the content layer (src/schema/mdx-body.ts). What matters is the
// HTML a visitor gets, so most cases render the result with Sätteri, as the build does.

const file = fileURLToPath(new URL('../../../content/news/it/fixture.mdx', import.meta.url));
const md = (body: string, locale: 'it' | 'zh' | 'en' = 'it', lineOffset = 0) => mdxBodyToMarkdown(body, { file, locale, lineOffset });
const html = (body: string, locale: 'it' | 'zh' | 'en' = 'it') => markdownToHtml(md(body, locale)).html;

describe('MDX bodies as Markdown', () => {
  it('keeps a body without components byte for byte', () => {
    const body = '## Titolo\n\nTesto con **grassetto**, [un link](https://example.org) e \\{ graffe \\}.\n\n- uno\n- due\n';
    expect(md(body)).toBe(body);
  });

  it('writes a Callout as a labelled note in the entry’s language, its Markdown rendered', () => {
    for (const [locale, type] of [['it', 'warning'], ['zh', 'success'], ['en', 'info']] as const) {
      const out = html(`<Callout type="${type}">\n\nScadenza **17:00**.\n\n</Callout>\n`, locale);
      const label = dictionaries[locale][`callout.${type}`];
      expect(out).toContain(`<aside class="callout callout-${type}" aria-label="${label}">`);
      expect(out).toContain(`<p class="callout-label" aria-hidden="true">${label}</p>`);
      expect(out).toContain('<p>Scadenza <strong>17:00</strong>.</p>');
    }
    expect(html('<Callout type="party">\n\nx\n\n</Callout>\n')).toContain('callout-info');
  });

  it('writes a Figure as an image for the pipeline, in a figure with its caption', () => {
    expect(md('<Figure src="../../media/beijing-skyline.jpg" alt="Pechino [notte]" caption="Pechino & dintorni" />\n')).toBe(
      '<figure class="figure">\n\n![Pechino \\[notte\\]](<../../media/beijing-skyline.jpg>)\n\n<figcaption>Pechino &amp; dintorni</figcaption>\n</figure>\n',
    );
    // From the site root, as the CMS writes body images: made relative to the entry.
    expect(md('<Figure src="/content/media/battery-cells.jpg" alt="" />\n')).toContain('](<../../media/battery-cells.jpg>)');
    expect(() => md('<Figure src="../../media/beijing-skyline.jpg" />\n')).toThrow('the alt attribute is required');
  });

  it('writes a CtaLink as a link, escaped, and refuses an unsafe one', () => {
    expect(html('<CtaLink href="https://example.org/?a=1&b=2" label="Candidati <ora>" />\n')).toContain(
      '<p class="cta"><a class="cta-link" href="https://example.org/?a=1&amp;b=2">Candidati &lt;ora&gt;</a></p>',
    );
    expect(html('<CtaLink href="/it/calls/" label="Bandi" />\n')).toContain('href="/it/calls/"');
    expect(() => md('<CtaLink href="//evil.example/" label="x" />\n')).toThrow('the link must be https://');
  });

  it('handles every component the body policy allows, nested ones too', () => {
    const out = html(`<Callout>\n\n<CtaLink href="https://example.org" label="Vai" />\n\n</Callout>\n`);
    expect(out).toMatch(/<aside class="callout callout-info"[^]*<a class="cta-link" href="https:\/\/example.org">Vai<\/a>[^]*<\/aside>/);
    expect([...bodyComponents].sort()).toEqual(['Callout', 'CtaLink', 'Figure']);
  });

  it('drops comments and keeps the text around them', () => {
    expect(html('Prima {/* nota */} dopo.\n\n{/* riga intera */}\n\nFine.\n')).toBe('<p>Prima  dopo.</p>\n<p>Fine.</p>\n');
  });

  it('stops on what the body policy refuses, naming the line of the file', () => {
    expect(() => md('Testo.\n\n<script>alert(1)</script>\n', 'it', 6)).toThrow(/^content\/news\/it\/fixture\.mdx:9: <script> is not allowed/);
    expect(() => md('Oggi {Date.now()}\n', 'it', 4)).toThrow('fixture.mdx:5: {Date.now()} is an expression');
  });

  it('names file and line of an MDX syntax error', () => {
    expect(() => md('Testo\n\nUn < b e <c\n', 'it', 5)).toThrow(/^content\/news\/it\/fixture\.mdx:8:\d+: /);
  });
});
