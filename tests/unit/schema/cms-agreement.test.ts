import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { localeKeys } from '../../../src/i18n/locales';
import { collectionNames } from '../../../src/schema/collections';
import { cmsConfig, decapCollection, type DecapField } from '../../../src/schema/decap';
import { collectionSchema } from '../../../src/schema/zod';
import { termSchema, vocabularyNames } from '../../../src/schema/vocabularies';

// The Astro schemas and the CMS config are both generated from src/schema/collections.ts.
// These tests compare what each consumer *does* with a value, field by field, so a change to
// either generator that makes them disagree fails here.

const IMAGE = z.string().regex(/^image:/);
const shapeOf = (name: (typeof collectionNames)[number]) =>
  (collectionSchema(name, () => IMAGE) as unknown as { in: z.ZodObject }).in?.shape ??
  (collectionSchema(name, () => IMAGE) as unknown as z.ZodObject).shape;

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** A value the Decap widget would write for this field, valid by the widget's own rules. */
function sampleFor(field: DecapField): unknown {
  const first = (o: NonNullable<DecapField['options']>[number]) => (typeof o === 'string' ? o : o.value);
  switch (field.widget) {
    case 'string':
      return field.pattern ? 'https://example.org/x' : 'Testo';
    case 'text':
      return 'Testo lungo';
    case 'boolean':
      return true;
    case 'datetime':
      return field.format === 'YYYY-MM-DD' ? '2026-03-05' : '2026-03-05T17:30';
    case 'select':
      return field.multiple ? [first(field.options![0]!)] : first(field.options![0]!);
    case 'list':
      return ['ai'];
    case 'relation':
      return field.multiple ? ['robotics'] : 'advanced-materials';
    case 'number':
      return field.min ?? 1;
    case 'image':
      return 'image:cover.jpg';
    case 'file':
      return '../../media/bulletin.pdf';
    default:
      throw new Error(`no sample for widget ${field.widget}`);
  }
}

