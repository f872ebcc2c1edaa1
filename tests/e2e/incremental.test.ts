import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesInLog } from '../../scripts/bench/build-log.mjs';
import { commitAll } from '../../scripts/bench/workspace.mjs';
import { copySite, type SiteCopy } from '../support/site-copy';

/*
 * Rebuilds reuse the pages that did not change (experimental.incrementalBuild with the cache
 * keys of src/build/cache-keys.ts) and render again those that did: what matters is that no
 * visitor ever gets a stale page or a page that should be gone, and that search finds what
 * the pages say. Built in a throw-away copy with the pages and news sample.
 */

let site: SiteCopy;
// dist/ is kept between builds: a reused page is "(cached)", or "(restored)" from Astro's cache.
/** Any output (pages, feeds, the sitemap…) reused, or rendered, as the build's log shows. */
const reusedFiles = (output: string) => new Set(routesInLog(output).filter((r) => r.reused).map((r) => r.path));
const renderedFiles = (output: string) => new Set(routesInLog(output).filter((r) => !r.reused).map((r) => r.path));
/** The same for pages only. */
const pagesOnly = (paths: Set<string>) => new Set([...paths].filter((p) => p.endsWith('index.html')));
const restored = (output: string) => pagesOnly(reusedFiles(output));
const rendered = (output: string) => pagesOnly(renderedFiles(output));
const page = (path: string) => readFileSync(join(site.dir, 'dist', path), 'utf8');
/** The text of a language's search index: its fragments, Pagefind's gzip'd JSON of each page. */
const indexedText = (locale: string) => {
  const folder = join(site.dir, 'dist/pagefind', locale, 'fragment');
  return readdirSync(folder)
    .map((name) => gunzipSync(readFileSync(join(folder, name))).toString('utf8'))
    .join('\n');
};
const indexLine = (output: string) => output.split('\n').find((line) => line.startsWith('[search]')) ?? output;
/**
 * Uploads of content/media/ published as they are (name.<hash>.ext in dist/_astro/): visitors
 * get only the optimised images made from them, so none should be.
 */
