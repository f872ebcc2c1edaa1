import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { defineMdastPlugin } from 'satteri';
import { bidiProblem, isRemoteReference, mediaName } from './values.ts';

/*
 * What the body of a content file may contain. MDX is a programming language: an import,
 * an {expression} or a <script> written in a body would run, at build time or in visitors'
 * browsers. Bodies come from editors (through the CMS, which escapes what they type) and from
 * outside authors writing to the content contract, so the build checks every body and stops
 * on anything that could run code, naming the file, line and what to change:
 *
 * - no import/export lines and no {expressions} (comments {/* … *\/} are fine);
 * - JSX/HTML elements only from an allowlist: the site's MDX components and plain text
 *   markup (no script, iframe, object, embed, form, style, svg, …);
 * - no event handler (on*) attributes, no style attributes, no attribute {expressions},
 *   no Astro directives (set:html, client:…);
 * - links and images only to http(s), mailto, tel, a path of this site or a #fragment;
 * - images in the media folder that exist;
 * - no Unicode direction overrides or isolates (U+202A–202E, U+2066–2069), which can make
 *   text read differently from what it is.
 *
 * The same rules apply to raw HTML in plain Markdown (.md) files.
 */

/** Components an MDX body may use: src/schema/mdx-body.ts writes each as HTML (the CMS inserts them). */
export const bodyComponents = ['Figure', 'Callout', 'CtaLink'] as const;

/**
 * Plain HTML elements a body may use: text-level and structural markup, nothing active.
 * No <img>: images go through Markdown ![alt](path) or <Figure>, which the image pipeline sizes.
 */
export const bodyElements = new Set([
  'a', 'abbr', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
]);

/** Attributes whose value is a URL. */
const urlAttributes = new Set(['href', 'src', 'cite', 'srcset', 'action', 'formaction', 'poster', 'background', 'longdesc']);


/** A rule broken by a body, with where. */
export class BodyPolicyError extends Error {
  constructor(file: string, line: number | undefined, problem: string) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'BodyPolicyError';
  }
}

/** Why a link or image URL is refused, or undefined when it is fine. */
export function urlProblem(url: string): string | undefined {
  const value = url.trim();
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"): compare without them.
  const compact = value.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined; // a relative path, /path, ?query or #fragment
  if (['http', 'https', 'mailto', 'tel'].includes(scheme)) return undefined;
  return `a "${scheme}:" link or source is not allowed (use https://, mailto:, tel:, a path of this site or #fragment)`;
}

interface Attribute {
  name: string;
  /** The string value; undefined for a bare attribute; null for a {expression} value. */
  value: string | undefined | null;
}

/** Problems of one element (JSX in MDX or raw HTML in Markdown), in reading order. */
export function elementProblems(name: string | null, attributes: Attribute[], allowComponents: boolean): string[] {
  const problems: string[] = [];
  if (name !== null) {
    const isComponent = allowComponents && (bodyComponents as readonly string[]).includes(name);
    if (!isComponent && !bodyElements.has(name.toLowerCase())) {
      const allowed = allowComponents ? `the components ${bodyComponents.join(', ')} and ` : '';
      problems.push(`<${name}> is not allowed in content (allowed: ${allowed}plain text markup such as <p>, <a>, <strong>, <table>)`);
    }
  }
  for (const attribute of attributes) {
    const attr = attribute.name.toLowerCase();
    const where = `attribute ${attribute.name} of <${name ?? ''}>`;
    if (attr.startsWith('on')) problems.push(`${where}: event handler attributes run script and are not allowed`);
    else if (attr === 'style') problems.push(`${where}: inline styles are not allowed (the site's stylesheet styles content)`);
    else if (attr.includes(':') || attr === 'dangerouslysetinnerhtml')
      problems.push(`${where}: directives that inject HTML or scripts are not allowed`);
    else if (attribute.value === null) problems.push(`${where}: {expressions} run code at build time; write the value in quotes`);
    else if (attribute.value !== undefined) {
      if (urlAttributes.has(attr)) {
        for (const url of attr === 'srcset' ? attribute.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attribute.value]) {
          const problem = urlProblem(url);
          if (problem) problems.push(`${where}: ${problem}`);
        }
      }
      const bidi = bidiProblem(attribute.value);
      if (bidi) problems.push(`${where} ${bidi}`);
    }
  }
  return problems;
}

