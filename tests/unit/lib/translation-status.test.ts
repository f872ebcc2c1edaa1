import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDay, changesText, contentPath, holdsText, reverseApply, simpleValue, UNSURE } from '../../../src/lib/translation-status';
import { zoned } from '../../../src/lib/time';
import { parsePatch } from '../../../src/history/git-history';
import { translationReport, translationStatuses, type EntryReport } from '../../../src/history/translation-report';
import { gitFixture, type GitFixture } from '../../support/git-fixture';

/*
 * The translation status read from real Git histories: fixture repositories built by the
 * tests, with commits at set dates.
 */

const call = (o: { title: string; summary?: string; deadline?: string; topics?: string; body?: string; extra?: string }) =>
  [
    '---',
    `title: "${o.title}"`,
    `summary: "${o.summary ?? 'Sommario.'}"`,
    'date: 2026-10-12',
    `deadline: "${o.deadline ?? '2026-12-04T23:59'}"`,
    'timezone: Europe/Rome',
    'category: funding',
    'funder: "CITTC"',
    ...(o.topics !== undefined ? [o.topics] : []),
    ...(o.extra ? [o.extra] : []),
    '---',
    '',
    o.body ?? 'Il bando finanzia progetti pilota.',
    '',
  ].join('\n');

let repo: GitFixture | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** A repository with one call in three languages, all committed on 1 November. */
function threeLanguages(): GitFixture {
  repo = gitFixture();
  repo.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes\n  - funding' }));
  repo.write('content/calls/zh/vouchers.mdx', call({ title: '创新券', topics: 'topics:\n  - smes\n  - funding', body: '资助试点项目。' }));
  repo.write('content/calls/en/vouchers.mdx', call({ title: 'Vouchers', topics: 'topics:\n  - smes\n  - funding', body: 'The call funds pilots.' }));
  repo.commit('Vouchers in three languages', '2026-11-01T10:00:00Z');
  return repo;
}

async function statusOf(dir: string, slug = 'vouchers', collection = 'calls'): Promise<EntryReport['locales']> {
  const { entries } = await translationStatuses({ root: dir, cacheDir: false, warn: () => {} });
  const entry = entries.find((e) => e.slug === slug && e.collection === collection);
  if (!entry) throw new Error(`no entry ${collection}/${slug} in ${JSON.stringify(entries)}`);
  return entry.locales;
}

const only = (locales: EntryReport['locales']) => Object.fromEntries(Object.entries(locales).map(([l, s]) => [l, s.status]));

