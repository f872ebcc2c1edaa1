import { defaultLocale, localeKeys, type Locale } from '../i18n/locales';
import { collectionFields, collectionNames, identifierField, type CollectionName } from './collections';
import type { FieldSpec } from './fields';
import { collectionLabels, fieldLabels, optionLabels } from './labels';
import { countryCodes, SLUG_PATTERN_SOURCE, timeZoneOptions } from './values';
import { termFieldLabels, vocabularyLabels, vocabularyNames, type VocabularyName } from './vocabularies';

/** Where uploads go in the repository, and how entries two folders below reach them. */
export const MEDIA_FOLDER = 'content/media';
export const MEDIA_FROM_ENTRY = '../../media';

/** Decap's names for the admin UI languages of our locales. */
export const decapUiLocale: Record<Locale, string> = { it: 'it', zh: 'zh_Hans', en: 'en' };

// Decap's config is plain data; these types cover what this module writes.
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  i18n?: boolean | 'duplicate';
  default?: unknown;
  options?: (string | { label: string; value: string })[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  picker_utc?: boolean;
  pattern?: [string, string];
  choose_url?: boolean;
  media_folder?: string;
  public_folder?: string;
  allow_multiple?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
}

export interface DecapCollection {
  name: CollectionName;
  label: string;
  label_singular: string;
  folder: string;
  extension: 'mdx';
  format: 'frontmatter';
  create: true;
  slug: string;
  identifier_field: string;
  summary: string;
  i18n: true;
  media_folder: string;
  public_folder: string;
  sortable_fields: string[];
  fields: DecapField[];
}

const URL_PATTERN: [string, string] = ['^https?://[^\\s]+$', 'https://…'];

