import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Locale } from '../i18n/locales';
import { MDX_BODY_VERSION, mdxBodyToMarkdown } from './mdx-body';
import { glob } from 'astro/loaders';
import { MarkdownThread, markdownThread, type RenderMarkdown } from '../build/markdown-on-worker';
import { stockBuild } from '../build/mode';
import { saveHeldWhileLoading } from '../build/store-save';
import { mediaFileExists } from './body-policy';
import { isRemoteReference } from './values';
import { collectionFields, type CollectionName } from './collections';
import { astroEntryTypes, syncContentFiles, type ContentFilesOptions, type EntryType } from '../build/content-files';
import { ContentError, crossEntryProblems, entryId, isUntranslatedPlaceholder, parseEntryPath, type StoredEntry } from './entry-rules';

/**
 * The loader of a content collection: the files of content/<collection>/ (src/build/content-files.ts,
 * as Astro's glob loader; the glob loader itself in the stock build), with
 * the contract's path rules (locale folder, slug) applied to every file, the rules across
 * entries checked once all are loaded, and drafts removed so that no page can build them.
 *
 * Decap CMS (i18n multiple_folders) writes a file for every locale on save, even one the
 * editor left untranslated: it holds only the language-neutral fields and no text. Such a
 * placeholder is not a translation, so it is skipped rather than refused, and the locale falls
 * back to the source language (decap-cms issue #6932).
 */
export function contentLoader(collection: CollectionName, stock = stockBuild): Loader {
  // The stock build (src/build/mode.ts): bodies rendered in the loader's thread, never on a worker.
  const inThread = new MarkdownThread(undefined, Infinity);
  return {
    name: 'cittc-content',
    async load(context) {
      if (stock) return loadCollection(context, inThread.use(context).render, (options) => syncWithGlob(collection, context, options));
      const releaseSave = saveHeldWhileLoading(context.store);
      const markdown = markdownThread.use(context);
      try {
        await loadCollection(context, markdown.render, (options) => syncContentFiles(collection, context, options));
      } finally {
        markdown.release();
        releaseSave();
      }
    },
  };

  async function loadCollection(context: LoaderContext, renderMarkdown: RenderMarkdown, sync: (options: ContentFilesOptions) => Promise<void>) {
    const placeholders = new Set<string>();
    const renderErrors: string[] = [];
    // The digest keys the rendered HTML kept in the content store: include the renderer's version.
    const generateDigest = refusedBodiesRenderedAgain(context.store, (data) =>
      context.generateDigest(typeof data === 'string' ? `${data}\0mdx-body ${MDX_BODY_VERSION}` : data),
    );
    const entryTypes = mdxRenderedAtSync(astroEntryTypes(context), renderMarkdown, renderErrors);
    await sync({
      entryTypes,
      generateDigest,
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
    if (renderErrors.length > 0) throw new ContentError(renderErrors.join('\n'));
    for (const id of placeholders) context.store.delete(id);
    const entries = [...context.store.values()] as StoredEntry[];
    const problems = crossEntryProblems(collection, entries);
    if (problems.length > 0) throw new ContentError(problems.join('\n'));
    for (const entry of entries) {
      if (entry.data.draft === true) context.store.delete(entry.id);
    }
  }
}

/**
 * The stock build's sync (src/build/mode.ts): Astro's glob loader over the collection's folder,
 * with the ids of the contract's path rules and the loader's entry types, digest and checks.
 */
async function syncWithGlob(collection: CollectionName, context: LoaderContext, options: ContentFilesOptions): Promise<void> {
  const loader = glob({
    pattern: '**/*.{md,mdx}',
    base: `./content/${collection}`,
    generateId: ({ entry }) => entryId(parseEntryPath(collection, entry)),
  });
  await loader.load({ ...context, ...options } as LoaderContext);
}

/**
 * A body the build refused (its rendering threw: the body policy, a missing figure…) stops the
 * build, but the glob loader has already stored the entry, with its file's digest and no HTML.
 * Should the store reach the disk before the build stops (Astro saves it on a timer while it
 * syncs), the next build would find the digest unchanged and publish the entry without its
 * body, and without an error. The digest of such a file is changed here, so that it is
 * rendered, and refused, again.
 */
export function refusedBodiesRenderedAgain(
  store: { values(): Iterable<{ digest?: string | number; rendered?: unknown }> },
  digest: (data: Record<string, unknown> | string) => string,
): (data: Record<string, unknown> | string) => string {
  const refused = new Set<string>();
  for (const entry of store.values()) {
    if (entry.digest !== undefined && entry.rendered === undefined) refused.add(String(entry.digest));
  }
  if (refused.size === 0) return digest;
  return (data) => {
    const value = String(digest(data));
    return refused.has(value) ? `${value}:refused` : value;
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
    if (typeof value !== 'string' || value === '' || isRemoteReference(value)) continue;
    if (!mediaFileExists(value, filePath)) {
      throw new ContentError(
        `${filePath}: field "${field.name}": the file "${value}" does not exist (upload it to content/media/ and write its path as ../../media/<name>)`,
      );
    }
  }
}

/**
 * The entry types of Astro, with .mdx rendered when the content is synced, like .md
 * (src/schema/mdx-body.ts says why): the body is checked by the body policy, its components
 * written as HTML, and the Markdown processor renders it; the content store keeps the HTML for
 * the next build. A body that breaks a rule is collected in `errors`, which stop the build.
 */
function mdxRenderedAtSync(astroTypes: Map<string, EntryType>, renderMarkdown: RenderMarkdown, errors: string[]): Map<string, EntryType> {
  const mdx = astroTypes.get('.mdx')!;
  const { contentModuleTypes: _compiledAsModule, ...entryType } = mdx;
  const types = new Map(astroTypes);
  // Lines before the body of each file being loaded, so that errors name the file's own line
  // numbers: taken while the loader has the file's text, instead of reading the file again.
  const lineOffsets = new Map<string, number>();
  const lineOffset = (text: string, body: string | undefined) => {
    const at = body ? text.indexOf(body) : -1;
    return at > 0 ? text.slice(0, at).split('\n').length - 1 : 0;
  };
  types.set('.mdx', {
    ...entryType,
    getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
      const info = (await mdx.getEntryInfo!.call(mdx, params)) as { body?: string };
      lineOffsets.set(fileURLToPath(params.fileUrl), lineOffset(params.contents, info.body));
      return info;
    },
    getRenderFunction: async () => async ({ body, filePath }) => {
      if (!filePath) throw new Error('an MDX entry without a file');
      try {
        const known = lineOffsets.get(filePath);
        lineOffsets.delete(filePath);
        const offset = known ?? lineOffset(await readFile(filePath, 'utf8'), body);
        const locale = basename(dirname(filePath)) as Locale;
        const markdown = mdxBodyToMarkdown(body ?? '', { file: filePath, locale, lineOffset: offset });
        // Rendered as it is, never read as front matter (markdown-on-worker.ts): a body may start with a "---" rule.
        return await renderMarkdown(`\n${markdown}`, pathToFileURL(filePath));
      } catch (error) {
        errors.push((error as Error).message);
        throw error;
      }
    },
  });
  return types;
}
