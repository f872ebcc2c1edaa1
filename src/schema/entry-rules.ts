import { isLocale, localeKeys, type Locale } from '../i18n/locales.ts';
import { collectionFields, RESERVED_PAGE_SLUGS, UNIQUE_FIELDS, type CollectionName } from './collections.ts';
import type { FieldSpec } from './fields.ts';
import { byCodePoint } from '../lib/order.ts';
import { SLUG_PATTERN } from './values.ts';

/** Raised for content that breaks the contract; the message names the file and the field. */
export class ContentError extends Error {
  override name = 'ContentError';
}

export interface EntryPath {
  locale: Locale;
  slug: string;
}

/**
 * The locale and slug of a content file from its path below content/<collection>/
 * ("it/my-slug.mdx"). Anything else stops the build with the reason.
 */
export function parseEntryPath(collection: CollectionName, entry: string): EntryPath {
  const file = `content/${collection}/${entry}`;
  const parts = entry.split('/');
  if (parts.length !== 2) {
    throw new ContentError(`${file}: content files go in content/${collection}/<locale>/<slug>.mdx, one folder deep`);
  }
  const [folder, name] = parts as [string, string];
  if (!isLocale(folder)) {
    throw new ContentError(`${file}: the locale folder "${folder}" is not one of ${localeKeys.join(', ')}`);
  }
  const m = /^(.*)\.mdx?$/.exec(name);
  if (!m) throw new ContentError(`${file}: content files end in .mdx or .md`);
  const slug = m[1]!;
  if (!SLUG_PATTERN.test(slug)) {
    throw new ContentError(
      `${file}: the slug "${slug}" must be 1–80 characters of lowercase ASCII letters, digits and "-" (no capitals, spaces or accents)`,
    );
  }
  return { locale: folder, slug };
}

/** The id of an entry in its collection: "<locale>/<slug>". */
export const entryId = ({ locale, slug }: EntryPath) => `${locale}/${slug}`;

export interface StoredEntry {
  id: string;
  filePath?: string;
  data: Record<string, unknown>;
}

/**
 * Rules that look across the entries of a collection: a page slug may not take a section's
 * name; a unique field (offers' reference) may not repeat between entries, and one entry keeps
 * the same value in all its languages.
 */
export function crossEntryProblems(collection: CollectionName, entries: Iterable<StoredEntry>): string[] {
  const problems: string[] = [];
  const list = [...entries];
  const fileOf = (e: StoredEntry) => e.filePath ?? `content/${collection}/${e.id}.mdx`;
  const slugOf = (e: StoredEntry) => e.id.split('/')[1]!;

  if (collection === 'pages') {
    for (const e of list) {
      if (RESERVED_PAGE_SLUGS.includes(slugOf(e))) {
        problems.push(
          `${fileOf(e)}: the page slug "${slugOf(e)}" collides with the section or route /<locale>/${slugOf(e)}/; choose another slug`,
        );
      }
    }
  }

  const unique = UNIQUE_FIELDS[collection];
  if (unique) {
    const owner = new Map<string, StoredEntry>();
    for (const e of [...list].sort((a, b) => byCodePoint(fileOf(a), fileOf(b)))) {
      const value = e.data[unique];
      if (typeof value !== 'string') continue;
      const first = owner.get(value);
      if (!first) owner.set(value, e);
      else if (slugOf(first) !== slugOf(e)) {
        problems.push(`${fileOf(e)}: field "${unique}": "${value}" is already used by ${fileOf(first)}; it must be unique`);
      }
    }
    const bySlug = new Map<string, StoredEntry[]>();
    for (const e of list) bySlug.set(slugOf(e), [...(bySlug.get(slugOf(e)) ?? []), e]);
    for (const group of bySlug.values()) {
      const values = new Set(group.map((e) => e.data[unique]));
      if (values.size > 1) {
        problems.push(
          `${group.map(fileOf).join(', ')}: field "${unique}" differs between the languages of one entry (${[...values].join(' / ')})`,
        );
      }
    }
  }
  return problems;
}

/**
 * Whether a file's front matter holds none of the collection's translatable fields: what Decap
 * writes for a locale the editor did not translate. (The caller also checks the body is empty.)
 */
export function isUntranslatedPlaceholder(collection: CollectionName, data: Record<string, unknown>): boolean {
  const fields: readonly FieldSpec[] = collectionFields[collection];
  return fields
    .filter((f) => f.i18n === 'translate')
    .every((f) => {
      const value = data[f.name];
      return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    });
}
