import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { siteConfig } from '../config/site';
import { localeKeys } from '../i18n/locales';
import { collectionFields, type CollectionName } from '../schema/collections';
import { resolveMediaFile } from '../lib/media';
import { isRemoteReference } from '../schema/values';
import { callView } from '../lib/calls';
import { courseOpen, isExpired } from '../lib/courses-offers';
import { localizedEntries, type Entry, type LocalizedEntry } from '../lib/localized-entries';
import { eventView } from '../lib/events';
import { fileHash, hash } from './key-hash.ts';
import { stockBuild } from './mode.ts';
import { revisions } from '../history/revisions';
import { outdatedNotes } from '../history/translation-notes';
import { vocabularies } from '../lib/vocabularies';

/*
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key,
 * code and rendered entries are unchanged is copied from the previous build instead of
 * rendered. Astro already compares the page's code (components, styles, scripts,
 * dictionaries); the key must hold everything else the page shows. Every key is made here;
 * pages only say which kind of key their paths get.
 *
 * - `keyedPaths`: pages that render nothing but their props and what every page shows (lists
 *   of news and tags, bulletins, partners, month pages, feeds, the sitemap, search and 404).
 *   The key is made from the props themselves, so it cannot miss a field the page shows: what
 *   such a page needs (a PDF's address, today's mark) is computed in getStaticPaths and passed
 *   as a prop. An entry in the props stands for its front matter (no such page shows a body),
 *   an image for its file's path and bytes.
 * - `entryCacheKeys`: entry pages, which also show what depends on the time of the build (a
 *   call's status, an event's phase, a course's applications, an offer's expiry), the note of
 *   an outdated translation (src/history/translation-notes.ts) and the addresses of the
 *   entry's files.
 * - `calendarBundleKey`: the .ics files, each with its page's key and its DTSTAMP, the time of
 *   the last commit of the entry's file (src/history/revisions.ts): a commit changes the
 *   calendar files of the entries it changed, not all of them.
 *
 * What every page shows (`siteKey`) is part of every key: the menus (pages collection), the
 * vocabularies' labels, the site settings of the environment, the footer's year. The home
 * pages and the lists of calls, events, courses and offers have no key: their cards change
 * with the time of the build. The stock build (src/build/mode.ts) gives no page a key.
 */

const digestOf = (entry: Entry) => (entry as { digest?: string }).digest ?? hash([entry.data, entry.body]);

let site: Promise<string> | undefined;
/**
 * What every page shows besides its own entry. The vocabularies are part of it: a sector or
 * topic label shows on entry pages, cards, tag pages and feeds, and terms change seldom.
 */
function siteKey(): Promise<string> {
  site ??= Promise.all([localizedEntries('pages'), vocabularies()]).then(([pages, vocabs]) =>
    hash([
      pages.map((p) => [p.locale, p.slug, digestOf(p.entry)]),
      Object.values(vocabs).map((v) => v.terms),
      siteConfig.url,
      siteConfig.icpNumber,
      siteConfig.contactEmail,
      siteConfig.buildTime.getUTCFullYear(),
    ]),
  );
  return site;
}

/** The part of a page that depends on the time of the build. */
export function timeState(collection: CollectionName, item: LocalizedEntry, now: Date): string {
  switch (collection) {
    case 'calls':
      return callView(item as LocalizedEntry<'calls'>, now).status;
    case 'events':
      return eventView(item as LocalizedEntry<'events'>, now).phase;
    case 'courses':
      return String(courseOpen(item as LocalizedEntry<'courses'>, now));
    case 'offers':
      return String(isExpired(item as LocalizedEntry<'offers'>, now));
    default:
      return '';
  }
}

/** A function giving the cache key of each entry page of a collection. */
export async function entryCacheKeys(collection: CollectionName): Promise<(item: LocalizedEntry) => string | undefined> {
  if (stockBuild) return () => undefined;
  const [siteState, notes] = await Promise.all([siteKey(), outdatedNotes()]);
  return (item) =>
    hash([
      siteState,
      collection,
      item.locale,
      item.slug,
      item.sourceLocale,
      digestOf(item.entry),
      imagesOf(item.entry),
      [...item.translations].sort(),
      timeStateOf(collection, item),
      // The note of an outdated translation (the newer language and its date).
      notes(collection, item.slug, item.locale) ?? null,
      // The addresses of its files (a PDF's changes with its bytes).
      fileAddresses(collection, item),
    ]);
}

