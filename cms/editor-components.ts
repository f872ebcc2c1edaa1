import type { EditorComponentOptions } from 'decap-cms-core';
import { createElement as h } from 'react';
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

const CALLOUT_TYPES = ['info', 'warning', 'success'] as const;

/**
 * Editor components for the MDX components of the site (src/components/mdx): editors insert
 * and edit them through forms, and the CMS writes the JSX.
 */
export function editorComponents(ui: Locale): EditorComponentOptions[] {
  return [
    {
      id: 'figure',
      label: A.figure[ui],
      fields: [
        { name: 'src', label: A.figureImage[ui], widget: 'image', media_library: { allow_multiple: false } } as never,
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
        } as never,
        { name: 'text', label: A.calloutText[ui], widget: 'text' },
      ],
      pattern: /^<Callout(?:\s+type="([^"]*)")?\s*>\n?([\s\S]*?)\n?<\/Callout>/,
      fromBlock: (match) => ({ type: match[1] || 'info', text: (match[2] ?? '').trim() }),
      toBlock: ({ type, text }) => {
        const kind = CALLOUT_TYPES.includes(type) ? type : 'info';
        return `<Callout type="${kind}">\n\n${String(text ?? '').trim()}\n\n</Callout>`;
      },
      toPreview: ({ type, text }) => h('aside', { className: `callout callout-${type || 'info'}` }, String(text ?? '')),
    },
    {
      id: 'cta-link',
      label: A.cta[ui],
      fields: [
        { name: 'href', label: A.ctaHref[ui], widget: 'string', pattern: ['^(https?://|mailto:|/)[^\\s]*$', 'https://…'] } as never,
        { name: 'label', label: A.ctaLabel[ui], widget: 'string' },
      ],
      pattern: /^<CtaLink\s+([^>]*?)\s*\/>/,
      fromBlock: (match) => {
        const a = readAttrs(match[1] ?? '');
        return { href: a.href ?? '', label: a.label ?? '' };
      },
      toBlock: ({ href, label }) => `<CtaLink href="${attr(href)}" label="${attr(label)}" />`,
      toPreview: ({ href, label }) => h('p', { className: 'cta' }, h('a', { className: 'cta-link', href: href || '#' }, label || href)),
    },
  ];
}
