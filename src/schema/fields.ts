import type { FieldName } from './labels';
import type { VocabularyName } from './vocabularies';

/**
 * How a field behaves across languages in the CMS (Decap i18n): `translate` fields are
 * written per language; `duplicate` fields are language-neutral (dates, enums, URLs, images,
 * numbers) and copied from the default language.
 */
export type I18nMode = 'translate' | 'duplicate';

/** The kinds of value the content contract knows. Each maps to one zod type and one Decap widget. */
export type FieldKind =
  | 'string'
  | 'text'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'timezone'
  | 'url'
  | 'country'
  | 'select'
  | 'multiselect'
  | 'tags'
  | 'term'
  | 'terms'
  | 'integer'
  | 'image'
  | 'file';

/** One field of a collection: the single description both the site and the CMS are built from. */
export interface FieldSpec {
  name: FieldName;
  kind: FieldKind;
  required: boolean;
  i18n: I18nMode;
  /** Allowed values of select/multiselect fields. */
  options?: readonly string[];
  /** Maximum length (strings) or value (integers). */
  max?: number;
  /** Minimum value (integers). */
  min?: number;
  /** Value used when the field is absent. */
  default?: string | number | boolean;
  /** The vocabulary whose terms a `term`/`terms` field picks (content/<vocabulary>/). */
  vocabulary?: VocabularyName;
}

type Opts = Partial<Pick<FieldSpec, 'required' | 'i18n' | 'max' | 'min' | 'default'>>;

function field(name: FieldName, kind: FieldKind, defaults: Pick<FieldSpec, 'i18n'>, opts: Opts = {}): FieldSpec {
  const spec: FieldSpec = { name, kind, required: false, ...defaults, ...opts };
  return spec;
}

/** Field factories: translatable text is `translate` by default, everything else `duplicate`. */
export const f = {
  string: (name: FieldName, opts?: Opts) => field(name, 'string', { i18n: 'translate' }, opts),
  text: (name: FieldName, opts?: Opts) => field(name, 'text', { i18n: 'translate' }, opts),
  boolean: (name: FieldName, opts?: Opts) => field(name, 'boolean', { i18n: 'duplicate' }, { default: false, ...opts }),
  date: (name: FieldName, opts?: Opts) => field(name, 'date', { i18n: 'duplicate' }, opts),
  datetime: (name: FieldName, opts?: Opts) => field(name, 'datetime', { i18n: 'duplicate' }, opts),
  timezone: (name: FieldName, opts?: Opts) => field(name, 'timezone', { i18n: 'duplicate' }, opts),
  url: (name: FieldName, opts?: Opts) => field(name, 'url', { i18n: 'duplicate' }, opts),
  country: (name: FieldName, opts?: Opts) => field(name, 'country', { i18n: 'duplicate' }, opts),
  select: (name: FieldName, options: readonly string[], opts?: Opts) => ({
    ...field(name, 'select', { i18n: 'duplicate' }, opts),
    options,
  }),
  multiselect: (name: FieldName, options: readonly string[], opts?: Opts) => ({
    ...field(name, 'multiselect', { i18n: 'duplicate' }, opts),
    options,
  }),
  // Free keywords in the entry's own language and script: written per language.
  tags: (name: FieldName, opts?: Opts) => field(name, 'tags', { i18n: 'translate' }, opts),
  // A term of a vocabulary, by key, shared by all languages of an entry (the site shows the
  // term's label in the page's language); free text is accepted and shown as written.
  term: (name: FieldName, vocabulary: VocabularyName, opts?: Opts) => ({ ...field(name, 'term', { i18n: 'duplicate' }, opts), vocabulary }),
  terms: (name: FieldName, vocabulary: VocabularyName, opts?: Opts) => ({ ...field(name, 'terms', { i18n: 'duplicate' }, opts), vocabulary }),
  integer: (name: FieldName, opts?: Opts) => field(name, 'integer', { i18n: 'duplicate' }, opts),
  image: (name: FieldName, opts?: Opts) => field(name, 'image', { i18n: 'duplicate' }, opts),
  file: (name: FieldName, opts?: Opts) => field(name, 'file', { i18n: 'duplicate' }, opts),
};
