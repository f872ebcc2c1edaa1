import { dirname, relative, resolve, sep } from 'node:path';
import { mdxToMdast } from 'satteri';
import { dictionaries } from '../i18n/dictionaries';
import type { Locale } from '../i18n/locales';
import { checkBodyTree, type PolicyNode } from './body-policy';
import { isSafeUrl } from './values';

/*
 * MDX bodies as Markdown, so that the content layer renders them once, at sync time, and keeps
 * the HTML in its store between builds (keyed by the file's digest), as it does for .md files.
 *
 * Why: Astro compiles every .mdx entry into a JavaScript module of the build's bundle, on every
 * build, edited or not: at tens of thousands of files that bundling alone is beyond the whole
 * budget of the build (docs/performance.md, "Content loading"). Bodies cannot run code anyway (the body
 * policy refuses imports, expressions and unknown elements), so the only MDX they use is the
 * three components of the site. This module checks a body against the policy, then writes
 * each component as the HTML it renders to (an image as Markdown, for Astro's image pipeline)
 * and drops {/* comments *\/}; everything else of the body stays byte for byte.
 */

/** Bump when the output of this module, or how bodies are rendered (2: never as front matter), changes: entries cached in the content store are rendered again. */
export const MDX_BODY_VERSION = '2';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const escapeAlt = (text: string) => text.replace(/[\\[\]]/g, '\\$&').replace(/\s+/g, ' ');

function attribute(node: PolicyNode, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

interface Context {
  file: string;
  locale: Locale;
}

const calloutTypes = ['info', 'warning', 'success'] as const;

/** Callout: a labelled note (info, warning or success), labelled in the entry's language. */
function callout(node: PolicyNode, source: string, ctx: Context): string {
  const type = attribute(node, 'type');
  const kind = calloutTypes.find((t) => t === type) ?? 'info';
  const label = escapeHtml(dictionaries[ctx.locale][`callout.${kind}`] ?? kind);
  const children = node.children ?? [];
  const first = children[0]?.position?.start.offset;
  const last = children.at(-1)?.position?.end.offset;
  const inner = first !== undefined && last !== undefined ? toMarkdown(source.slice(first, last), ctx) : '';
  return `<aside class="callout callout-${kind}" aria-label="${label}">\n<p class="callout-label" aria-hidden="true">${label}</p>\n\n${inner}\n\n</aside>`;
}

/** CtaLink: a call-to-action link, to the web, an address or a page of the site only. */
function ctaLink(node: PolicyNode, ctx: Context): string {
  const href = attribute(node, 'href') ?? '';
  const label = attribute(node, 'label') ?? href;
  if (!(isSafeUrl(href, { mailto: true }) || /^\/(?!\/)/.test(href))) {
    throw new Error(`${relative(process.cwd(), ctx.file)}: <CtaLink href="${href}">: the link must be https://, http://, mailto: or a path on this site`);
  }
  return `<p class="cta"><a class="cta-link" href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;
}

/** Figure: a Markdown image (optimised by Astro like any body image) in a figure with its caption. */
function figure(node: PolicyNode, ctx: Context): string {
  const src = attribute(node, 'src') ?? '';
  const alt = attribute(node, 'alt');
  const caption = attribute(node, 'caption');
  if (alt === undefined) {
    throw new Error(`${relative(process.cwd(), ctx.file)}: <Figure src="${src}">: the alt attribute is required (use alt="" only for a decorative image)`);
  }
  // The CMS writes body images from the site root (/content/media/x.jpg): make them relative to the entry.
  const fromRoot = /^\/?content\/media\//.test(src) ? relative(dirname(ctx.file), resolve(src.replace(/^\//, ''))).split(sep).join('/') : src;
  const image = `![${escapeAlt(alt)}](<${fromRoot.replace(/[<>]/g, encodeURIComponent)}>)`;
  return `<figure class="figure">\n\n${image}\n\n${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>\n` : ''}</figure>`;
}

/** The Markdown of an MDX fragment whose tree is `tree`. */
function rewrite(source: string, tree: PolicyNode, ctx: Context): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: PolicyNode) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    if (start !== undefined && end !== undefined) {
      if (isElement && node.name === 'Callout') return void edits.push({ start, end, text: callout(node, source, ctx) });
      if (isElement && node.name === 'CtaLink') return void edits.push({ start, end, text: ctaLink(node, ctx) });
      if (isElement && node.name === 'Figure') return void edits.push({ start, end, text: figure(node, ctx) });
      // Only comments remain after the policy: they vanish.
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return void edits.push({ start, end, text: '' });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function toMarkdown(source: string, ctx: Context): string {
  return rewrite(source, mdxToMdast(source) as unknown as PolicyNode, ctx);
}

/**
 * Checks an MDX body against the body policy and returns it as Markdown. `lineOffset` is the
 * number of lines before the body in its file, so that errors name lines of the file.
 */
export function mdxBodyToMarkdown(body: string, { file, locale, lineOffset = 0 }: Context & { lineOffset?: number }): string {
  let tree: PolicyNode;
  try {
    tree = mdxToMdast(body) as unknown as PolicyNode;
  } catch (error) {
    // Sätteri's syntax errors start with "line:column:" of the body.
    const message = String((error as Error).message).replace(/^(\d+):(\d+):\s*/, (_, line: string, column: string) => `${Number(line) + lineOffset}:${column}: `);
    throw new Error(`${relative(process.cwd(), file)}:${message}`);
  }
  checkBodyTree(tree, file, lineOffset);
  return rewrite(body, tree, { file, locale });
}
