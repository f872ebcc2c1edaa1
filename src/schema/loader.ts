import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import type { CollectionName } from './collections';
import { ContentError, crossEntryProblems, entryId, parseEntryPath, type StoredEntry } from './entries';

/**
 * The loader of a content collection: Astro's glob loader over content/<collection>/, with
 * the contract's path rules (locale folder, slug) applied to every file, the rules across
 * entries checked once all are loaded, and drafts removed so that no page can build them.
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
      await inner.load(context);
      const entries = [...context.store.values()] as StoredEntry[];
      const problems = crossEntryProblems(collection, entries);
      if (problems.length > 0) throw new ContentError(problems.join('\n'));
      for (const entry of entries) {
        if (entry.data.draft === true) context.store.delete(entry.id);
      }
    },
  };
}
