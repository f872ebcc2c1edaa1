import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll } from '../../scripts/bench/workspace.mjs';
import { copySite, type SiteCopy } from '../support/site-copy';

/*
 * An incremental rebuild must publish exactly what a clean build of the same commit publishes:
 * the same files, byte for byte, search index (dist/pagefind/) included. A copy of the whole
 * sample site goes through a series of edits, each committed as the CMS commits a save; after
 * each, the site is rebuilt incrementally (dist/ and Astro's caches kept from the step before)
 * and then built again from nothing, and the two outputs are compared. A page the incremental
 * build reused though it should have changed, a file it left behind or forgot, shows up here
 * by name, with the first line that differs.
 *
 * The clean build runs in the same copy, at the same commit and with the same BUILD_TIME: the
 * incremental output and caches are moved aside, the clean one is made and compared, then
 * thrown away and the incremental ones put back for the next step.
 *
 * One cache is kept for the clean build: the CMS admin bundle (node_modules/.astro/admin/,
 * src/build/admin-bundle.ts). Its folder is named by a hash of everything it is built from
 * (cms/, src/, the lockfile) and none of these changes in this test, which changes content and
 * the time of the build only; the bundle reads no content. Both builds copy that same folder
 * into dist/admin/, and dist/admin/ is still compared. Building it again would only prove that
 * the bundle's own build is deterministic, which is not what this test is about, and would cost
 * a Vite build of Decap CMS per step.
 */

let site: SiteCopy;
/** Where the incremental output and caches wait while the clean build runs (outside the copy, same file system). */
let aside: string;
/** Commits are an hour apart, so that each changed file has its own last-commit time (DTSTAMP). */
let commitClock = new Date('2026-11-02T08:00:00Z').getTime();
/** BUILD_TIME of the builds; moved forward by the deadline step and kept after it. */
let buildTime = '2026-11-20T10:00:00Z';

/** Files that differ between an incremental and a clean build for a reason, none so far. */
const EXPLAINED_DIFFERENCES: { path: RegExp; reason: string }[] = [];

/** At most this many files of each kind (differing, missing, extra) are named in a failure. */
const SHOWN = 15;

