import { readFile } from 'node:fs/promises';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { mediaFileExists } from './body-policy';
import { collectionFields, type CollectionName } from './collections';
import { ContentError, crossEntryProblems, entryId, isUntranslatedPlaceholder, parseEntryPath, type StoredEntry } from './entries';

/**
 * The loader of a content collection: Astro's glob loader over content/<collection>/, with
 * the contract's path rules (locale folder, slug) applied to every file, the rules across
 * entries checked once all are loaded, and drafts removed so that no page can build them.
 *
 * Decap CMS (i18n multiple_folders) writes a file for every locale on save, even one the
 * editor left untranslated: it holds only the language-neutral fields and no text. Such a
 * placeholder is not a translation, so it is skipped rather than refused, and the locale falls
 * back to the source language (decap-cms issue #6932).
 */
export function contentLoader(collection: CollectionName): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base: `./content/${collection}`,
    generateId: ({ entry }) => entryId(parseEntryPath(collection, entry)),
  });
  return {
    name: 'cittc-content',
    async load(context) {
      const placeholders = new Set<string>();
      await inner.load({
        ...context,
        async parseData(props) {
          if (props.filePath && isUntranslatedPlaceholder(collection, props.data)) {
            const text = await readFile(props.filePath, 'utf8');
            if (/^---\r?\n[\s\S]*?\r?\n---\s*$/.test(text)) {
              placeholders.add(props.id);
              return props.data;
            }
          }
          if (props.filePath) checkFiles(collection, props.filePath, props.data);
          return context.parseData(props);
        },
      });
      for (const id of placeholders) context.store.delete(id);
      const entries = [...context.store.values()] as StoredEntry[];
      const problems = crossEntryProblems(collection, entries);
      if (problems.length > 0) throw new ContentError(problems.join('\n'));
      for (const entry of entries) {
        if (entry.data.draft === true) context.store.delete(entry.id);
      }
    },
  };
}

/**
 * Image and file fields name files beside the entry (../../media/…). Astro's own error for a
 * missing image names neither the entry nor the field; this one names both.
 */
function checkFiles(collection: CollectionName, filePath: string, data: Record<string, unknown>) {
  for (const field of collectionFields[collection]) {
    if (field.kind !== 'image' && field.kind !== 'file') continue;
    const value = data[field.name];
    if (typeof value !== 'string' || value === '' || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) continue;
    if (!mediaFileExists(value, filePath)) {
      throw new ContentError(
        `${filePath}: field "${field.name}": the file "${value}" does not exist (upload it to content/media/ and write its path as ../../media/<name>)`,
      );
    }
  }
}
