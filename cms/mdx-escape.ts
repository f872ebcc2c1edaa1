/**
 * Decap's markdown widget writes what the editor typed as-is, but an MDX body treats `{`, `}`
 * and `<` as the start of JavaScript or JSX: "a < b" or "{x}" typed in the CMS would break the
 * build, or worse, run as code at build time. The markdown value is therefore escaped on save
 * (`\{`, `\}`, `\<`, valid CommonMark escapes that MDX renders as the plain characters) and
 * unescaped on load, everywhere except in code and in the tags of the site's own components.
 */

const COMPONENT_TAG = /^<\/?(?:Figure|Callout|CtaLink)\b[^>]*>/;

/** Splits markdown into code (fenced blocks, inline spans) and prose, keeping both. */
function segments(markdown: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  const re = /(^|\n)(```|~~~)[^\n]*\n[\s\S]*?\n\2[^\n]*(?=\n|$)|`+[^`\n]*`+/g;
  let last = 0;
  for (const m of markdown.matchAll(re)) {
    const start = m.index! + (m[1]?.length ?? 0);
    if (start > last) out.push({ code: false, text: markdown.slice(last, start) });
    out.push({ code: true, text: markdown.slice(start, m.index! + m[0].length) });
    last = m.index! + m[0].length;
  }
  if (last < markdown.length) out.push({ code: false, text: markdown.slice(last) });
  return out;
}

function escapeProse(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      out += ch + text[i + 1];
      i++;
      continue;
    }
    if (ch === '<') {
      const tag = COMPONENT_TAG.exec(text.slice(i));
      if (tag) {
        out += tag[0];
        i += tag[0].length - 1;
        continue;
      }
      out += '\\<';
    } else if (ch === '{' || ch === '}') {
      out += '\\' + ch;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Markdown as typed in the CMS → MDX-safe markdown written to the file. */
export function escapeMdx(markdown: string): string {
  return segments(markdown)
    .map((s) => (s.code ? s.text : escapeProse(s.text)))
    .join('');
}

/** MDX-safe markdown read from a file → markdown as the editor typed it. */
export function unescapeMdx(markdown: string): string {
  return segments(markdown)
    .map((s) => (s.code ? s.text : s.text.replace(/\\([{}<])/g, '$1')))
    .join('');
}