/** The Decap widget and widget options of one field of the schema. */
export function decapField(spec: FieldSpec, ui: Locale): DecapField {
  const labels = fieldLabels[spec.name] as { label: Record<Locale, string>; hint?: Record<Locale, string> };
  const out: DecapField = {
    name: spec.name,
    label: labels.label[ui],
    widget: 'string',
    required: spec.required,
    i18n: spec.i18n === 'translate' ? true : 'duplicate',
  };
  if (labels.hint) out.hint = labels.hint[ui];
  if (spec.default !== undefined) out.default = spec.default;
  const options = (values: readonly string[]) => values.map((value) => ({ value, label: optionLabels[value]?.[ui] ?? value }));
  switch (spec.kind) {
    case 'string':
      return { ...out, widget: 'string' };
    case 'text':
      return { ...out, widget: 'text' };
    case 'boolean':
      return { ...out, widget: 'boolean' };
    case 'date':
      // Written as a plain YYYY-MM-DD, picked as a UTC day so no time zone shifts it.
      return { ...out, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
    case 'datetime':
      // A wall-clock time in the entry's own time zone field: no offset, no conversion.
      return { ...out, widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', date_format: 'YYYY-MM-DD', time_format: 'HH:mm', picker_utc: true };
    case 'timezone':
      return { ...out, widget: 'select', options: timeZoneOptions() };
    case 'url':
      return { ...out, widget: 'string', pattern: URL_PATTERN };
    case 'country': {
      const names = new Intl.DisplayNames([ui === 'zh' ? 'zh-CN' : ui], { type: 'region' });
      return { ...out, widget: 'select', options: countryCodes().map((value) => ({ value, label: `${names.of(value)} (${value})` })) };
    }
    case 'select':
      return { ...out, widget: 'select', options: options(spec.options ?? []) };
    case 'multiselect':
      return { ...out, widget: 'select', multiple: true, options: options(spec.options ?? []) };
    case 'tags':
      return { ...out, widget: 'list' };
    case 'term':
    case 'terms':
      // Picked from the vocabulary's terms, listed by their label in the editor's language;
      // the key is what the entry stores.
      return {
        ...out,
        widget: 'relation',
        collection: spec.vocabulary!,
        value_field: 'key',
        search_fields: ['key', ...localeKeys],
        display_fields: [ui],
        options_length: 200,
        ...(spec.kind === 'terms' ? { multiple: true } : {}),
      };
    case 'integer': {
      const n: DecapField = { ...out, widget: 'number', value_type: 'int' };
      if (spec.min !== undefined) n.min = spec.min;
      if (spec.max !== undefined) n.max = spec.max;
      return n;
    }
    case 'image':
      return { ...out, widget: 'image', choose_url: false, allow_multiple: false };
    case 'file':
      return { ...out, widget: 'file', choose_url: false, allow_multiple: false };
  }
}

/** A Decap folder collection for one collection of the schema, labelled in the editor's language. */
export function decapCollection(name: CollectionName, ui: Locale): DecapCollection {
  const fields: readonly FieldSpec[] = collectionFields[name];
  const id = identifierField(name);
  const dateField = fields.find((f) => f.name === 'date' || f.name === 'start');
  return {
    name,
    label: collectionLabels[name].label[ui],
    label_singular: collectionLabels[name].singular[ui],
    folder: `content/${name}`,
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    slug: '{{slug}}',
    identifier_field: id,
    summary: dateField ? `{{${id}}} · {{${dateField.name}}}` : `{{${id}}}`,
    i18n: true,
    // Uploads land in content/media and are written relative to the entry, so that Astro's
    // image pipeline (sharp) finds and optimises them.
    media_folder: `/${MEDIA_FOLDER}`,
    public_folder: MEDIA_FROM_ENTRY,
    sortable_fields: [id, ...(dateField ? [dateField.name] : [])],
    fields: [
      ...fields.map((f) => decapField(f, ui)),
      { name: 'body', label: fieldLabels.body.label[ui], widget: 'markdown', i18n: true, required: false },
    ],
  };
}

/** A vocabulary's Decap folder collection: one YAML file per term, with its key and three labels. */
export function decapVocabulary(name: VocabularyName, ui: Locale) {
  const fields: DecapField[] = [
    { name: 'key', label: termFieldLabels.key.label[ui], hint: termFieldLabels.key.hint[ui], widget: 'string', required: true, pattern: [SLUG_PATTERN_SOURCE, termFieldLabels.key.hint[ui]] },
    ...localeKeys.map((l) => ({ name: l, label: termFieldLabels[l].label[ui], widget: 'string', required: false })),
  ];
  return {
    name,
    label: vocabularyLabels[name].label[ui],
    label_singular: vocabularyLabels[name].singular[ui],
    folder: `content/${name}`,
    extension: 'yml' as const,
    format: 'yml' as const,
    create: true,
    // The file name is the key, fixed when the term is created.
    slug: '{{key}}',
    identifier_field: ui,
    summary: `{{${ui}}} ({{key}})`,
    sortable_fields: ['key', ui],
    fields,
  };
}

export type BackendName = 'github' | 'gitlab' | 'gitea' | 'proxy';

export interface BackendSettings {
  name: BackendName;
  repo?: string;
  branch?: string;
  base_url?: string;
  auth_endpoint?: string;
  api_root?: string;
  app_id?: string;
  auth_type?: 'pkce' | 'implicit';
  proxy_url?: string;
}

/**
 * The local decap-server (npm run cms) that writes straight into this working copy, on its
 * default port; `npm run cms` with another port (DECAP_PORT) passes its address as CMS_PROXY_URL.
 */
export const LOCAL_BACKEND_URL = 'http://127.0.0.1:8081/api/v1';

/**
 * The backend, chosen by the environment at build time (no code change): CMS_BACKEND=github,
 * gitlab or gitea with CMS_REPO, CMS_BRANCH, CMS_BASE_URL (OAuth), CMS_AUTH_ENDPOINT,
 * CMS_API_ROOT (self-hosted Gitea or GitLab), CMS_APP_ID, CMS_AUTH_TYPE. Unset: the local
 * decap-server.
 */
export function backendFromEnv(env: Record<string, string | undefined>): BackendSettings {
  const name = (env.CMS_BACKEND || 'proxy') as BackendName;
  if (!['github', 'gitlab', 'gitea', 'proxy'].includes(name)) {
    throw new Error(`CMS_BACKEND must be github, gitlab or gitea (or unset for local editing), got "${name}"`);
  }
  if (name === 'proxy') return { name, proxy_url: env.CMS_PROXY_URL || LOCAL_BACKEND_URL, branch: env.CMS_BRANCH || 'main' };
  if (!env.CMS_REPO) throw new Error(`CMS_BACKEND=${name} needs CMS_REPO (owner/name)`);
  const settings: BackendSettings = { name, repo: env.CMS_REPO, branch: env.CMS_BRANCH || 'main' };
  const optional = { base_url: env.CMS_BASE_URL, auth_endpoint: env.CMS_AUTH_ENDPOINT, api_root: env.CMS_API_ROOT, app_id: env.CMS_APP_ID };
  for (const [key, value] of Object.entries(optional)) if (value) (settings as unknown as Record<string, string>)[key] = value;
  if (env.CMS_AUTH_TYPE === 'pkce' || env.CMS_AUTH_TYPE === 'implicit') settings.auth_type = env.CMS_AUTH_TYPE;
  return settings;
}

export interface CmsConfigOptions {
  /** Language of the admin UI and of the field labels. */
  ui: Locale;
  backend: BackendSettings;
  siteUrl?: string;
}

/** The whole Decap CMS config, generated from the schema. */
export function cmsConfig({ ui, backend, siteUrl }: CmsConfigOptions) {
  const gitBackend = backend.name !== 'proxy';
  return {
    load_config_file: false,
    locale: decapUiLocale[ui],
    backend,
    // On localhost Decap talks to decap-server instead of the configured Git backend: the
    // proxy backend's own decap-server when that is the backend (so a decap-server on another
    // port is never the one asked), else the default one.
    local_backend: { url: (backend.name === 'proxy' && backend.proxy_url) || LOCAL_BACKEND_URL },
    ...(gitBackend ? { publish_mode: 'editorial_workflow' as const } : {}),
    ...(siteUrl ? { site_url: siteUrl, display_url: siteUrl } : {}),
    media_folder: MEDIA_FOLDER,
    public_folder: `/${MEDIA_FOLDER}`,
    i18n: { structure: 'multiple_folders' as const, locales: [...localeKeys], default_locale: defaultLocale },
    slug: { encoding: 'ascii' as const, clean_accents: true, sanitize_replacement: '-' },
    collections: [...collectionNames.map((name) => decapCollection(name, ui)), ...vocabularyNames.map((name) => decapVocabulary(name, ui))],
  };
}
