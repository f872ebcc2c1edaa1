import { z } from 'astro/zod';
import { collectionFields, type CollectionName } from './collections';
import type { FieldSpec } from './fields';
import { bidiProblem, countryCodes, isIanaTimeZone, isRemoteReference, isSafeUrl, normalizeDate, normalizeDateTime } from './values';

/** Astro's `image()` schema helper (or a stand-in in unit tests). */
export type ImageHelper = () => z.ZodType;

const isoDate = z.unknown().transform((value, ctx) => {
  const date = normalizeDate(value);
  if (date === undefined) {
    ctx.addIssue({ code: 'custom', message: `must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return date;
});

const isoDateTime = z.unknown().transform((value, ctx) => {
  const datetime = normalizeDateTime(value);
  if (datetime === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a date and time written YYYY-MM-DDTHH:mm (quoted), got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return datetime;
});

/** Text fields refuse Unicode direction overrides (see bidiProblem). */
function noBidiControls(value: string, ctx: z.RefinementCtx) {
  const problem = bidiProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

function zodFor(field: FieldSpec, image: ImageHelper): z.ZodType {
  switch (field.kind) {
    case 'string':
    case 'text':
    case 'term': {
      let s = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');
      if (field.max) s = s.max(field.max, `must be at most ${field.max} characters`);
      return s.superRefine(noBidiControls);
    }
    case 'boolean':
      return z.boolean({ error: 'must be true or false' });
    case 'date':
      return isoDate;
    case 'datetime':
      return isoDateTime;
    case 'timezone':
      return z.string().refine(isIanaTimeZone, {
        message: 'must be an IANA time zone name such as Europe/Rome or Asia/Shanghai',
      });
    case 'url':
      return z.string().refine((v) => isSafeUrl(v), { message: 'must be an absolute http:// or https:// URL' });
    case 'country':
      return z
        .string()
        .refine((v) => countryCodes().includes(v), { message: 'must be an ISO 3166-1 alpha-2 country code such as IT or CN' });
    case 'select':
      return z.enum(field.options as [string, ...string[]], {
        error: (issue) => `must be one of ${field.options!.join(', ')}; got ${JSON.stringify(issue.input)}`,
      });
    case 'multiselect':
      return z.array(
        z.enum(field.options as [string, ...string[]], {
          error: (issue) => `must be a list of ${field.options!.join(', ')}; got ${JSON.stringify(issue.input)}`,
        }),
      );
    case 'tags':
    case 'terms':
      return z.array(z.string({ error: 'must be a list of words' }).trim().min(1, 'must not be empty').superRefine(noBidiControls), {
        error: 'must be a list of words',
      });

    case 'integer': {
      let n = z.number({ error: 'must be a whole number' }).int('must be a whole number');
      if (field.min !== undefined) n = n.min(field.min, `must be at least ${field.min}`);
      if (field.max !== undefined) n = n.max(field.max, `must be at most ${field.max}`);
      return n;
    }
    case 'image':
      return image();
    case 'file':
      return z
        .string()
        .refine((v) => !isRemoteReference(v), {
          message: 'must be a file in the media folder, not a URL',
        });
  }
}

/** The zod type of one field, with its optionality and default. */
export function fieldSchema(field: FieldSpec, image: ImageHelper): z.ZodType {
  const base = zodFor(field, image);
  if (field.required) return base;
  if (field.default !== undefined) return emptyAsAbsent(base.default(field.default as never));
  if (field.kind === 'tags' || field.kind === 'terms' || field.kind === 'multiselect') return emptyAsAbsent(base.default([] as never));
  return emptyAsAbsent(base.optional());
}

/**
 * An optional field written empty (`link:` or `link: null`) counts as absent. Decap CMS writes
 * `null` into every language's file for an optional field left empty (a call's `link`, a
 * `cover`) when an entry is saved; that is not a value, and must not stop the build.
 */
function emptyAsAbsent(schema: z.ZodType): z.ZodType {
  return z.preprocess((value) => (value === null ? undefined : value), schema);
}

/** The cross-field rules of the contract: a cover needs its alt text; an end is not before its start. */
function crossFieldRules(data: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (data.cover !== undefined && !data.coverAlt) {
    ctx.addIssue({ code: 'custom', path: ['coverAlt'], message: 'is required when a cover image is set (describe the image)' });
  }
  if (typeof data.start === 'string' && typeof data.end === 'string' && data.end < data.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `must not be before start (${data.start})` });
  }
}

/** The schema of each collection's fields, with image fields taken as they are, built once. */
const sharedSchemas = new Map<CollectionName, { schema: z.ZodType<Record<string, unknown>>; imageFields: FieldSpec[] }>();

/**
 * The zod schema of a collection's front matter, with the cross-field rules of the contract.
 *
 * Astro asks for the schema once per entry, with an `image()` helper that resolves paths from
 * that entry's file. Building the whole schema for each entry is a large part of a cold
 * content sync (docs/performance.md, "Content loading"): zod builds a new object for each link of a chain such as
 * `.trim().min(1).max(200).superRefine(…)`, and compiles each new object schema on its first
 * parse. So the object schema is built once per collection, with image fields accepted as
 * they are, and only the image fields an entry fills are checked with that entry's helper,
 * after the other fields and rules passed (zod schemas do not change once built).
 */
export function collectionSchema(collection: CollectionName, image: ImageHelper) {
  const fields: readonly FieldSpec[] = collectionFields[collection];
  let shared = sharedSchemas.get(collection);
  if (!shared) {
    const imageAsWritten = (field: FieldSpec) => (field.required ? z.unknown().refine((v) => v !== undefined, 'is required') : emptyAsAbsent(z.unknown().optional()));
    const shape = Object.fromEntries(fields.map((field) => [field.name, field.kind === 'image' ? imageAsWritten(field) : fieldSchema(field, image)]));
    // Not strict: the contract is a minimum, and outside content with extra keys must still build.
    const schema = z.object(shape).superRefine(crossFieldRules) as unknown as z.ZodType<Record<string, unknown>>;
    shared = { schema, imageFields: fields.filter((field) => field.kind === 'image') };
    sharedSchemas.set(collection, shared);
  }
  const { schema, imageFields } = shared;
  if (imageFields.length === 0) return schema;
  return schema.transform((data, ctx) => {
    for (const field of imageFields) {
      if (data[field.name] === undefined || data[field.name] === null) continue;
      const parsed = image().safeParse(data[field.name]);
      if (parsed.success) data[field.name] = parsed.data;
      else for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [field.name, ...issue.path], message: issue.message });
    }
    return data;
  });
}
