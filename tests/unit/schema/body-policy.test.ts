import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyPolicy, htmlProblems, isCommentOnly, urlProblem } from '../../../src/schema/body-policy';

// The rules a body must follow, run through Sätteri exactly as the build runs them (the
// build-level proof is tests/e2e/hostile-content.test.ts). A result is either compiled code or
// the error the build stops with.

const fileURL = new URL('../../../content/news/it/fixture.mdx', import.meta.url);

function mdx(source: string): string {
  try {
    mdxToJs(source, { mdastPlugins: [bodyPolicy], fileURL });
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

function markdown(source: string): string {
  try {
    return markdownToHtml(source, { mdastPlugins: [bodyPolicy], fileURL }).html;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('body policy (MDX)', () => {
  it('allows the site components and plain text markup', () => {
    expect(mdx('<Callout type="info">\n\nUn **avviso** con <abbr title="Centro">CITTC</abbr>.\n\n</Callout>\n')).toBe('ok');
    expect(mdx('<CtaLink href="https://example.org/bando" label="Bando" />\n')).toBe('ok');
    expect(mdx('<Figure src="../../media/beijing-skyline.jpg" alt="Pechino" />\n')).toBe('ok');
    expect(mdx('| a | b |\n|---|---|\n| 1 | 2 |\n\n<details><summary>Più</summary>testo</details>\n')).toBe('ok');
  });


  it.each([
    ['script', '<script>alert(1)</script>', '<script> is not allowed'],
    ['iframe', '<iframe src="https://x.example/"></iframe>', '<iframe> is not allowed'],
    ['object', '<object data="x.swf"></object>', '<object> is not allowed'],
    ['style element', '<style>{"body{display:none}"}</style>', '<style> is not allowed'],
    ['svg', '<svg><script>alert(1)</script></svg>', '<svg> is not allowed'],
    ['form', '<form action="https://x.example/"><input /></form>', '<form> is not allowed'],
    ['raw img', '<img src="../../media/beijing-skyline.jpg" alt="" />', '<img> is not allowed'],
    ['unknown component', '<Widget />', '<Widget> is not allowed'],
  ])('refuses an element: %s', (_, source, message) => {
    expect(mdx(`Testo.\n\n${source}\n`)).toMatch(new RegExp(`^content/news/it/fixture\\.mdx:3: ${message.replace(/[<>]/g, '\\$&')}`));
  });

  it.each([
    ['onclick', '<span onClick="alert(1)">x</span>', 'attribute onClick of <span>: event handler attributes run script'],
    ['onerror in a component', '<Callout type="info" onError="alert(1)">x</Callout>', 'attribute onError of <Callout>: event handler'],
    ['style', '<span style="position:fixed">x</span>', 'attribute style of <span>: inline styles are not allowed'],
    ['set:html', '<div set:html="<b>x</b>" />', 'attribute set:html of <div>: directives'],
    ['expression value', '<a href={"javascript:alert(1)"}>x</a>', 'attribute href of <a>: {expressions} run code'],
    ['spread', '<span {...{onclick: "x"}}>x</span>', 'attribute {…spread} of <span>: {expressions} run code'],
    ['javascript: href', '<a href="JavaScript:alert(1)">x</a>', 'attribute href of <a>: a "javascript:" link'],
    ['javascript: with a tab', '<a href="java\tscript:alert(1)">x</a>', 'attribute href of <a>: a "javascript:" link'],
    ['data: in a component', '<CtaLink href="data:text/html,<script>alert(1)</script>" label="x" />', 'attribute href of <CtaLink>: a "data:" link'],
  ])('refuses an attribute: %s', (_, source, message) => {
    expect(mdx(`${source}\n`)).toContain(message);
  });

  it('refuses javascript:, data: and vbscript: in Markdown links, images and definitions', () => {
    expect(mdx('[x](javascript:alert(1))\n')).toContain('link "javascript:alert(1)": a "javascript:" link');
    expect(mdx('[x][d]\n\n[d]: vbscript:msgbox\n')).toContain('a "vbscript:" link');
    expect(mdx('![x](data:image/png;base64,AAAA)\n')).toContain('a "data:" link');
  });

  it('allows web, mail, phone, site and fragment links', () => {
    for (const url of ['https://www.most.gov.cn', 'http://example.org/a?b=c', 'mailto:info@cittc.example', 'tel:+39021234', '/it/calls/', '../other/', '#top']) {
      expect(urlProblem(url), url).toBeUndefined();
      expect(mdx(`[x](${url})\n`), url).toBe('ok');
    }
  });

  it('refuses import/export lines and {expressions}, but keeps comments', () => {
    expect(mdx('import fs from "node:fs"\n\nTesto.\n')).toContain('fixture.mdx:1: import and export lines run code');
    expect(mdx('export const x = 1\n')).toContain('import and export lines run code');
    expect(mdx('Oggi è {new Date().getFullYear()}.\n')).toContain('fixture.mdx:1: {new Date().getFullYear()} is an expression');
    expect(mdx('{process.exit(1)}\n')).toContain('is an expression');
    expect(mdx('Testo {/* nota per i redattori */} qui.\n')).toBe('ok');
    expect(mdx('Parentesi \\{ scritte \\} così.\n')).toBe('ok');
    expect(isCommentOnly(' /* a */ // b\n ')).toBe(true);
    expect(isCommentOnly('/* a */ x')).toBe(false);
  });

  it('refuses images that are not in the media folder, or are on another host', () => {
    expect(mdx('<Figure src="../../media/missing.jpg" alt="x" />\n')).toContain('<Figure>: image "../../media/missing.jpg" does not exist');
    expect(mdx('![Pechino](../../media/missing.jpg)\n')).toContain('image "../../media/missing.jpg" does not exist');
    expect(mdx('![Pechino](https://cdn.example/a.jpg)\n')).toContain('is on another host');
    expect(mdx('![Pechino](../../media/beijing-skyline.jpg)\n')).toBe('ok');
  });

  it('refuses Unicode direction overrides in text and attributes', () => {
    expect(mdx('Fattura \u202Efdp.exe\n')).toContain('U+202E');
    expect(mdx('<abbr title="a\u2066b">x</abbr>\n')).toContain('U+2066');
    // Marks that only set direction (LRM, RLM) are ordinary text.
    expect(mdx('Testo \u200E con segno.\n')).toBe('ok');
  });
});

describe('body policy (raw HTML in Markdown files)', () => {
  it('keeps safe markup', () => {
    expect(markdown('Testo con <em>enfasi</em> e <sup>1</sup>.\n')).toContain('<em>enfasi</em>');
  });

  it('refuses script, handlers and javascript: URLs in raw HTML', () => {
    expect(markdown('<script>alert(1)</script>\n')).toContain('fixture.mdx:1: <script> is not allowed');
    expect(markdown('Testo <b onmouseover="alert(1)">x</b>\n')).toContain('attribute onmouseover of <b>: event handler');
    expect(markdown('<a href="javascript:alert(1)">x</a>\n')).toContain('a "javascript:" link');
    expect(htmlProblems('<p>ok</p><iframe src="x"></iframe>')).toEqual([expect.stringContaining('<iframe> is not allowed')]);
  });
});
