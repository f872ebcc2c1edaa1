import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { createElement as h } from 'react';
import { formatDate } from '../src/i18n/format';
import { locales, type Locale } from '../src/i18n/locales';
import { collectionFields, identifierField, type CollectionName } from '../src/schema/collections';
import type { FieldSpec } from '../src/schema/fields';
import { fieldLabels, optionLabels } from '../src/schema/labels';
import { normalizeDate } from '../src/schema/values';

/** Fields shown as facts under the title (everything but text, images and flags). */
const FACT_KINDS = new Set(['date', 'datetime', 'timezone', 'select', 'multiselect', 'country', 'integer', 'url', 'string']);
const HEADER_FIELDS = new Set(['title', 'summary', 'coverAlt', 'name']);

/**
 * A preview template for a collection, rendered with the site's own stylesheet and classes
 * (entry, entry-meta, lead, prose…), so editors see what visitors will see.
 */
export function previewTemplate(collection: CollectionName, ui: Locale) {
  const fields: readonly FieldSpec[] = collectionFields[collection];
  const facts = fields.filter((f) => FACT_KINDS.has(f.kind) && !HEADER_FIELDS.has(f.name));
  return function Preview({ entry, widgetFor, getAsset, fields: cmsFields }: PreviewTemplateComponentProps) {
    const data = entry.get('data');
    const value = (name: string) => {
      const v = data?.get(name);
      return v && typeof v === 'object' && 'toJS' in v ? (v as { toJS: () => unknown }).toJS() : v;
    };
    const locale = (entry.get('i18n') ? ui : ui) as Locale;
    const show = (spec: FieldSpec): string | null => {
      const v = value(spec.name);
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
      if (spec.kind === 'date' && normalizeDate(v)) return formatDate(normalizeDate(v)!, locale);
      if (Array.isArray(v)) return v.map((x) => optionLabels[String(x)]?.[ui] ?? String(x)).join(', ');
      return optionLabels[String(v)]?.[ui] ?? String(v);
    };
    const cover = value('cover') ?? value('logo');
    const coverField = cmsFields?.find((f) => f.get('name') === 'cover' || f.get('name') === 'logo');
    const coverUrl = typeof cover === 'string' && cover ? String((getAsset as (path: string, field?: unknown) => unknown)(cover, coverField)) : '';
    const rows = facts.map((spec) => [spec, show(spec)] as const).filter(([, v]) => v !== null);
    return h(
      'main',
      { id: 'main', lang: locales[ui].lang },
      h(
        'div',
        { className: 'container' },
        h(
          'article',
          { className: 'entry' },
          h(
            'header',
            null,
            h('h1', null, String(value(identifierField(collection)) ?? '')),
            rows.length
              ? h(
                  'dl',
                  { className: 'entry-meta' },
                  rows.flatMap(([spec, v]) => [
                    h('dt', { key: `${spec.name}-t` }, fieldLabels[spec.name].label[ui]),
                    h('dd', { key: `${spec.name}-d` }, v),
                  ]),
                )
              : null,
            value('summary') ? h('p', { className: 'lead' }, String(value('summary'))) : null,
          ),
          coverUrl ? h('img', { className: 'entry-cover', src: coverUrl, alt: String(value('coverAlt') ?? '') }) : null,
          h('div', { className: 'prose' }, widgetFor('body')),
        ),
      ),
    );
  };
}