/** Problems of a piece of raw HTML (Markdown files; MDX turns HTML into JSX elements). */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attributes = Object.entries(attribs).map(([n, value]) => ({ name: n, value }));
        problems.push(...elementProblems(name, attributes, false));
      },
      ontext(text) {
        const bidi = bidiProblem(text);
        if (bidi) problems.push(`HTML text ${bidi}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

/** True when an MDX {expression} is nothing but comments and whitespace. */
export function isCommentOnly(expression: string): boolean {
  return expression.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim() === '';
}

const mediaFolder = resolve('content/media');

/**
 * Whether a path written in content names a file that exists: beside the entry
 * ("../../media/x.jpg", as the CMS writes it from an entry) or in the media folder by name
 * ("/content/media/x.jpg", as it writes it from a body).
 */
export function mediaFileExists(src: string, file: string | undefined): boolean {
  const path = decodeURI(src.split(/[?#]/)[0]!);
  return (file !== undefined && existsSync(resolve(dirname(file), path))) || existsSync(resolve(mediaFolder, mediaName(path)));
}

/** An image path written in a body: must be a local file that exists. */
function imageProblem(src: string, file: string | undefined): string | undefined {
  const problem = urlProblem(src);
  if (problem) return problem;
  if (isRemoteReference(src)) {
    return `image "${src}" is on another host; upload it to the media folder (the site loads nothing from other hosts)`;
  }
  if (mediaFileExists(src, file)) return undefined;
  return `image "${src}" does not exist (upload it to content/media/ and write its path as ../../media/<name>)`;
}

function attributesOf(attributes: { type: string; name?: string; value?: unknown }[]): Attribute[] {
  return attributes.map((a) =>
    a.type === 'mdxJsxExpressionAttribute'
      ? { name: '{…spread}', value: null }
      : { name: a.name ?? '', value: a.value === null || a.value === undefined ? undefined : typeof a.value === 'string' ? a.value : null },
  );
}

/** An mdast node as Sätteri gives it (the fields the policy reads). */
export interface PolicyNode {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: PolicyNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } } | undefined;
}

/** What is wrong with one node of a body, or undefined; `file` is the entry's path (images). */
export function nodeProblem(node: PolicyNode, file: string | undefined): string | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return 'import and export lines run code at build time and are not allowed; the components Figure, Callout and CtaLink need no import';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return isCommentOnly(node.value ?? '') ? undefined : expressionProblem(node.value ?? '');
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementNodeProblem(node, file);
    case 'html':
      return htmlProblems(node.value ?? '')[0];
    case 'link':
    case 'definition': {
      const problem = urlProblem(node.url ?? '');
      return problem && `${node.type === 'link' ? 'link' : 'link definition'} "${node.url}": ${problem}`;
    }
    case 'image':
      return imageProblem(node.url ?? '', file);
    case 'text': {
      const problem = bidiProblem(node.value ?? '');
      return problem && `text ${problem}`;
    }
    default:
      return undefined;
  }
}

/**
 * Checks a whole body tree (from mdxToMdast), stopping at the first problem in reading order.
 * `lineOffset`: lines of the file before the body (front matter), so errors name file lines.
 */
export function checkBodyTree(tree: PolicyNode, file: string, lineOffset = 0): void {
  const walk = (node: PolicyNode) => {
    const problem = nodeProblem(node, file);
    if (problem) throw new BodyPolicyError(shownPath(file), lineOf(node) + lineOffset || undefined, problem);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
}

const lineOf = (node: PolicyNode) => node.position?.start.line ?? 0;
const shownPath = (file: string | undefined) => (file ? relative(process.cwd(), file) : '(content)');

function check(mdastNode: object, ctx: Context) {
  const node = mdastNode as PolicyNode;
  const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined;
  const problem = nodeProblem(node, file);
  if (problem) throw new BodyPolicyError(shownPath(file), lineOf(node) || undefined, problem);
}

/**
 * The same rules as a Sätteri (mdast) plugin, set as the Markdown processor's plugin in
 * astro.config.mjs: .md bodies, and anything else the processor renders, go through it.
 */
export const bodyPolicy = defineMdastPlugin({
  name: 'cittc-body-policy',
  options: { position: true },
  mdxjsEsm: check,
  mdxFlowExpression: check,
  mdxTextExpression: check,
  mdxJsxFlowElement: check,
  mdxJsxTextElement: check,
  html: check,
  link: check,
  definition: check,
  image: check,
  text: check,
});

function expressionProblem(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `{${shown}} is an expression, which runs code at build time; to show braces write \\{ and \\}`;
}

type Context = { fileURL: URL | undefined };

function elementNodeProblem(node: PolicyNode, file: string | undefined): string | undefined {
  const attributes = attributesOf(node.attributes ?? []);
  const [problem] = elementProblems(node.name ?? null, attributes, true);
  if (problem) return problem;
  if (node.name === 'Figure') {
    const src = attributes.find((a) => a.name === 'src')?.value;
    const missing = typeof src === 'string' ? imageProblem(src, file) : undefined;
    if (missing) return `<Figure>: ${missing}`;
  }
  return undefined;
}
