import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../schema/collections';
import { ContentError, entryId, parseEntryPath } from '../schema/entry-rules';

/** What a loader reads from an entry type (the field is internal to Astro's LoaderContext). */
export interface EntryType {
  getEntryInfo?: (params: { contents: string; fileUrl: URL }) => unknown;
  getRenderFunction?: (config?: unknown) => Promise<(entry: { id?: string; data?: unknown; body?: string; filePath?: string; digest?: string }) => Promise<unknown>>;
  contentModuleTypes?: string;
  [key: string]: unknown;
}

export interface ContentFilesOptions {
  entryTypes: Map<string, EntryType>;
  generateDigest: LoaderContext['generateDigest'];
  parseData: LoaderContext['parseData'];
}

type Context = Pick<LoaderContext, 'config' | 'store' | 'logger' | 'watcher'>;

/**
 * What the last sync learnt of each file: [size, mtimeMs, digest] by path, when that sync
 * started, and the digest of a fixed text then (another digest function, or salt, voids it).
 */
interface FileFacts {
  probe: string;
  at: number;
  files: Record<string, [number, number, string]>;
}

/** A file modified this close to the last sync's start may have changed again within the same time stamp: it is read. */
const RACY_MS = 2_000;

/** Files handled at once: enough to keep reading while bodies render on their worker. */
const LANES = 16;

/**
 * Syncs content/<collection>/ into the content store, as Astro's glob loader does for
 * `**\/*.{md,mdx}` with the id given by the path (src/schema/entry-rules.ts) and no body kept
 * (pages show the HTML rendered at sync):
 *   - a file whose text the store already holds for it (same path, same digest) keeps its
 *     entry: it is not parsed, validated or rendered again;
 *   - any other is parsed by its entry type, validated (parseData), rendered, and stored;
 *   - entries whose file is gone are removed;
 *   - under `astro dev`, a file changed, added or removed updates its entry.
 *
 * Why not the glob loader itself: it reads each file with fs.promises.readFile (open, stat,
 * read and close, each a trip to libuv's pool): at tens of thousands of files those reads take
 * several times as long on the main thread as reading them synchronously, as this does
 * (docs/performance.md, "Content loading"). It also parses every file's front matter before
 * comparing digests.
 * Unlike it, two files with the same id (visita.md beside visita.mdx) stop the build instead
 * of one silently replacing the other. And a file whose size and modification time are those
 * it had at the last sync (kept in the cache folder, content-files-<collection>.json, with its
 * digest) is not even read when the store holds its entry, rendered, with that digest: a
 * rebuild at 10,000 entries then reads one file instead of 30,000.
 */
export async function syncContentFiles(collection: CollectionName, context: Context, options: ContentFilesOptions): Promise<void> {
  checkLoaderStore(context.store);
  const { config, store, logger, watcher } = context;
  const root = fileURLToPath(config.root);
  const base = join(root, 'content', collection);
  if (!existsSync(base)) logger.warn(`The content folder content/${collection}/ does not exist.`);
  const files = existsSync(base) ? contentFiles(base) : [];
  const untouched = new Set(store.keys());
  const pathOfId = new Map<string, string>();
  const sync = fileSync(collection, context, options, root, base);
  const factsFile = join(fileURLToPath(config.cacheDir), `content-files-${collection}.json`);
  const probe = String(options.generateDigest('\0cittc content-files probe'));
  const last = readFacts(factsFile);
  const facts: FileFacts = { probe, at: Date.now(), files: {} };
  const known = last?.probe === probe ? last : undefined;

  let next = 0;
  let failed = false;
  const lane = async () => {
    try {
      while (!failed && next < files.length) {
        const entry = files[next++]!;
        const id = entryId(parseEntryPath(collection, entry));
        const earlier = pathOfId.get(id);
        if (earlier !== undefined) {
          throw new ContentError(`content/${collection}/${entry}: the same entry as content/${collection}/${earlier} (${id}): keep one of the two files`);
        }
        pathOfId.set(id, entry);
        untouched.delete(id);
        await sync(entry, id, known, facts.files);
      }
    } catch (error) {
      failed = true; // The other lanes stop too: the load fails.
      throw error;
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, files.length) }, lane));
  mkdirSync(dirname(factsFile), { recursive: true });
  writeFileSync(factsFile, JSON.stringify(facts));
  for (const id of untouched) store.delete(id);

  if (!watcher) return;
  watcher.add(base);
  const entryOf = (path: string) => {
    const entry = relative(base, path).split(sep).join('/');
    return !entry.startsWith('../') && /\.mdx?$/.test(entry) && !entry.split('/').some((part) => part.startsWith('.')) ? entry : undefined;
  };
  const onChange = async (path: string) => {
    const entry = entryOf(path);
    if (!entry) return;
    try {
      await sync(entry, entryId(parseEntryPath(collection, entry)));
      logger.info(`Reloaded data from ${entry}`);
    } catch (error) {
      logger.error(`Failed to reload ${entry}: ${(error as Error).message}`);
    }
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  watcher.on('unlink', (path: string) => {
    const entry = entryOf(path);
    if (!entry) return;
    try {
      const id = entryId(parseEntryPath(collection, entry));
      if (store.get(id)?.filePath === relative(root, path).split(sep).join('/')) store.delete(id);
    } catch {
      // A path the contract refuses had no entry.
    }
  });
}

/**
 * The scoped store Astro gives a loader has addAssetImports and addModuleImport (what the glob
 * loader calls for an unchanged entry, so that its images and its module are still part of the
 * build); they are not in its public type. Without them an unchanged entry would lose its images.
 */
