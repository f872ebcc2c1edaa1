import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/*
 * The .ics file of every event and call (/<locale>/events/<slug>.ics, /<locale>/calls/<slug>.ics)
 * is written by the build in one go instead of as one Astro route each.
 *
 * Why: these are small files (~1 KB) whose text is quick to make, but an Astro route costs
 * far more than that whatever it returns (request, response, two file writes: the page and the
 * incremental cache's copy, a log line), and every rebuild would check one route per file
 * against the cache (figures in docs/performance.md).
 *
 * How: one route of the build (src/pages/[calendars].json.ts) returns every file's path and
 * text as JSON, with a cache key made of the files' own keys, so a rebuild reuses it unless a
 * calendar changed. After the build, `writeCalendarFiles` (from src/build/integration.ts)
 * writes the files into dist/, skipping those whose text is what the last build wrote and that
 * are still there, and removes the JSON, which is not part of the site. In `astro dev` the
 * per-file routes (src/pages/[lang]/{events,calls}/[slug].ics.ts) serve the same text.
 */

/** The route's output, below dist/. */
export const CALENDAR_BUNDLE = 'calendar-files.json';

/** What the route returns: site-relative path (with "/") and text of every calendar file. */
export interface CalendarBundle {
  files: [path: string, text: string][];
}

export interface CalendarFilesResult {
  /** Absolute paths of every calendar file of this build, written now or kept. */
  files: string[];
  written: number;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

/**
 * Writes the calendar files listed in dist/calendar-files.json and removes that file. `stampFile`
 * keeps the hash of each file written, so that a file whose text did not change is not written
 * again (a rebuild at 10,000 entries would otherwise write 11,400 files). Returns undefined
 * when the build made no bundle (no route for it, as in a build without calendars).
 */
export async function writeCalendarFiles(dist: string, stampFile?: string): Promise<CalendarFilesResult | undefined> {
  const bundlePath = join(dist, CALENDAR_BUNDLE);
  if (!existsSync(bundlePath)) return undefined;
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as CalendarBundle;
  rmSync(bundlePath);
  const previous = stampFile ? readStamps(stampFile) : {};
  const stamps: Record<string, string> = {};
  const files: string[] = [];
  const toWrite: [file: string, text: string][] = [];
  for (const [path, text] of bundle.files) {
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`calendar file outside the site: ${path}`);
    const file = join(dist, path);
    const hash = sha1(text);
    stamps[path] = hash;
    files.push(file);
    if (previous[path] !== hash || !existsSync(file)) toWrite.push([file, text]);
  }
  for (const folder of new Set(toWrite.map(([file]) => dirname(file)))) mkdirSync(folder, { recursive: true });
  // A few writes at a time: the thread pool overlaps them (one by one, the thread waits on each).
  for (let i = 0; i < toWrite.length; i += 64) {
    await Promise.all(toWrite.slice(i, i + 64).map(([file, text]) => writeFile(file, text)));
  }
  if (stampFile) {
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify(stamps));
  }
  return { files, written: toWrite.length };
}

function readStamps(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