/**
 * The images an entry's page shows, by path and bytes: its front matter's (a cover; key-hash.ts
 * names it without reading it) and its body's (the local images the renderer found, relative to
 * the entry's file). The file's digest covers neither: an upload replaced under the same name
 * leaves the entry's text as it was, and Astro leaves entries' images out of the code it
 * compares, so without their bytes a page would be reused with the old image's files. Once per
 * entry: an entry is shown in up to three languages, and by a page and an .ics file.
 */
const entryImages = new WeakMap<object, string>();
function imagesOf(entry: Entry): string {
  let images = entryImages.get(entry);
  if (images === undefined) {
    const { rendered, filePath, collection } = entry as { rendered?: { metadata?: { imagePaths?: unknown } }; filePath?: string; collection: CollectionName };
    const data = entry.data as Record<string, unknown>;
    const cover = (collectionFields[collection] ?? []).filter((field) => field.kind === 'image' && data[field.name]).map((field) => data[field.name]);
    const paths = Array.isArray(rendered?.metadata?.imagePaths) ? (rendered.metadata.imagePaths as unknown[]) : [];
    const body = paths
      .filter((path): path is string => typeof path === 'string' && !isRemoteReference(path))
      .map((path) => {
        const file = filePath ? resolve(dirname(resolve(filePath)), path) : path;
        return existsSync(file) ? [path, fileHash(file)] : [path];
      });
    entryImages.set(entry, (images = cover.length === 0 && body.length === 0 ? '' : hash([cover, body])));
  }
  return images;
}

/** The published address of each file field of an entry (src/lib/media.ts). */
function fileAddresses(collection: CollectionName, item: LocalizedEntry): string[] {
  const data = item.entry.data as Record<string, unknown>;
  return collectionFields[collection].flatMap((field) => {
    const value = data[field.name];
    if (field.kind !== 'file' || typeof value !== 'string' || value === '' || isRemoteReference(value)) return [];
    return [resolveMediaFile(value)];
  });
}

/**
 * timeState at the time of the build, once per entry: it reads only the entry's front matter,
 * and an entry is shown in up to three languages and by a page and an .ics file.
 */
const timeStates = new WeakMap<object, string>();
function timeStateOf(collection: CollectionName, item: LocalizedEntry): string {
  let state = timeStates.get(item.entry);
  if (state === undefined) timeStates.set(item.entry, (state = timeState(collection, item, siteConfig.buildTime)));
  return state;
}

/** A path of getStaticPaths: its params, and the props the page renders. */
interface StaticPath {
  params: Record<string, string>;
  props?: object;
}

/**
 * The paths of a page that renders nothing but its props and what every page shows, each with
 * a key made of those: `route` names the page (two pages may have the same params and props).
 */
export async function keyedPaths<P extends StaticPath>(route: string, paths: P[]): Promise<(P & { cacheKey?: string })[]> {
  if (stockBuild) return paths;
  const site = await siteKey();
  return paths.map((path) => ({ ...path, cacheKey: hash([site, route, path.params, path.props ?? null]) }));
}

/**
 * The cache key of the route that makes every .ics file (src/pages/[calendars].json.ts): for
 * each file, its path, its entry page's key and the DTSTAMP the file carries.
 */
export async function calendarBundleKey(files: { path: string; collection: 'calls' | 'events'; item: LocalizedEntry }[]): Promise<string | undefined> {
  if (stockBuild) return undefined;
  const [events, calls, revisedAt] = await Promise.all([entryCacheKeys('events'), entryCacheKeys('calls'), revisions()]);
  const pageKey = { events, calls };
  return hash(files.map(({ path, collection, item }) => [path, pageKey[collection](item), revisedAt(item.entry).getTime()]));
}

/** getStaticPaths of a page in each locale that shows nothing but its own text and what every page shows. */
export function localeStaticPathsWithKey(page: string) {
  return keyedPaths(page, localeKeys.map((lang) => ({ params: { lang } })));
}