const publishedUploads = () => {
  const uploads = readdirSync(join(site.dir, 'content/media')).filter((name) => /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i.test(name));
  const names = new Set(uploads.map((name) => name.replace(/\.[^.]+$/, '')));
  return readdirSync(join(site.dir, 'dist/_astro')).filter((name) => {
    const m = /^(.+)\.[\w-]{8}\.[a-z]+$/i.exec(name);
    return m !== null && names.has(m[1]!);
  });
};
const edit = (path: string, from: string | RegExp, to: string) => {
  const file = join(site.dir, path);
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${path} contains ${from}`).not.toBe(text);
  writeFileSync(file, changed);
};

beforeAll(async () => {
  site = await copySite(['pages', 'media', 'news']);
  const first = await site.build();
  expect(first.ok, first.output.slice(-2000)).toBe(true);
  // The content store is read from disk while pages are generated (content-store.ts).
  expect(first.output).toMatch(/pages read the content store from \S+data-store\.json/);
  // The CMS admin's bundle is built once per version of its sources (admin-bundle.ts).
  expect(first.output).toMatch(/built the CMS admin bundle cms-[0-9a-f]{16}\.js/);
  const index = await site.searchIndex();
  expect(index.ok, index.output).toBe(true);
  expect(indexLine(index.output)).not.toContain('kept');
}, 180_000);

afterAll(() => site?.remove());

describe('incremental rebuilds', () => {
  it('after editing one entry, renders its pages again and reuses the other entry pages', async () => {
    edit('content/news/en/naples-forum-2026-report.mdx', /\n\n([A-Z])/, '\n\nEDITED PARAGRAPH.\n\n$1');
    const result = await site.build();
    expect(result.ok, result.output.slice(-2000)).toBe(true);
    const again = rendered(result.output);
    expect(again).toContain('/en/news/naples-forum-2026-report/index.html');
    expect(page('en/news/naples-forum-2026-report/index.html')).toContain('EDITED PARAGRAPH.');
    // Other entries come from the cache, unchanged; lists whose cards move with time are always rendered.
    expect(restored(result.output)).toContain('/it/news/naples-forum-2026-report/index.html');
    expect(restored(result.output)).toContain('/en/news/beijing-delegation-visits-bergamo/index.html');
    expect(again).toContain('/en/events/index.html');
    expect(restored(result.output).size).toBeGreaterThan(20);
    // Lists of news, feeds and the sitemap show no body: those listing the edited entry are reused too,
    // as are pages that show nothing of the content (search, 404).
    expect(restored(result.output)).toContain('/en/news/index.html');
    expect(restored(result.output)).toContain('/en/news/tags/energy/index.html');
    expect(restored(result.output)).toContain('/en/search/index.html');
    expect(restored(result.output)).toContain('/en/404/index.html');
    expect(reusedFiles(result.output)).toContain('/en/news/rss.xml');
    expect(reusedFiles(result.output)).toContain('/sitemap.xml');
    // The admin bundle is reused, and the admin page loads it.
    const admin = /reused the CMS admin bundle (cms-[0-9a-f]{16}\.js)/.exec(result.output)?.[1];
    expect(admin, result.output.slice(-2000)).toBeDefined();
    expect(page('admin/index.html')).toContain(`<script type="module" src="/admin/${admin}">`);
    expect(existsSync(join(site.dir, 'dist/admin', admin!))).toBe(true);
    // The edited entry's cover, in every size and format its page asks for, is there; the
    // upload it is made from is not published, whether its pages were rendered or reused.
    const coverFiles = [...page('en/news/naples-forum-2026-report/index.html').matchAll(/\/_astro\/forum-naples-stage\.[^\s",]+/g)].map((m) => m[0]);
    expect(coverFiles.length).toBeGreaterThan(3);
    expect(coverFiles.filter((file) => !existsSync(join(site.dir, 'dist', file)))).toEqual([]);
    expect(publishedUploads()).toEqual([]);

    // Search: only the English index is built again, and it has the new text.
    const index = await site.searchIndex();
    expect(index.ok, index.output).toBe(true);
    expect(indexLine(index.output)).toMatch(/kept the index of it \(\d+ pages, unchanged\), zh \(\d+ pages, unchanged\)/);
    expect(indexLine(index.output)).toMatch(/en: \d+ pages in \d+ ms/);
    expect(indexedText('en')).toContain('EDITED PARAGRAPH.');
    expect(indexedText('it')).not.toContain('EDITED PARAGRAPH.');
  }, 180_000);

  it('renders a tag page and a feed again when the title of an entry they list changes, and no other', async () => {
    edit('content/news/en/naples-forum-2026-report.mdx', /^title: .*$/m, 'title: "Naples forum: the full report"');
    const result = await site.build();
    expect(result.ok, result.output.slice(-2000)).toBe(true);
    expect(rendered(result.output)).toContain('/en/news/tags/energy/index.html');
    expect(page('en/news/tags/energy/index.html')).toContain('Naples forum: the full report');
    expect(rendered(result.output)).toContain('/en/news/index.html');
    expect(page('en/news/index.html')).toContain('Naples forum: the full report');
    expect(restored(result.output)).toContain('/en/news/tags/startups/index.html');
    // The English news feed lists it; the Italian one does not.
    expect(renderedFiles(result.output)).toContain('/en/news/rss.xml');
    expect(page('en/news/rss.xml')).toContain('Naples forum: the full report');
    expect(reusedFiles(result.output)).toContain('/it/news/rss.xml');
  }, 180_000);

  it('stops on an entry made invalid after a build (a changed file is always parsed), and builds again once it is mended', async () => {
    // Unchanged files are not parsed again (src/schema/loader.ts): a changed one always is.
    const path = 'content/news/it/naples-forum-2026-report.mdx';
    const text = readFileSync(join(site.dir, path), 'utf8');
    edit(path, /^date: .*$/m, 'date: "the day after tomorrow"');
    const broken = await site.build();
    writeFileSync(join(site.dir, path), text);
    expect(broken.ok).toBe(false);
    expect(broken.output).toContain('content/news/it/naples-forum-2026-report.mdx');
    expect(broken.output).toMatch(/date: must be a date written YYYY-MM-DD, got "the day after tomorrow"/);
    const mended = await site.build();
    expect(mended.ok, mended.output.slice(-2000)).toBe(true);
    expect(restored(mended.output)).toContain('/en/news/beijing-delegation-visits-bergamo/index.html');
  }, 180_000);

  it('removes the pages of an entry that was deleted, and keeps the search index of untouched languages', async () => {
    site.write(
      'content/news/en/short-lived.mdx',
      '---\ntitle: "A short-lived item"\nsummary: "Fixture."\ndate: 2026-11-10\n---\n\nA word only here: zanzibarite.\n',
    );
    const added = await site.build();
    expect(added.ok, added.output.slice(-2000)).toBe(true);
    expect(existsSync(join(site.dir, 'dist/en/news/short-lived/index.html'))).toBe(true);
    expect(page('sitemap.xml')).toContain('/en/news/short-lived/');
    expect(page('en/news/rss.xml')).toContain('/en/news/short-lived/');
    expect((await site.searchIndex()).ok).toBe(true);
    expect(indexedText('en')).toContain('zanzibarite');

    rmSync(join(site.dir, 'content/news/en/short-lived.mdx'));
    const removed = await site.build();
    expect(removed.ok, removed.output.slice(-2000)).toBe(true);
    expect(removed.output).toMatch(/removed \d+ file\(s\) of earlier builds that this build did not produce: .*en\/news\/short-lived\/index\.html/);
    expect(existsSync(join(site.dir, 'dist/en/news/short-lived'))).toBe(false);
    expect(page('en/news/index.html')).not.toContain('short-lived');
    expect(page('sitemap.xml')).not.toContain('short-lived');
    expect(page('en/news/rss.xml')).not.toContain('short-lived');
    // Everything else is still there.
    expect(existsSync(join(site.dir, 'dist/en/news/beijing-delegation-visits-bergamo/index.html'))).toBe(true);
    expect(existsSync(join(site.dir, 'dist/favicon.svg'))).toBe(true);
    const index = await site.searchIndex();
    expect(index.ok, index.output).toBe(true);
    expect(indexLine(index.output)).toMatch(/kept the index of it .*zh /);
    expect(indexedText('en')).not.toContain('zanzibarite');
  }, 240_000);

  it('renders every entry page again when the menus change', async () => {
    edit('content/pages/en/contact.mdx', /^title: .*$/m, 'title: "Write to us"');
    const result = await site.build();
    expect(result.ok, result.output.slice(-2000)).toBe(true);
    expect([...restored(result.output)]).toEqual([]);
    expect(page('en/news/beijing-delegation-visits-bergamo/index.html')).toContain('Write to us');
  }, 120_000);

  it('renders a call page again when its status changes with the time of the build', async () => {
    // No calls in this copy's content: add one whose deadline falls between two builds.
    site.write(
      'content/calls/en/closing-call.mdx',
      '---\ntitle: "A call that closes"\nsummary: "Fixture."\ndate: 2026-11-01\ndeadline: "2026-11-21T12:00"\ntimezone: Europe/Rome\nfunder: "CITTC"\ncategory: funding\n---\n\nText.\n',
    );
    const before = await site.build({ BUILD_TIME: '2026-11-21T09:00:00Z' });
    expect(before.ok, before.output.slice(-2000)).toBe(true);
    const open = page('en/calls/closing-call/index.html');
    const after = await site.build({ BUILD_TIME: '2026-11-21T13:00:00Z' });
    expect(rendered(after.output)).toContain('/en/calls/closing-call/index.html');
    expect(restored(after.output)).toContain('/en/news/beijing-delegation-visits-bergamo/index.html');
    expect(page('en/calls/closing-call/index.html')).not.toBe(open);
    expect(page('en/calls/closing-call/index.html')).toMatch(/class="status status-closed"/);
  }, 180_000);

  it('after a commit, renders again only the calendar files of the entries it changed', async () => {
    // As in production, where every CMS save is a commit: the copy becomes a Git checkout.
    const event = (title: string) =>
      `---\ntitle: "${title}"\nsummary: "Fixture."\nstart: "2027-03-10T09:30"\ntimezone: Europe/Rome\ntype: workshop\ncountry: IT\ncity: "Milan"\n---\n\nText.\n`;
    site.write('content/events/en/kept-event.mdx', event('An event nobody edits'));
    site.write('content/events/en/edited-event.mdx', event('An event an editor changes'));
    await commitAll(site.dir, 'Two events', new Date('2026-11-02T08:00:00Z'));
    const first = await site.build();
    expect(first.ok, first.output.slice(-2000)).toBe(true);

    edit('content/events/en/edited-event.mdx', 'Text.', 'Text, changed.');
    // Built before it is committed: the file's last commit is still the first one.
    const uncommitted = await site.build();
    expect(uncommitted.ok, uncommitted.output.slice(-2000)).toBe(true);
    expect(page('en/events/edited-event.ics')).toContain('\r\nDTSTAMP:20261102T080000Z\r\n');
    // Committed, same text: only the DTSTAMP of its calendar changes, and its key with it.
    // Calendar files are written from one route (src/build/calendar-files.ts): it is rendered
    // again, and of its files only the one whose text changed is written.
    const writtenAt = (path: string) => statSync(join(site.dir, 'dist', path)).mtimeMs;
    const keptAt = writtenAt('en/events/kept-event.ics');
    const editedAt = writtenAt('en/events/edited-event.ics');
    await commitAll(site.dir, 'Edit one event', new Date('2026-11-19T16:45:00Z'));
    const second = await site.build();
    expect(second.ok, second.output.slice(-2000)).toBe(true);
    expect(renderedFiles(second.output)).toContain('/calendar-files.json');
    // Three: the event is in English, and the Italian and Chinese sites show it as a fallback.
    expect(second.output).toMatch(/\b\d+ calendar files, 3 written/);
    expect(writtenAt('en/events/kept-event.ics')).toBe(keptAt);
    expect(writtenAt('en/events/edited-event.ics')).toBeGreaterThan(editedAt);
    // The JSON the files come from is not part of the site.
    expect(existsSync(join(site.dir, 'dist/calendar-files.json'))).toBe(false);
    // The commit moved the time of the last commit: the pages, its own included, are reused.
    expect(restored(second.output)).toContain('/en/news/beijing-delegation-visits-bergamo/index.html');
    expect(restored(second.output)).toContain('/en/events/edited-event/index.html');
    // DTSTAMP: when each event was last revised (RFC 5545, 3.8.7.2).
    expect(page('en/events/kept-event.ics')).toContain('\r\nDTSTAMP:20261102T080000Z\r\n');
    expect(page('en/events/edited-event.ics')).toContain('\r\nDTSTAMP:20261119T164500Z\r\n');
    expect(page('en/events/calendar.ics')).toContain('\r\nDTSTAMP:20261119T164500Z\r\n');

    // A build that changed no calendar reuses the route and writes no calendar file.
    const third = await site.build();
    expect(third.ok, third.output.slice(-2000)).toBe(true);
    expect(reusedFiles(third.output)).toContain('/calendar-files.json');
    expect(third.output).toMatch(/\b\d+ calendar files, 0 written/);
    expect(page('en/events/kept-event.ics')).toContain('BEGIN:VCALENDAR');

    // A deleted event's calendar file goes with its page.
    rmSync(join(site.dir, 'content/events/en/kept-event.mdx'));
    const fourth = await site.build();
    expect(fourth.ok, fourth.output.slice(-2000)).toBe(true);
    expect(existsSync(join(site.dir, 'dist/en/events/kept-event.ics'))).toBe(false);
    expect(existsSync(join(site.dir, 'dist/en/events/kept-event/index.html'))).toBe(false);
    expect(page('en/events/edited-event.ics')).toContain('\r\nDTSTAMP:20261119T164500Z\r\n');
  }, 360_000);

  it('makes the images again when only the image cache was lost, instead of stopping', async () => {
    // Astro 7.3.5 fails when images must be made but every page that uses them is reused
    // (src/build/image-cache-guard.ts): here, the cache of made images is deleted, and
    // the images in dist/ with it.
    const images = join(site.dir, 'node_modules/.astro/assets');
    rmSync(images, { recursive: true, force: true });
    const made = join(site.dir, 'dist/_astro');
    for (const name of readdirSync(made)) if (/\.(?:avif|webp|jpe?g|png)$/.test(name)) rmSync(join(made, name));
    const result = await site.build();
    expect(result.ok, result.output.slice(-2000)).toBe(true);
    expect(result.output).toContain('the image cache is gone');
    const cover = /<img[^>]+src="(\/_astro\/[^"]+)"/.exec(page('en/news/naples-forum-2026-report/index.html'))?.[1];
    expect(cover).toBeDefined();
    expect(existsSync(join(site.dir, 'dist', cover!))).toBe(true);
    expect(readdirSync(images).length).toBeGreaterThan(0);
    expect(publishedUploads()).toEqual([]);
  }, 180_000);
});