const file = (path: string) => join(site.dir, path);
const page = (path: string) => readFileSync(file(join('dist', path)), 'utf8');
const has = (path: string) => existsSync(file(join('dist', path)));
const edit = (path: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file(path), 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${path} contains ${from}`).not.toBe(text);
  writeFileSync(file(path), changed);
};
/** The text of a language's search index: its fragments, Pagefind's gzip'd JSON of each page. */
const indexedText = (locale: string) => {
  const folder = file(`dist/pagefind/${locale}/fragment`);
  return readdirSync(folder)
    .map((name) => gunzipSync(readFileSync(join(folder, name))).toString('utf8'))
    .join('\n');
};

/** Every file under dir, as paths relative to it with "/", sorted. */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();
}

/** Text of a file for showing a difference: gunzipped when it is gzip (Pagefind's files). */
function readable(bytes: Buffer): { text: string; binary: boolean } {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
    } catch {
      // Shown as it is.
    }
  }
  const text = data.toString('utf8');
  return { text, binary: text.includes('\uFFFD') || text.includes('\0') };
}

/** Where two versions of a file first differ: the line, both sides, cut around the difference. */
function firstDifference(a: Buffer, b: Buffer): string {
  const [x, y] = [readable(a), readable(b)];
  if (x.binary || y.binary) {
    let at = 0;
    while (at < a.length && at < b.length && a[at] === b[at]) at++;
    return `binary, ${a.length} vs ${b.length} bytes, first differing byte at ${at}`;
  }
  const [xl, yl] = [x.text.split('\n'), y.text.split('\n')];
  let line = 0;
  while (line < xl.length && line < yl.length && xl[line] === yl[line]) line++;
  const [p, q] = [xl[line] ?? '<end of file>', yl[line] ?? '<end of file>'];
  let col = 0;
  while (col < p.length && col < q.length && p[col] === q[col]) col++;
  const cut = (s: string) => (col > 60 ? '…' : '') + s.slice(Math.max(0, col - 60), col + 100) + (s.length > col + 100 ? '…' : '');
  return `line ${line + 1}:\n      incremental: ${cut(p)}\n      clean:       ${cut(q)}`;
}

/** The differences between the incremental output and the clean one, as a report ('' when none). */
function compareTrees(incremental: string, clean: string): string {
  const [a, b] = [filesOf(incremental), filesOf(clean)];
  const explained = (path: string) => EXPLAINED_DIFFERENCES.some((d) => d.path.test(path));
  const inA = new Set(a);
  const inB = new Set(b);
  const extra = a.filter((p) => !inB.has(p) && !explained(p));
  const missing = b.filter((p) => !inA.has(p) && !explained(p));
  const differing: string[] = [];
  for (const path of a) {
    if (!inB.has(path) || explained(path)) continue;
    const [x, y] = [readFileSync(join(incremental, path)), readFileSync(join(clean, path))];
    if (!x.equals(y)) differing.push(`  ${path}: ${firstDifference(x, y)}`);
  }
  const list = (title: string, items: string[]) =>
    items.length === 0 ? [] : [`${items.length} ${title}:`, ...items.slice(0, SHOWN).map((s) => (s.startsWith('  ') ? s : `  ${s}`)), ...(items.length > SHOWN ? [`  … and ${items.length - SHOWN} more`] : [])];
  return [
    ...list('file(s) differ (incremental vs clean)', differing),
    ...list('file(s) only in the clean build (missing from the incremental one)', missing),
    ...list('file(s) only in the incremental build (left over or extra)', extra),
  ].join('\n');
}

/** The copy's caches: what node_modules holds beside the links to the packages (.astro, .vite…). */
const cacheEntries = () => readdirSync(file('node_modules'), { withFileTypes: true }).filter((d) => !d.isSymbolicLink());

/** An incremental build and its search index, at the current commit and build time. */
async function buildIncrementally(): Promise<string> {
  const built = await site.build({ BUILD_TIME: buildTime });
  expect(built.ok, built.output.slice(-3000)).toBe(true);
  const index = await site.searchIndex();
  expect(index.ok, index.output.slice(-3000)).toBe(true);
  return built.output;
}

/**
 * Builds the same commit from nothing (empty dist/, no caches but the admin bundle's), compares
 * it with the incremental output, then puts the incremental output and caches back.
 */
async function expectSameAsCleanBuild(step: string): Promise<void> {
  const incrementalDist = join(aside, 'dist');
  const incrementalCaches = join(aside, 'node_modules');
  renameSync(file('dist'), incrementalDist);
  rmSync(incrementalCaches, { recursive: true, force: true });
  mkdirSync(incrementalCaches);
  for (const entry of cacheEntries()) renameSync(file(`node_modules/${entry.name}`), join(incrementalCaches, entry.name));
  try {
    const admin = join(incrementalCaches, '.astro/admin');
    if (existsSync(admin)) cpSync(admin, file('node_modules/.astro/admin'), { recursive: true });
    const built = await site.build({ BUILD_TIME: buildTime });
    expect(built.ok, `clean build after "${step}":\n${built.output.slice(-3000)}`).toBe(true);
    expect(built.output, 'the clean build reuses the admin bundle, and nothing else').toMatch(/reused the CMS admin bundle/);
    const index = await site.searchIndex();
    expect(index.ok, index.output.slice(-3000)).toBe(true);
    const report = compareTrees(incrementalDist, file('dist'));
    expect(report, `after "${step}", the incremental build differs from a clean build of the same commit:\n${report}\n`).toBe('');
  } finally {
    rmSync(file('dist'), { recursive: true, force: true });
    for (const entry of cacheEntries()) rmSync(file(`node_modules/${entry.name}`), { recursive: true, force: true });
    renameSync(incrementalDist, file('dist'));
    for (const name of readdirSync(incrementalCaches)) renameSync(join(incrementalCaches, name), file(`node_modules/${name}`));
  }
}

/** Commits the copy's changes, rebuilds it incrementally and returns the build's log. */
async function commitAndRebuild(message: string): Promise<string> {
  commitClock += 3_600_000;
  await commitAll(site.dir, message, new Date(commitClock));
  return buildIncrementally();
}

beforeAll(async () => {
  const content = resolve(import.meta.dirname, '../../content');
  site = await copySite(readdirSync(content, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name));
  aside = mkdtempSync(join(tmpdir(), 'cittc-incremental-aside-'));
  // Same file system as the copy (both under the temp folder): moving aside is a rename.
  await commitAll(site.dir, 'The sample site', new Date(commitClock));
  const output = await buildIncrementally();
  expect(output).toMatch(/built the CMS admin bundle/);
  // The clean builds keep the admin bundle's cache (see above): it is named by its sources' hash.
  expect(readdirSync(file('node_modules/.astro/admin'))).toHaveLength(1);
}, 300_000);

afterAll(async () => {
  await site?.remove();
  if (aside) rmSync(aside, { recursive: true, force: true });
});

// Each step builds on the one before (same copy, same dist/ and caches): they run in order.
describe('an incremental rebuild publishes what a clean build of the same commit does', () => {
  it('1. after a body edit', async () => {
    edit('content/calls/en/joint-research-projects-2027.mdx', /\n\n([A-Z])/, '\n\nA BODY EDIT: quokkaline.\n\n$1');
    await commitAndRebuild('Body edit');
    expect(page('en/calls/joint-research-projects-2027/index.html')).toContain('A BODY EDIT: quokkaline.');
    expect(indexedText('en')).toContain('quokkaline');
    await expectSameAsCleanBuild('a body edit');
  }, 300_000);

  it('2. after a title edit shown on lists and on the home page', async () => {
    const before = page('en/index.html');
    expect(before, 'the entry is on the English home page').toContain('/en/news/programme-2027-preview/');
    edit('content/news/en/programme-2027-preview.mdx', /^title: .*$/m, 'title: "A new title for the 2027 preview"');
    await commitAndRebuild('Title edit');
    expect(page('en/index.html')).toContain('A new title for the 2027 preview');
    expect(page('en/news/index.html')).toContain('A new title for the 2027 preview');
    expect(page('en/news/rss.xml')).toContain('A new title for the 2027 preview');
    await expectSameAsCleanBuild('a title edit');
  }, 300_000);

  it('3. after a new entry', async () => {
    site.write(
      'content/news/it/nuova-notizia.mdx',
      '---\ntitle: "Una notizia appena pubblicata"\nsummary: "Voce di prova."\ndate: 2026-11-19\ntags: [servizi]\ntopics: [ip]\n---\n\nUna parola che c\'è solo qui: zibellinoide.\n\n' +
        // An image of the body: step 8 replaces its file.
        '<Figure src="../../media/laboratory-bergamo.jpg" alt="Un laboratorio" caption="Bergamo" />\n',
    );
    await commitAndRebuild('New entry');
    expect(has('it/news/nuova-notizia/index.html')).toBe(true);
    expect(page('it/index.html')).toContain('Una notizia appena pubblicata');
    expect(page('sitemap.xml')).toContain('/it/news/nuova-notizia/');
    expect(page('it/news/rss.xml')).toContain('/it/news/nuova-notizia/');
    expect(indexedText('it')).toContain('zibellinoide');
    await expectSameAsCleanBuild('a new entry');
  }, 300_000);

  it('4. after a deleted entry', async () => {
    const slug = 'ai-robotics-workshop-milan-2027';
    expect(has(`en/events/${slug}/index.html`)).toBe(true);
    expect(has(`en/events/${slug}.ics`)).toBe(true);
    expect(page('sitemap.xml')).toContain(`/en/events/${slug}/`);
    const record = `"url":"/en/events/${slug}/"`;
    expect(indexedText('en')).toContain(record);
    for (const locale of ['en', 'it', 'zh']) rmSync(file(`content/events/${locale}/${slug}.mdx`), { force: true });
    await commitAndRebuild('Deleted entry');
    for (const locale of ['en', 'it', 'zh']) {
      expect(has(`${locale}/events/${slug}/index.html`)).toBe(false);
      expect(has(`${locale}/events/${slug}.ics`)).toBe(false);
      expect(page(`${locale}/events/rss.xml`)).not.toContain(`/events/${slug}/`);
      expect(page(`${locale}/events/calendar.ics`)).not.toContain(slug);
    }
    expect(page('sitemap.xml')).not.toContain(slug);
    expect(indexedText('en')).not.toContain(record);
    await expectSameAsCleanBuild('a deleted entry');
  }, 300_000);

  it('5. after a translation added', async () => {
    const slug = 'ip-helpdesk-launched';
    expect(existsSync(file(`content/news/en/${slug}.mdx`))).toBe(false);
    expect(page(`en/news/${slug}/index.html`), 'a fallback page in English before').toContain('Nasce lo sportello');
    site.write(
      `content/news/en/${slug}.mdx`,
      '---\ntitle: "An intellectual property helpdesk between Italy and China opens"\nsummary: "First advice for universities and companies."\ndate: 2026-09-15\ntags: [services]\ntopics: [ip]\n---\n\nThe Centre opens a helpdesk on intellectual property: wombatine.\n',
    );
    await commitAndRebuild('Translation added');
    expect(page(`en/news/${slug}/index.html`)).toContain('An intellectual property helpdesk between Italy and China opens');
    expect(page(`en/news/${slug}/index.html`)).not.toContain('Nasce lo sportello');
    expect(indexedText('en')).toContain('wombatine');
    await expectSameAsCleanBuild('a translation added');
  }, 300_000);

  it('6. after a vocabulary label changed', async () => {
    const entry = 'en/news/naples-forum-2026-report/index.html';
    expect(page(entry)).toContain('>Energy<');
    edit('content/topics/energy.yml', /^en: .*$/m, 'en: Energy and power');
    await commitAndRebuild('Vocabulary label');
    expect(page(entry)).toContain('Energy and power');
    await expectSameAsCleanBuild('a vocabulary label changed');
  }, 300_000);

  it('7. after a deadline passed (only the time of the build moves)', async () => {
    // The call closes at 2026-12-04T23:59 in Asia/Shanghai, 15:59 UTC.
    const call = 'en/calls/green-tech-pilot-vouchers/index.html';
    expect(page('en/index.html'), 'an open call on the home page').toContain('/en/calls/green-tech-pilot-vouchers/');
    expect(page(call)).not.toMatch(/class="status status-closed"/);
    buildTime = '2026-12-05T10:00:00Z';
    await buildIncrementally();
    expect(page(call)).toMatch(/class="status status-closed"/);
    expect(page('en/index.html')).not.toContain('/en/calls/green-tech-pilot-vouchers/');
    await expectSameAsCleanBuild('a deadline passed');
  }, 300_000);

  it('8. after an image replaced (same name, other bytes)', async () => {
    // A cover, on its entry's pages and cards, and an image in the body of the entry of step 3.
    const pages = ['en/news/technology-platform-online/index.html', 'it/news/nuova-notizia/index.html'];
    const images = (path: string) => [...page(path).matchAll(/\/_astro\/laboratory-bergamo\.[^\s",]+/g)].map((m) => m[0]).sort();
    const before = pages.map(images);
    for (const list of before) expect(list.length).toBeGreaterThan(0);
    // Another upload of the sample (other bytes and size), made unlike any file of the site by a
    // JPEG comment segment after its start marker: identical bytes would be emitted once, under
    // the other upload's name.
    const other = readFileSync(file('content/media/beijing-skyline.jpg'));
    const comment = Buffer.from('replaced upload');
    const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
    writeFileSync(file('content/media/laboratory-bergamo.jpg'), Buffer.concat([other.subarray(0, 2), segment, other.subarray(2)]));
    await commitAndRebuild('Image replaced');
    for (const [i, path] of pages.entries()) {
      const after = images(path);
      expect(after.length, path).toBeGreaterThan(0);
      expect(after, `${path} shows the new image`).not.toEqual(before[i]);
      expect(after.filter((image) => !has(image))).toEqual([]);
    }
    await expectSameAsCleanBuild('an image replaced');
  }, 300_000);
});