function checkLoaderStore(store: object): void {
  const missing = ['addAssetImports', 'addModuleImport'].filter((name) => typeof (store as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `the content file loader (src/build/content-files.ts) relies on an internal of Astro that has changed: ` +
        `the store of the loader context has no ${missing.join(' or ')}. npm run build -- --stock builds with Astro's glob loader instead.`,
    );
  }
}

/**
 * The entry types Astro gives a loader in its context (`entryTypes`, by file extension; not in
 * the public LoaderContext type): the files' front matter is parsed and their bodies rendered
 * through those of .md and .mdx, by the content file loader and, in both the fast and the stock
 * build, by the MDX bodies rendered at sync (src/schema/loader.ts). No switch builds without
 * them: the build stops rather than render .mdx bodies another way.
 */
export function astroEntryTypes(context: object): Map<string, EntryType> {
  const entryTypes = (context as { entryTypes?: unknown }).entryTypes;
  const usable = (type: unknown) => typeof (type as EntryType | undefined)?.getEntryInfo === 'function';
  if (!(entryTypes instanceof Map) || !usable(entryTypes.get('.md')) || !usable(entryTypes.get('.mdx'))) {
    throw new Error(
      `the content loader (src/schema/loader.ts, src/build/content-files.ts) relies on an internal of Astro that has changed: ` +
        `the loader context has no entryTypes map with the .md and .mdx entry types (each with getEntryInfo). ` +
        `Both the fast and the stock build (npm run build -- --stock) render MDX bodies at sync through them: keep the version of Astro in package-lock.json until the loader is adapted.`,
    );
  }
  return entryTypes as Map<string, EntryType>;
}

function readFacts(file: string): FileFacts | undefined {
  try {
    const facts = JSON.parse(readFileSync(file, 'utf8')) as FileFacts;
    return typeof facts.probe === 'string' && typeof facts.at === 'number' && facts.files && typeof facts.files === 'object' ? facts : undefined;
  } catch {
    return undefined; // None yet, or unreadable: every file is read.
  }
}

/** The Markdown and MDX files below a folder (paths with "/"), none in or named like a dotfile. */
function contentFiles(base: string): string[] {
  return (readdirSync(base, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((dirent) => dirent.isFile() && /\.mdx?$/.test(dirent.name))
    .map((dirent) => relative(base, join(dirent.parentPath, dirent.name)).split(sep).join('/'))
    .filter((entry) => !entry.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** Syncs one file (path below the collection's folder) into its entry. */
function fileSync(collection: CollectionName, context: Context, options: ContentFilesOptions, root: string, base: string) {
  const { logger, config } = context;
  // The scoped store has these two for loaders (the glob loader's), not in its public type.
  const store = context.store as Context['store'] & { addAssetImports(assets: string[], filePath: string): void; addModuleImport(filePath: string): void };
  const { entryTypes, generateDigest, parseData } = options;
  const renderers = new Map<EntryType, ReturnType<NonNullable<EntryType['getRenderFunction']>>>();
  const unchanged = (stored: ReturnType<typeof store.get>, relativePath: string) => {
    if (stored!.assetImports?.length) store.addAssetImports(stored!.assetImports, relativePath);
    if (stored!.deferredRender) store.addModuleImport(relativePath);
  };
  return async (entry: string, id: string, known?: FileFacts, seen?: FileFacts['files']): Promise<void> => {
    const filePath = join(base, entry);
    const relativePath = relative(root, filePath).split(sep).join('/');
    let contents: string;
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(filePath));
      const fact = known?.files[relativePath];
      if (fact && fact[0] === size && fact[1] === mtimeMs && mtimeMs < known!.at - RACY_MS) {
        const stored = store.get(id);
        if (stored && stored.filePath === relativePath && stored.digest === fact[2] && stored.rendered !== undefined) {
          if (seen) seen[relativePath] = fact;
          return unchanged(stored, relativePath);
        }
      }
      contents = readFileSync(filePath, 'utf8');
    } catch (error) {
      logger.error(`Error reading content/${collection}/${entry}: ${(error as Error).message}`);
      return;
    }
    const digest = generateDigest(contents);
    if (seen) seen[relativePath] = [size, mtimeMs, digest];
    const stored = store.get(id);
    if (stored && stored.filePath === relativePath && stored.digest === digest) {
      return unchanged(stored, relativePath);
    }
    const type = entryTypes.get(extname(entry));
    if (!type?.getEntryInfo) {
      logger.warn(`No entry type found for content/${collection}/${entry}`);
      return;
    }
    const fileUrl = pathToFileURL(filePath);
    const { body, data } = (await type.getEntryInfo({ contents, fileUrl })) as { body?: string; data: Record<string, unknown> };
    const parsed = await parseData({ id, data, filePath });
    if (type.getRenderFunction) {
      let render = renderers.get(type);
      if (!render) renderers.set(type, (render = type.getRenderFunction(config)));
      let rendered: { metadata?: { imagePaths?: string[] } } | undefined;
      try {
        rendered = (await (await render)({ id, data, body, filePath, digest })) as typeof rendered;
      } catch (error) {
        logger.error(`Error rendering content/${collection}/${entry}: ${(error as Error).message}`);
      }
      store.set({ id, data: parsed, filePath: relativePath, digest, rendered: rendered as never, assetImports: rendered?.metadata?.imagePaths });
    } else {
      store.set({ id, data: parsed, filePath: relativePath, digest, deferredRender: 'contentModuleTypes' in type });
    }
  };
}