describe.each(collectionNames)('collection %s: Astro schema and CMS config agree', (name) => {
  const shape = shapeOf(name) as Record<string, z.ZodType>;
  const cms = decapCollection(name, 'it');
  const cmsFields = cms.fields.filter((f) => f.name !== 'body');

  it('have the same fields, in the same order, and the CMS adds the body', () => {
    expect(cmsFields.map((f) => f.name)).toEqual(Object.keys(shape));
    expect(cms.fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown', i18n: true });
  });

  it('agree on which fields are required', () => {
    for (const field of cmsFields) {
      expect(!accepts(shape[field.name]!, undefined), field.name).toBe(field.required === true);
    }
  });

  it('agree on types: what the widget writes, the schema accepts', () => {
    for (const field of cmsFields) {
      expect(accepts(shape[field.name]!, sampleFor(field)), `${field.name} (${field.widget})`).toBe(true);
    }
  });

  it('agree on the options of every select, and the schema refuses anything else', () => {
    for (const field of cmsFields.filter((f) => f.widget === 'select')) {
      const values = field.options!.map((o) => (typeof o === 'string' ? o : o.value));
      const schema = shape[field.name]!;
      for (const v of values) expect(accepts(schema, field.multiple ? [v] : v), `${field.name}=${v}`).toBe(true);
      const bogus = 'not-an-option';
      expect(accepts(schema, field.multiple ? [bogus] : bogus), `${field.name} refuses ${bogus}`).toBe(false);
      const def = (schema as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? schema;
      const enumValues = (def as unknown as { options?: string[]; element?: { options?: string[] } }).options ??
        (def as unknown as { element?: { options?: string[] } }).element?.options;
      if (enumValues) expect(values, `${field.name} options`).toEqual(enumValues);
    }
  });

  it('agree on formats: dates, datetimes, URLs, numbers', () => {
    for (const field of cmsFields) {
      const schema = shape[field.name]!;
      if (field.widget === 'datetime' && field.format === 'YYYY-MM-DD') {
        expect(accepts(schema, '2026-03-05T10:00'), field.name).toBe(false);
      }
      if (field.widget === 'datetime' && field.format === 'YYYY-MM-DDTHH:mm') {
        expect(accepts(schema, '2026-03-05'), field.name).toBe(false);
        expect(field.picker_utc, `${field.name} is written as wall-clock time`).toBe(true);
      }
      if (field.pattern) {
        expect(accepts(schema, 'javascript:alert(1)'), field.name).toBe(false);
        expect(new RegExp(field.pattern[0]).test('javascript:alert(1)'), `${field.name} CMS pattern`).toBe(false);
      }
      if (field.widget === 'number') {
        expect(field.value_type).toBe('int');
        expect(accepts(schema, 1.5), `${field.name} refuses 1.5`).toBe(false);
        if (field.min !== undefined) expect(accepts(schema, field.min - 1)).toBe(false);
        if (field.max !== undefined) expect(accepts(schema, field.max + 1)).toBe(false);
      }
    }
  });
});

describe('CMS config', () => {
  it('uses multiple_folders i18n with it, zh, en and Italian as default', () => {
    const config = cmsConfig({ ui: 'en', backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' } });
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['it', 'zh', 'en'], default_locale: 'it' });
    expect(config.collections.map((c) => c.folder)).toEqual([...collectionNames, ...vocabularyNames].map((n) => `content/${n}`));
    expect(config.local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
  });

  it('translates text fields and duplicates language-neutral ones', () => {
    const events = decapCollection('events', 'it');
    const mode = Object.fromEntries(events.fields.map((f) => [f.name, f.i18n]));
    expect(mode).toMatchObject({ title: true, summary: true, body: true, coverAlt: true, city: true });
    expect(mode).toMatchObject({ start: 'duplicate', end: 'duplicate', timezone: 'duplicate', type: 'duplicate', country: 'duplicate', cover: 'duplicate', registrationUrl: 'duplicate', online: 'duplicate' });
  });

  it('writes tags per language, and picks sectors and topics from their vocabularies by key', () => {
    const offers = decapCollection('offers', 'zh');
    const byName = Object.fromEntries(offers.fields.map((f) => [f.name, f]));
    expect(byName.tags).toMatchObject({ widget: 'list', i18n: true });
    expect(byName.tags!.hint).not.toMatch(/英文/);
    expect(byName.sector).toMatchObject({ widget: 'relation', collection: 'sectors', value_field: 'key', i18n: 'duplicate' });
    expect(byName.sector!.multiple).toBeUndefined();
    expect(byName.topics).toMatchObject({ widget: 'relation', collection: 'topics', value_field: 'key', multiple: true, i18n: 'duplicate' });
    // Terms are listed by their label in the editor's language.
    expect(byName.sector!.display_fields).toEqual(['zh']);
    expect(decapCollection('news', 'it').fields.find((f) => f.name === 'topics')!.display_fields).toEqual(['it']);
  });

  it.each(vocabularyNames)('lets editors add a %s term whose file the site accepts', (name) => {
    const config = cmsConfig({ ui: 'en', backend: { name: 'proxy' } });
    const collection = config.collections.find((c) => c.name === name)!;
    expect(collection).toMatchObject({ folder: `content/${name}`, format: 'yml', extension: 'yml', create: true, slug: '{{key}}' });
    expect(collection.fields.map((f) => f.name)).toEqual(['key', ...localeKeys]);
    const key = collection.fields[0]!;
    expect(key.required).toBe(true);
    const pattern = new RegExp(key.pattern![0]);
    expect(pattern.test('advanced-materials')).toBe(true);
    expect(pattern.test('Advanced Materials')).toBe(false);
    // What the CMS writes for a new term, and a term it would refuse.
    expect(termSchema.safeParse({ key: 'quantum', it: 'Quantistica', zh: '量子', en: 'Quantum' }).success).toBe(true);
    expect(termSchema.safeParse({ key: 'quantum' }).success).toBe(false);
    expect(termSchema.safeParse({ key: 'Quantum', en: 'Quantum' }).success).toBe(false);
  });

  it.each(localeKeys)('labels every collection, field, hint and option in %s', (ui) => {
    const config = cmsConfig({ ui, backend: { name: 'proxy' } });
    for (const collection of config.collections) {
      expect(collection.label.trim(), collection.name).not.toBe('');
      for (const field of collection.fields) {
        expect(field.label.trim(), `${collection.name}.${field.name}`).not.toBe('');
        if (field.hint !== undefined) expect(field.hint.trim()).not.toBe('');
        for (const o of field.options ?? []) {
          if (typeof o !== 'string') expect(o.label.trim(), `${field.name}=${o.value}`).not.toBe('');
        }
      }
    }
  });

  it('has labels that really differ between languages', () => {
    const labels = (ui: 'it' | 'zh' | 'en') => cmsConfig({ ui, backend: { name: 'proxy' } }).collections.flatMap((c) => c.fields.map((f) => f.label));
    const it = labels('it');
    const zh = labels('zh');
    const same = it.filter((l, i) => l === zh[i]);
    expect(same.length).toBeLessThan(it.length / 10);
  });
});
