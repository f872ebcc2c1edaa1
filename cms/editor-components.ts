import { createElement as h, type ReactNode } from 'react';
import type { Locale } from '../src/i18n/locales';
import { adminLabels as A } from './labels';

/** An attribute value safe inside "…" in MDX/JSX: & " < > as entities. */
export const attr = (v: unknown) =>
  String(v ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unattr = (v: string) =>
  v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** name="value" attributes of a tag, in any order. */
export function readAttrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_][\w-]*)="([^"]*)"/g)) out[m[1]!] = unattr(m[2]!);
  return out;
}

const CALLOUT_TYPES: readonly string[] = ['info', 'warning', 'success'];

type Data = Record<string, string | undefined>;
type GetAsset = (path: string, field?: unknown) => unknown;

/** An editor component as Decap uses it (its bundled typings lack toBlock/fromBlock). */
export interface MdxEditorComponent {
  id: string;
  label: string;
  fields: Record<string, unknown>[];
  /** Matches the component's block in the markdown; Decap anchors it at the block start. */
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Data;
  toBlock: (data: Data) => string;
  toPreview: (data: Data, getAsset: GetAsset, fields?: { get: (key: string) => unknown }[]) => ReactNode;
}

/**
 * Editor components for the MDX components of the site (src/schema/mdx-body.ts): editors insert
 * and edit them through forms, and the CMS writes the JSX.
 */
export function editorComponents(ui: Locale): MdxEditorComponent[] {
  return [
    {
      id: 'figure',
      label: A.figure[ui],
      fields: [
        { name: 'src', label: A.figureImage[ui], widget: 'image', media_library: { allow_multiple: false } },
        { name: 'alt', label: A.figureAlt[ui], hint: A.figureAltHint[ui], widget: 'string', required: false },
        { name: 'caption', label: A.figureCaption[ui], widget: 'string', required: false },
      ],
      pattern: /^<Figure\s+([^>]*?)\s*\/>/,
      fromBlock: (match) => {
        const a = readAttrs(match[1] ?? '');
        return { src: a.src ?? '', alt: a.alt ?? '', caption: a.caption ?? '' };
      },
      toBlock: ({ src, alt, caption }) =>
        `<Figure src="${attr(src)}" alt="${attr(alt)}"${caption ? ` caption="${attr(caption)}"` : ''} />`,
      toPreview: ({ src, alt, caption }, getAsset, fields) => {
        const imageField = fields?.find((f) => f.get('widget') === 'image');
        const url = src ? String(getAsset(src, imageField)) : '';
        return h('figure', { className: 'figure' }, h('img', { src: url, alt: alt ?? '' }), caption ? h('figcaption', null, caption) : null);
      },
    },
    {
      id: 'callout',
      label: A.callout[ui],
      fields: [
        {
          name: 'type',
          label: A.calloutType[ui],
          widget: 'select',
          default: 'info',
          options: [
            { value: 'info', label: A.calloutInfo[ui] },
            { value: 'warning', label: A.calloutWarning[ui] },
            { value: 'success', label: A.calloutSuccess[ui] },
          ],
        },
        { name: 'text', label: A.calloutText[ui], widget: 'text' },
      ],
      pattern: /^<Callout(?:\s+type="([^"]*)")?\s*>\n?([\s\S]*?)\n?<\/Callout>/,
      fromBlock: (match) => ({ type: match[1] || 'info', text: (match[2] ?? '').trim() }),
      toBlock: ({ type, text }) => {
        const kind = type && CALLOUT_TYPES.includes(type) ? type : 'info';
        return `<Callout type="${kind}">\n\n${String(text ?? '').trim()}\n\n</Callout>`;
      },
      toPreview: ({ type, text }) => h('aside', { className: `callout callout-${type || 'info'}` }, String(text ?? '')),
    },
    {
      id: 'cta-link',
      label: A.cta[ui],
      fields: [
        // No `pattern` here: Decap cannot validate fields inside editor components (it throws
        // "onValidate is not a function"); CtaLink itself refuses an unsafe href at build time.
        { name: 'href', label: A.ctaHref[ui], widget: 'string' },
        { name: 'label', label: A.ctaLabel[ui], widget: 'string' },
      ],
      pattern: /^<CtaLink\s+([^>]*?)\s*\/>/,
      fromBlock: (match) => {
        const a = readAttrs(match[1] ?? '');
        return { href: a.href ?? '', label: a.label ?? '' };
      },
      toBlock: ({ href, label }) => `<CtaLink href="${attr(href)}" label="${attr(label)}" />`,
      toPreview: ({ href, label }) => h('p', { className: 'cta' }, h('a', { className: 'cta-link', href: href || '#' }, label || href || '')),
    },
  ];
}