describe('translation status from the Git history', () => {
  it('is up to date when every language was written together, missing where a language has no file', async () => {
    const r = gitFixture();
    repo = r;
    r.write('content/news/it/solo.mdx', '---\ntitle: Solo\nsummary: Solo italiano.\ndate: 2026-11-02\n---\n\nTesto.\n');
    r.commit('One news item in Italian', '2026-11-01T10:00:00Z');
    expect(only(await statusOf(r.dir, 'solo', 'news'))).toEqual({ it: 'up-to-date', zh: 'missing', en: 'missing' });
  });

  it('makes the other languages outdated when the text of one changes, naming it and the date', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes\n  - funding', body: 'Il bando finanzia progetti pilota di nove mesi.' }));
    r.commit('Longer projects', '2026-12-03T09:30:00Z');
    const s = await statusOf(r.dir);
    expect(s.it).toMatchObject({ status: 'up-to-date', updated: '2026-12-03T09:30:00.000Z' });
    expect(s.zh).toMatchObject({ status: 'outdated', newer: ['it'], since: '2026-12-03T09:30:00.000Z', updated: '2026-11-01T10:00:00.000Z' });
    expect(s.en).toMatchObject({ status: 'outdated', newer: ['it'], since: '2026-12-03T09:30:00.000Z' });
  });

  it('takes any language as the source: a change of the Chinese text outdates Italian and English', async () => {
    const r = threeLanguages();
    r.write('content/calls/zh/vouchers.mdx', call({ title: '绿色技术创新券', topics: 'topics:\n  - smes\n  - funding', body: '资助试点项目。' }));
    r.commit('Chinese title', '2026-12-01T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'outdated', zh: 'up-to-date', en: 'outdated' });
    expect((await statusOf(r.dir)).it.newer).toEqual(['zh']);
  });

  it('brings a translation up to date when it follows the change, without outdating the source', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher verdi', topics: 'topics:\n  - smes\n  - funding' }));
    r.commit('Italian title', '2026-12-01T08:00:00Z');
    r.write('content/calls/zh/vouchers.mdx', call({ title: '绿色创新券', topics: 'topics:\n  - smes\n  - funding', body: '资助试点项目。' }));
    r.commit('Chinese follows', '2026-12-02T08:00:00Z');
    const s = await statusOf(r.dir);
    expect(only(s)).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'outdated' });
    // English lacks the change Italian made on 1 December; Chinese, which followed it, holds it too.
    expect(s.en).toMatchObject({ newer: ['it', 'zh'], since: '2026-12-01T08:00:00.000Z' });
  });

  it('ignores a commit marked [minor]: a typo fix outdates nothing', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes\n  - funding', body: 'Il bando finanzia progeti pilota.' }));
    r.commit('Typo [minor]', '2026-12-01T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'up-to-date' });
    // The same change without the marker does.
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes\n  - funding', body: 'Il bando finanzia progetti pilota.' }));
    r.commit('Typo', '2026-12-02T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'outdated', en: 'outdated' });
  });

  it('does not outdate translations when fields copied across languages change (dates, topics, a multi-line list)', async () => {
    const r = threeLanguages();
    // A hand edit of the Italian file only: a date, a new line, an item in the middle of a list.
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', deadline: '2027-01-20T12:00', topics: 'topics:\n  - smes\n  - energy\n  - funding', extra: 'opens: 2026-12-10' }));
    r.commit('Deadline moved, a topic added', '2026-12-01T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'up-to-date' });
    // As the CMS saves: the copied fields written into every language.
    for (const [l, title, body] of [
      ['it', 'Voucher', 'Il bando finanzia progetti pilota.'],
      ['zh', '创新券', '资助试点项目。'],
      ['en', 'Vouchers', 'The call funds pilots.'],
    ] as const) {
      r.write(`content/calls/${l}/vouchers.mdx`, call({ title, body, deadline: '2027-01-15T12:00', topics: 'topics:\n  - energy\n  - funding' }));
    }
    r.commit('New deadline, a topic less, in every language', '2026-12-02T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'up-to-date' });
  });

  it('keeps a translation outdated when the CMS rewrites every language in its own way without changing a value', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes\n  - funding', body: 'Nuovo testo.' }));
    r.commit('Italian text', '2026-12-01T08:00:00Z');
    // As Decap saves an entry: every language written again, quotes dropped, empty fields added.
    for (const [l, title, body] of [
      ['it', 'Voucher', 'Nuovo testo.'],
      ['zh', '创新券', '资助试点项目。'],
      ['en', 'Vouchers', 'The call funds pilots.'],
    ] as const) {
      const text = call({ title, body, topics: 'topics:\n  - smes\n  - funding', extra: 'draft: null\ncover: null' });
      r.write(`content/calls/${l}/vouchers.mdx`, text.replace(`title: "${title}"`, `title: ${title}`).replace('summary: "Sommario."', 'summary: Sommario.'));
    }
    r.commit('Update Call “vouchers”', '2026-12-02T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'outdated', en: 'outdated' });
  });

  it('outdates translations when a translated field changes, even inside a multi-line value', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes\n  - funding', extra: 'tags:\n  - verde\n  - pmi' }));
    r.commit('Tags', '2026-12-01T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'outdated', en: 'outdated' });
  });

  it('outdates translations when the summary changes', async () => {
    const r = threeLanguages();
    r.write('content/calls/en/vouchers.mdx', call({ title: 'Vouchers', summary: 'Up to 20,000 euros.', topics: 'topics:\n  - smes\n  - funding', body: 'The call funds pilots.' }));
    r.commit('English summary', '2026-12-01T08:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'outdated', zh: 'outdated', en: 'up-to-date' });
  });

  it('keeps the history of a renamed file', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes\n  - funding', body: 'Nuovo testo del bando.' }));
    r.commit('Italian text', '2026-12-01T08:00:00Z');
    for (const l of ['it', 'zh', 'en']) r.move(`content/calls/${l}/vouchers.mdx`, `content/calls/${l}/green-vouchers.mdx`);
    r.commit('New slug', '2026-12-02T08:00:00Z');
    const s = await statusOf(r.dir, 'green-vouchers');
    expect(only(s)).toEqual({ it: 'up-to-date', zh: 'outdated', en: 'outdated' });
    expect(s.zh.since).toBe('2026-12-01T08:00:00.000Z');
    expect(s.it.updated).toBe('2026-12-01T08:00:00.000Z');
  });

  it('starts the history of a language added later then, without outdating the others', async () => {
    const r = gitFixture();
    repo = r;
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher' }));
    r.commit('Italian', '2026-11-01T10:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'missing', en: 'missing' });
    r.write('content/calls/zh/vouchers.mdx', call({ title: '创新券', body: '资助试点项目。' }));
    r.commit('Chinese translation', '2026-11-20T10:00:00Z');
    const s = await statusOf(r.dir);
    expect(only(s)).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'missing' });
    expect(s.zh.updated).toBe('2026-11-20T10:00:00.000Z');
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher verdi' }));
    r.commit('Italian title', '2026-11-25T10:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'outdated', en: 'missing' });
  });

  it('counts a Decap placeholder as missing, and its translation later as an arrival', async () => {
    const r = gitFixture();
    repo = r;
    const placeholder = '---\ndate: 2026-10-12\ndeadline: "2026-12-04T23:59"\ntimezone: Europe/Rome\ncategory: funding\ntopics:\n  - smes\n---\n';
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher', topics: 'topics:\n  - smes' }));
    r.write('content/calls/zh/vouchers.mdx', placeholder);
    r.commit('Italian, with the Chinese placeholder the CMS writes', '2026-11-01T10:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'missing', en: 'missing' });
    r.write('content/calls/zh/vouchers.mdx', call({ title: '创新券', topics: 'topics:\n  - smes', body: '资助试点项目。' }));
    r.commit('Chinese translation', '2026-11-20T10:00:00Z');
    expect(only(await statusOf(r.dir))).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'missing' });
  });

  it('counts changes not yet committed at the file’s time, and a file never committed as added then', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher (modificato)', topics: 'topics:\n  - smes\n  - funding' }));
    r.touch('content/calls/it/vouchers.mdx', '2026-12-05T10:00:00Z');
    r.write('content/calls/it/new-call.mdx', call({ title: 'Nuovo' }));
    r.touch('content/calls/it/new-call.mdx', '2026-12-06T10:00:00Z');
    const s = await statusOf(r.dir);
    expect(only(s)).toEqual({ it: 'up-to-date', zh: 'outdated', en: 'outdated' });
    expect(s.zh.since).toBe('2026-12-05T10:00:00.000Z');
    expect(await statusOf(r.dir, 'new-call')).toMatchObject({ it: { status: 'up-to-date', updated: '2026-12-06T10:00:00.000Z' } });
  });

  it('gives "unknown" and a warning in a shallow clone, where the oldest commit seems to write every file', async () => {
    const r = threeLanguages();
    r.write('content/calls/it/vouchers.mdx', call({ title: 'Voucher verdi', topics: 'topics:\n  - smes\n  - funding' }));
    r.commit('Italian title', '2026-12-01T08:00:00Z');
    const clone = mkdtempSync(join(tmpdir(), 'cittc-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${r.dir}`, clone], { stdio: 'ignore' });
      const warnings: string[] = [];
      const result = await translationStatuses({ root: clone, cacheDir: false, warn: (w) => warnings.push(w) });
      expect(warnings.join('\n')).toMatch(/shallow clone.*git fetch --unshallow/);
      expect(result.warning).toMatch(/shallow/);
      expect(only(result.entries[0]!.locales)).toEqual({ it: 'unknown', zh: 'unknown', en: 'unknown' });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('gives "unknown" and a warning without a Git repository, and without git installed', async () => {
    const r = threeLanguages();
    rmSync(join(r.dir, '.git'), { recursive: true, force: true });
    const warnings: string[] = [];
    const result = await translationStatuses({ root: r.dir, cacheDir: false, warn: (w) => warnings.push(w) });
    expect(warnings.join('\n')).toMatch(/not in a Git repository/);
    expect(only(result.entries[0]!.locales)).toEqual({ it: 'unknown', zh: 'unknown', en: 'unknown' });

    const path = process.env.PATH;
    process.env.PATH = join(r.dir, 'no-such-folder');
    try {
      const without = await translationStatuses({ root: r.dir, cacheDir: false, warn: (w) => warnings.push(w) });
      expect(without.warning).toMatch(/git is not installed/);
      expect(only(without.entries[0]!.locales)).toEqual({ it: 'unknown', zh: 'unknown', en: 'unknown' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('keeps what it read per commit and extends it with the commits since, with the same result as a full read', async () => {
    const r = threeLanguages();
    const cacheDir = join(r.dir, 'cache');
    const first = await translationStatuses({ root: r.dir, cacheDir, warn: () => {} });
    expect(only(first.entries[0]!.locales)).toEqual({ it: 'up-to-date', zh: 'up-to-date', en: 'up-to-date' });
    const commits = () => readdirSync(cacheDir).filter((n) => /^[0-9a-f]{40}\.json$/.test(n));
    expect(commits()).toEqual([`${first.commit}.json`]);
    r.write('content/calls/en/vouchers.mdx', call({ title: 'Green vouchers', topics: 'topics:\n  - smes\n  - funding', body: 'The call funds pilots.' }));
    r.commit('English title', '2026-12-01T08:00:00Z');
    for (const l of ['it', 'zh', 'en']) r.move(`content/calls/${l}/vouchers.mdx`, `content/calls/${l}/green-vouchers.mdx`);
    r.commit('New slug', '2026-12-02T08:00:00Z');
    const extended = await translationStatuses({ root: r.dir, cacheDir, warn: () => {} });
    const full = await translationStatuses({ root: r.dir, cacheDir: false, warn: () => {} });
    expect(extended.entries).toEqual(full.entries);
    expect(only(extended.entries[0]!.locales)).toEqual({ it: 'outdated', zh: 'outdated', en: 'up-to-date' });
    expect(commits().sort()).toEqual([`${first.commit}.json`, `${extended.commit}.json`].sort());
  });
});

describe('the rest of the report', () => {
  it('names terms without a label, UI strings missing from a dictionary, and sectors or topics that name no term', async () => {
    const r = gitFixture();
    repo = r;
    r.write('content/topics/ai.yml', 'key: ai\nit: Intelligenza artificiale\nzh: 人工智能\nen: Artificial intelligence\n');
    r.write('content/topics/energy.yml', 'key: energy\nit: Energia\nen: Energy\n');
    r.write('content/sectors/healthcare.yml', 'key: healthcare\nit: Sanità\nzh: 医疗健康\nen: Healthcare\n');
    r.write('src/i18n/ui/it.json', JSON.stringify({ 'nav.home': 'Home', 'nav.news': 'Notizie' }));
    r.write('src/i18n/ui/zh.json', JSON.stringify({ 'nav.home': '首页' }));
    r.write('src/i18n/ui/en.json', JSON.stringify({ 'nav.home': 'Home', 'nav.news': ' ' }));
    r.write('content/news/it/robots.mdx', '---\ntitle: Robot\nsummary: S.\ndate: 2026-11-02\ntopics: [ai, robotics]\n---\n\nTesto.\n');
    r.write('content/news/en/robots.mdx', '---\ntitle: Robots\nsummary: S.\ndate: 2026-11-02\ntopics:\n  - ai\n  - robotics\n---\n\nText.\n');
    r.write(
      'content/offers/it/scanner.mdx',
      '---\ntitle: Scanner\nsummary: S.\nkind: offer\nreference: IT-1\nsector: "Sanità"\ncountry: IT\ndate: 2026-11-02\n---\n\nTesto.\n',
    );
    r.write(
      'content/offers/it/drone.mdx',
      '---\ntitle: Drone\nsummary: S.\nkind: offer\nreference: IT-2\nsector: aerospace\ncountry: IT\ndate: 2026-11-02\n---\n\nTesto.\n',
    );
    r.commit('Fixture', '2026-11-01T10:00:00Z');
    const report = await translationReport({ root: r.dir, cacheDir: false, warn: () => {} });
    expect(report.vocabularyLabels).toEqual([{ vocabulary: 'topics', key: 'energy', file: 'content/topics/energy.yml', missing: ['zh'] }]);
    expect(report.uiStrings).toEqual([
      { locale: 'zh', missing: ['nav.news'], empty: [] },
      { locale: 'en', missing: [], empty: ['nav.news'] },
    ]);
    expect(report.unknownTerms).toEqual([
      { collection: 'news', slug: 'robots', field: 'topics', value: 'robotics', locales: ['it', 'en'] },
      { collection: 'offers', slug: 'drone', field: 'sector', value: 'aerospace', locales: ['it'] },
    ]);
  });
});

describe('what counts as a change of the text', () => {
  const yaml = async (source: string) => (await import('astro/markdown')).parseFrontmatter(`---\n${source}\n---\n`).frontmatter as Record<string, unknown>;
  const before = '---\ntitle: "Voucher verdi"\nsummary: "Fino a 20.000 euro per le PMI che provano una tecnologia verde."\ntags: [verde, pmi]\ndate: 2026-10-12\n---\n\nTesto.\n';

  it('is a change of a translated value or of the body, not of a copied field', async () => {
    expect(await changesText('news', before, before.replace('date: 2026-10-12', 'date: 2026-10-13'), yaml)).toBe(false);
    expect(await changesText('news', before, before.replace('verdi', 'verdi 2027'), yaml)).toBe(true);
    expect(await changesText('news', before, before.replace('[verde, pmi]', '[verde]'), yaml)).toBe(true);
    expect(await changesText('news', before, before.replace('Testo.', 'Testo nuovo.'), yaml)).toBe(true);
    // Blank lines and trailing spaces are not text.
    expect(await changesText('news', before, before.replace('Testo.', 'Testo.   \n\n'), yaml)).toBe(false);
  });

  it('is not the way the CMS writes the same values (quotes, a folded long text, lists one item a line, empty fields)', async () => {
    const rewritten =
      '---\ntitle: Voucher verdi\nsummary: Fino a 20.000 euro per le PMI che provano una\n  tecnologia verde.\ndraft: null\ntags:\n  - verde\n  - pmi\ncover: null\ndate: 2026-10-12\n---\n\nTesto.\n';
    expect(await changesText('news', before, rewritten, yaml)).toBe(false);
    // A block scalar is read by the YAML parser.
    const block = '---\ntitle: >-\n  Voucher\n  verdi\nsummary: "Fino a 20.000 euro per le PMI che provano una tecnologia verde."\ntags: [verde, pmi]\n---\n\nTesto.\n';
    expect(await changesText('news', before, block, yaml)).toBe(false);
  });

  it('reads the common forms of YAML values without a parser, and leaves the rest to it', () => {
    expect(simpleValue(['tags: ["a, b", \'c\', d]'])).toEqual(['a, b', 'c', 'd']);
    expect(simpleValue(['tags: [robotica, Università]'])).toEqual(['robotica', 'Università']);
    expect(simpleValue(['topics:', '  - ai', '  - "energy"'])).toEqual(['ai', 'energy']);
    expect(simpleValue(['summary: Una frase lunga', '  che continua.'])).toBe('Una frase lunga che continua.');
    expect(simpleValue(['title: "Il \\"forum\\""'])).toBe('Il "forum"');
    expect(simpleValue(['title: >-', '  piegato'])).toBe(UNSURE);
    expect(simpleValue(['title: a: b'])).toBe(UNSURE);
  });

  it('tells a placeholder (no translated value, no body) from a translation', async () => {
    expect(await holdsText('news', '---\ndate: 2026-01-01\ntitle: ""\ntags: []\ndraft: false\n---\n\n', yaml)).toBe(false);
    expect(await holdsText('news', before, yaml)).toBe(true);
    expect(await holdsText('news', '---\ndate: 2026-01-01\n---\n\nSolo il corpo.\n', yaml)).toBe(true);
  });

  it('rebuilds the version before a change from the one after and its zero-context hunks', () => {
    const patch = (hunks: string) => parsePatch(`diff --git a/x.mdx b/x.mdx\n--- a/x.mdx\n+++ b/x.mdx\n${hunks}`).get('x.mdx')!;
    const after = 'a\nB\nc\nd\nE\nF\n';
    const hunks = patch('@@ -2 +2 @@\n-b\n+B\n@@ -4,0 +5,2 @@\n+E\n+F\n@@ -5,2 +6,0 @@\n-g\n-h\n');
    expect(reverseApply(after, hunks)).toBe('a\nb\nc\nd\ng\nh\n');
    // Hunks that do not fit the text: not known.
    expect(reverseApply('a\nX\nc\n', hunks)).toBeUndefined();
  });
});

describe('calendarDay and contentPath', () => {
  it('gives the day zoned() of src/lib/time.ts gives, in Rome and Beijing, around midnight', () => {
    for (const instant of ['2026-03-28T23:30:00Z', '2026-10-24T22:59:59Z', '2026-12-31T16:00:00Z', '2027-01-01T00:00:00Z']) {
      for (const zone of ['Europe/Rome', 'Asia/Shanghai']) {
        expect(calendarDay(instant, zone), `${instant} in ${zone}`).toBe(zoned(new Date(instant), zone).date);
      }
    }
  });

  it('names the entry of a content file by the contract path rules, and nothing for other files', () => {
    expect(contentPath('content/news/it/visita.mdx')).toEqual({ collection: 'news', locale: 'it', slug: 'visita' });
    expect(contentPath('/site/content/calls/zh/bando-2026.md')).toEqual({ collection: 'calls', locale: 'zh', slug: 'bando-2026' });
    expect(contentPath('content/news/fr/visite.mdx'), 'not a locale of the site').toBeUndefined();
    expect(contentPath('content/news/it/Visita.mdx'), 'not a slug').toBeUndefined();
    expect(contentPath('content/media/cover.jpg')).toBeUndefined();
    expect(contentPath('content/unknown/it/x.mdx')).toBeUndefined();
  });
});
