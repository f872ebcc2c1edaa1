import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { escapeMdx, unescapeMdx } from '../../../cms/mdx-escape';

const typed = [
  'Se a < b e c > d, allora {x} resta testo.',
  '',
  '<Callout type="warning">',
  '',
  'Scadenza {non} prorogabile.',
  '',
  '</Callout>',
  '',
  '<Figure src="../../media/a.jpg" alt="a" />',
  '',
  'Codice in linea: `if (a < b) { x }` e poi testo {y}.',
  '',
  '```js',
  'const o = { a: 1 } < 2;',
  '```',
  '',
  'Già escapato: \\{z\\} e \\<w.',
].join('\n');

describe('MDX escaping of CMS bodies', () => {
  const saved = escapeMdx(typed);

  it('escapes { } < in prose but not in code nor in the site’s component tags', () => {
    expect(saved).toContain('Se a \\< b e c > d, allora \\{x\\} resta testo.');
    expect(saved).toContain('<Callout type="warning">');
    expect(saved).toContain('Scadenza \\{non\\} prorogabile.');
    expect(saved).toContain('</Callout>');
    expect(saved).toContain('<Figure src="../../media/a.jpg" alt="a" />');
    expect(saved).toContain('`if (a < b) { x }` e poi testo \\{y\\}.');
    expect(saved).toContain('const o = { a: 1 } < 2;');
    expect(saved).toContain('Già escapato: \\{z\\} e \\<w.');
  });

  it('round-trips to what the editor typed', () => {
    expect(unescapeMdx(saved)).toBe(typed.replace('\\{z\\} e \\<w', '{z} e <w'));
  });

  // satteri is the MDX compiler of Astro 7's MDX integration: what the build runs.
  it('compiles to text, where the unescaped body would compile { } to code', () => {
    expect(mdxToJs(escapeMdx('ciao {x}')).code).toContain('"ciao {x}"');
    expect(mdxToJs('ciao {x}').code).toContain('children: ["ciao ", x]');
    expect(() => mdxToJs(saved)).not.toThrow();
  });

  it('neutralises raw HTML and expressions typed as text', () => {
    const hostile = escapeMdx('<script>alert(1)</script> <img src=x onerror=alert(1)> {globalThis.process.exit()}');
    expect(hostile).toBe('\\<script>alert(1)\\</script> \\<img src=x onerror=alert(1)> \\{globalThis.process.exit()\\}');
    const js = mdxToJs(hostile).code;
    expect(js).not.toMatch(/_jsx\(\s*"script"/);
    expect(js).not.toMatch(/_jsx\(\s*"img"/);
    expect(js).toContain('{globalThis.process.exit()}"');
  });
});
