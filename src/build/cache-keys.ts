import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { types } from 'node:util';
import { siteConfig } from '../config/site';
import { localeKeys, type Locale } from '../i18n/locales';
import type { CollectionName } from '../schema/collections';
import { callView } from '../lib/calls';
import { courseOpen, isExpired } from '../lib/courses-offers';
import { localizedEntries, type Entry, type LocalizedEntry } from '../lib/localized-entries';
import { eventView } from '../lib/events';
import { stockBuild } from './mode.ts';
import { revisedAt } from '../history/revisions';
import { outdatedNotes } from '../history/translation-notes';
import { vocabularies } from '../lib/vocabularies';

/*
 * The stock build (src/build/mode.ts) gives no page a key: every function here returns
 * undefined then.
 *
 * Cache keys of entry pages for Astro's incremental build (experimental.incrementalBuild): a
 * page whose key, code and rendered entries are unchanged is copied from the previous build
 * instead of rendered. Astro already compares the page's code (components, styles, scripts,
 * dictionaries); the key must hold everything else the page shows:
 *
 * - the entry shown (its own translation or the fallback's source): the digest of its file,
 *   and the languages it exists in (the language switcher, hreflang links);
 * - what every page shows: the menus (pages collection), the vocabularies' labels, the site
 *   settings of the environment, the footer's year;
 * - what depends on the time of the build: a call's status, an event's phase, a course's
 *   applications, an offer's expiry;
 * - the note of an outdated translation (src/history/translation-notes.ts), which a commit to
 *   another language of the entry changes.
 *
 * The .ics file of a call or an event has its page's key and its DTSTAMP, the time of the last
 * commit of the entry's file (src/history/revisions.ts): a commit changes the calendar files of the
 * entries it changed, not all of them.
 *
 * A page of the news list, or of a tag, shows cards of fixed entries (news have no state that
 * moves with time): its key holds what each card shows. Feeds, calendars, the sitemap, the
 * home page and the lists of calls, events, courses and offers have no key: they change with
 * almost any edit, or with the time of the build.
 */

const hash = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts, withoutReadingImages)).digest('base64url').slice(0, 22);

/**
 * An image in front matter (a cover) stands in a key for the file it was imported from (its path
 * in the project, so that a key does not depend on where the project is checked out) and for
 * that file's bytes (fileDigest).
 * JSON.stringify would read its properties: the image is Astro's ImageMetadata proxy, and any
 * property read through it but `fsPath` and `clone` makes Astro keep the upload in dist/ beside
 * its optimised images (astro/dist/assets/utils/proxy.js; src/lib/image-size.ts). `fsPath` is
 * that proxy's own exception, the path Astro itself reads to find the original; the build stops
 * here if a later Astro no longer gives it. An entry's data holds no other proxy.
 */
function withoutReadingImages(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !types.isProxy(value)) return value;
  const fsPath = (value as { fsPath?: unknown }).fsPath;
  if (typeof fsPath !== 'string') {
    throw new Error(
      "cache keys: an image of the front matter has no fsPath (Astro's ImageMetadata proxy, astro/dist/assets/utils/proxy.js, has changed): its file cannot be named without Astro publishing the original",
    );
  }
  return { image: relative(process.cwd(), fsPath).split(sep).join('/'), bytes: fileDigest(fsPath) };
}

/**
 * The digest of an image's bytes, once per file and build. Astro leaves the images of entries
 * out of the code it compares (its content-assets module is content data to it), so an upload
 * replaced under the same name changes no page's code: without its bytes in the key, the pages
 * showing it would be reused with the old image's optimised files.
 */
const fileDigests = new Map<string, string>();
function fileDigest(path: string): string {
  let digest = fileDigests.get(path);
  if (digest === undefined) fileDigests.set(path, (digest = createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 22)));
  return digest;
}

/**
 * The cache key of a page made only from the given data (and from code, which Astro compares
 * itself): the sitemap. Pages that show the menus or the footer use the keys below.
 */
export const contentKey = (parts: unknown[]): string | undefined => (stockBuild ? undefined : hash(parts));
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
    ]);
}

/**
 * The images an entry shows, by path and bytes: its front matter's (covers) and its body's
 * (Markdown images, <Figure>). Its file's digest covers neither file: an upload replaced under
 * the same name leaves the entry's text as it was (see fileDigest). Once per entry: an entry is
 * shown in up to three languages and by a page and an .ics file.
 */
const entryImages = new WeakMap<object, unknown[]>();
function imagesOf(entry: Entry): unknown[] {
  let images = entryImages.get(entry);
  if (images === undefined) {
    const found: unknown[] = [];
    JSON.stringify(entry.data, (key, value: unknown) => {
      if (typeof value !== 'object' || value === null || !types.isProxy(value)) return value;
      found.push(withoutReadingImages(key, value));
      return undefined;
    });
    entryImages.set(entry, (images = [...found, ...bodyImageDigests(entry)]));
  }
  return images;
}

/** The bytes of the local images of an entry's body, by the paths the renderer found (relative to the entry's file). */
function bodyImageDigests(entry: Entry): string[] {
  const { rendered, filePath } = entry as { rendered?: { metadata?: { imagePaths?: unknown } }; filePath?: string };
  const paths = rendered?.metadata?.imagePaths;
  if (!Array.isArray(paths) || paths.length === 0 || !filePath) return [];
  return paths
    .filter((path): path is string => typeof path === 'string' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path))
    .map((path) => {
      const file = resolve(dirname(resolve(filePath)), path);
      return existsSync(file) ? fileDigest(file) : path;
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

/**
 * The cache key of a page listing entries as cards (src/components/EntryCard.astro): the list
 * (route and whatever else it shows, such as the page number and count or the tag) and, for
 * each entry, what its card can show: its slug, its language, whether it is a fallback, and
 * its front matter. Not the body: a card never shows it, so editing a text leaves lists alone.
 */
export async function listCacheKey(list: unknown[], locale: Locale, items: LocalizedEntry[]): Promise<string | undefined> {
  if (stockBuild) return undefined;
  return hash([await siteKey(), list, locale, items.map((item) => [item.slug, item.sourceLocale, item.isFallback, item.entry.data])]);
}

/** The cache key of an entry's .ics file: its page's, and the DTSTAMP the file carries. */
export async function calendarCacheKeys(collection: 'calls' | 'events'): Promise<(item: LocalizedEntry) => string | undefined> {
  if (stockBuild) return () => undefined;
  const pageKey = await entryCacheKeys(collection);
  return (item) => hash([pageKey(item), revisedAt(item.entry).getTime()]);
}

/** getStaticPaths of a page in each locale that shows nothing but its own text and what every page shows. */
export async function localeStaticPathsWithKey(page: string) {
  return Promise.all(localeKeys.map(async (lang) => ({ params: { lang }, cacheKey: await listCacheKey([page], lang, []) })));
}
