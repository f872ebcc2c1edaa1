import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, type Locale } from '../i18n/locales.ts';
import { collectionFields, collectionNames, type CollectionName } from '../schema/collections.ts';
import { vocabularyNames, type VocabularyName } from '../schema/vocabularies.ts';
import { gitState, isAncestorOfHead, readHistory, readWorkingChanges, workingTreeStatus, type Commit } from './git-history.ts';
import { byCodePoint } from '../lib/order.ts';
import {
  applyStep,
  classifyHistory,
  contentPath,
  entryKey,
  entryStatus,
  holdsText,
  simpleScalar,
  simpleValue,
  splitText,
  UNSURE,
  type History,
  type HistoryStep,
  type LocaleStatus,
  type YamlReader,
} from '../lib/translation-status.ts';
import { Vocabulary, type Term } from '../lib/vocabulary.ts';

/*
 * The translation report of a working copy: the status of every entry in every language
 * (src/lib/translation-status.ts, from the Git history read by src/history/git-history.ts), and
 * what else lacks a language: vocabulary terms without a label, UI strings missing from a
 * dictionary, entries whose `sector` or `topics` name no term. Used by `npm run translations`,
 * the editors' page /admin/translations/ and its JSON, and the public pages' note on an
 * outdated translation.
 *
 * The history is read once per commit: what the walk knows at HEAD is kept in
 * node_modules/.astro/translation-status/<HEAD>.json; a later run whose HEAD descends from a
 * kept commit reads only the commits since (`git log <kept>..HEAD`). The working copy's own
 * changes are applied on top at every run, never kept.
 */

export interface EntryReport {
  collection: CollectionName;
  slug: string;
  /** Title (name, for partners) in each language that has one. */
  titles: Partial<Record<Locale, string>>;
  /** Some language is published (has text and is not a draft): the entry has public pages. */
  published: boolean;
  /** Languages whose file is a draft. */
  drafts: Locale[];
  locales: Record<Locale, LocaleStatus>;
}

export interface TranslationReport {
  /** The commit the history was read up to, when there is one. */
  commit?: string;
  /** Why the statuses are unknown (no Git, a shallow clone…); absent when they are known. */
  warning?: string;
  unknownReason?: 'no-git' | 'not-a-repository' | 'shallow';
  entries: EntryReport[];
  /** Vocabulary terms without a label in some language. */
  vocabularyLabels: { vocabulary: VocabularyName; key: string; file: string; missing: Locale[] }[];
  /** UI strings missing (or empty) in a language's dictionary, src/i18n/ui/<locale>.json. */
  uiStrings: { locale: Locale; missing: string[]; empty: string[] }[];
  /** Entries whose sector or topics name no term of the vocabulary. */
  unknownTerms: { collection: CollectionName; slug: string; field: 'sector' | 'topics'; value: string; locales: Locale[] }[];
}

export interface ReportOptions {
  /** The site's root (content/, src/i18n/ui/); default: the current folder. */
  root?: string;
  /** Where the history read at a commit is kept; default node_modules/.astro/translation-status. */
  cacheDir?: string | false;
  /** Called with a warning (no Git, shallow clone); default console.warn once per message. */
  warn?: (message: string) => void;
}

/** Folders whose history matters: the collections (not the vocabularies, not media). */
const CONTENT_FOLDERS = collectionNames.map((c) => `content/${c}`);
/** Bump when what the cache holds, or how it is computed, changes. */
const CACHE_VERSION = 2;

/** YAML that simpleValue cannot read, read by Astro's own front matter parser (loaded when first needed). */
const readYaml: YamlReader = async (source) => {
  const { parseFrontmatter } = await import('astro/markdown');
  return parseFrontmatter(`---\n${source}\n---\n`).frontmatter as Record<string, unknown>;
};

// ---------------------------------------------------------------------------------------------
// The files as they are now.

interface FileFacts {
  path: string;
  collection: CollectionName;
  locale: Locale;
  slug: string;
  /** It holds text: a body or a translated field (not what Decap writes for an untranslated language). */
  text: boolean;
  mtime: number;
  draft: boolean;
  title?: string;
  sector?: string;
  topics?: string[];
}

/** What a file's facts were read from: its size and modification time (ms). */
type Stamp = [number, number];
type KeptFacts = Map<string, { stamp: Stamp; facts: FileFacts }>;

/**
 * Every content file of the collections, with what the report needs from its text. A file
 * whose size and time match `kept` is not read again; `kept` is updated in place.
 */
async function readContentFiles(root: string, kept: KeptFacts = new Map()): Promise<{ files: FileFacts[]; changed: boolean }> {
  const files: FileFacts[] = [];
  const seen = new Set<string>();
  let changed = false;
  for (const collection of collectionNames) {
    for (const locale of localeKeys) {
      const dir = join(root, 'content', collection, locale);
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        const path = `content/${collection}/${locale}/${name}`;
        const at = contentPath(path);
        if (!at) continue;
        const file = join(root, path);
        let stamp: Stamp;
        try {
          const stat = statSync(file);
          if (!stat.isFile()) continue;
          stamp = [stat.size, stat.mtimeMs];
        } catch {
          continue;
        }
        seen.add(path);
        const known = kept.get(path);
        if (known && known.stamp[0] === stamp[0] && known.stamp[1] === stamp[1]) {
          files.push(known.facts);
          continue;
        }
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          continue;
        }
        const facts: FileFacts = { path, ...at, text: await holdsText(collection, text, readYaml), mtime: Math.floor(stamp[1] / 1000), draft: false };
        await readValues(collection, text, facts);
        files.push(facts);
        kept.set(path, { stamp, facts });
        changed = true;
      }
    }
  }
  for (const path of kept.keys()) {
    if (!seen.has(path)) {
      kept.delete(path);
      changed = true;
    }
  }
  return { files, changed };
}

/** The facts read at an earlier run, kept in <cacheDir>/files.json. */
function loadFacts(cacheDir: string | false): KeptFacts {
  const kept: KeptFacts = new Map();
  if (!cacheDir) return kept;
  try {
    const data = JSON.parse(readFileSync(join(cacheDir, 'files.json'), 'utf8')) as { version: number; schema: string; files: [string, Stamp, FileFacts][] };
    if (data.version !== CACHE_VERSION || data.schema !== schemaKey) return kept;
    for (const [path, stamp, facts] of data.files) kept.set(path, { stamp, facts });
  } catch {
    // None yet, or unreadable: every file is read.
  }
  return kept;
}

function saveFacts(cacheDir: string | false, kept: KeptFacts) {
  if (!cacheDir) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const target = join(cacheDir, 'files.json');
    const files = [...kept].map(([path, { stamp, facts }]) => [path, stamp, facts]);
    writeFileSync(`${target}.tmp`, JSON.stringify({ version: CACHE_VERSION, schema: schemaKey, files }));
    renameSync(`${target}.tmp`, target);
  } catch {
    // A read-only folder: the next run reads the files again.
  }
}

const NAME_FIELD: Partial<Record<CollectionName, string>> = { partners: 'name' };

/** Reads title (name), draft, sector and topics from the front matter. */
async function readValues(collection: CollectionName, text: string, facts: FileFacts) {
  const parts = splitText(text);
  if (!parts) return;
  const keys = [NAME_FIELD[collection] ?? 'title', 'draft', 'sector', 'topics'].filter((k) => parts.blocks.has(k));
  const data: Record<string, unknown> = {};
  const unsure: string[] = [];
  for (const key of keys) {
    const value = simpleValue(parts.blocks.get(key)!);
    if (value === UNSURE) unsure.push(key);
    else data[key] = value;
  }
  if (unsure.length > 0) {
    try {
      Object.assign(data, await readYaml(unsure.flatMap((k) => parts.blocks.get(k)!).join('\n')));
    } catch {
      // Not YAML the site could read either: the build names it; the report goes on without it.
    }
  }
  const title = data[NAME_FIELD[collection] ?? 'title'];
  if (typeof title === 'string' || typeof title === 'number') facts.title = String(title);
  facts.draft = data.draft === true || data.draft === 'true';
  if (typeof data.sector === 'string' && data.sector) facts.sector = data.sector;
  if (Array.isArray(data.topics)) facts.topics = data.topics.map(String).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// The history: read, kept per commit, extended.

interface CacheFile {
  version: number;
  schema: string;
  commit: string;
  nextSeq: number;
  /** [entry key, locale, present, synced, syncedAt, lastSeq, lastAt] */
  files: [string, Locale, 0 | 1, number, number, number, number][];
}

/** What the walk depends on besides the history: which fields are copied across languages. */
const schemaKey = createHash('sha256')
  .update(JSON.stringify(collectionNames.map((c) => [c, collectionFields[c].map((f) => [f.name, f.i18n])])))
  .digest('hex')
  .slice(0, 16);

function loadCache(file: string): { history: History; nextSeq: number } | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (data.version !== CACHE_VERSION || data.schema !== schemaKey) return undefined;
    const history: History = new Map();
    for (const [key, locale, present, synced, syncedAt, lastSeq, lastAt] of data.files) {
      let files = history.get(key);
      if (!files) history.set(key, (files = {}));
      files[locale] = { present: present === 1, synced, syncedAt, lastSeq, lastAt };
    }
    return { history, nextSeq: data.nextSeq };
  } catch {
    return undefined;
  }
}

function saveCache(dir: string, commit: string, history: History, nextSeq: number) {
  const files: CacheFile['files'] = [];
  for (const [key, byLocale] of history) {
    for (const l of localeKeys) {
      const f = byLocale[l];
      if (f) files.push([key, l, f.present ? 1 : 0, f.synced, f.syncedAt, f.lastSeq, f.lastAt]);
    }
  }
  const data: CacheFile = { version: CACHE_VERSION, schema: schemaKey, commit, nextSeq, files };
  try {
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${commit}.json`);
    writeFileSync(`${target}.tmp`, JSON.stringify(data));
    renameSync(`${target}.tmp`, target);
    // The three newest commits are kept to extend from; older ones go.
    const kept = readdirSync(dir)
      .filter((n) => /^[0-9a-f]{40,64}\.json$/.test(n))
      .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { n } of kept.slice(3)) rmSync(join(dir, n), { force: true });
  } catch {
    // A read-only folder: the next run reads the history again.
  }
}

/** The history known at HEAD: from a kept file when there is one, else read (and kept). */
async function historyAtHead(
  root: string,
  head: string,
  cacheDir: string | false,
  current: (path: string) => string | undefined,
  working: { commit: Commit; times: Map<string, number>; holdsText: (path: string) => boolean | undefined },
): Promise<{ history: History; nextSeq: number; workingStep: HistoryStep }> {
  let base: { history: History; nextSeq: number } | undefined;
  let since: string | undefined;
  if (cacheDir) {
    const exact = join(cacheDir, `${head}.json`);
    base = existsSync(exact) ? loadCache(exact) : undefined;
    if (base) since = head;
    else if (existsSync(cacheDir)) {
      const candidates = readdirSync(cacheDir)
        .filter((n) => /^[0-9a-f]{40,64}\.json$/.test(n))
        .map((n) => ({ commit: n.slice(0, -5), t: statSync(join(cacheDir, n)).mtimeMs }))
        .sort((a, b) => b.t - a.t)
        .slice(0, 3);
      for (const { commit } of candidates) {
        if (!(await isAncestorOfHead(root, commit))) continue;
        base = loadCache(join(cacheDir, `${commit}.json`));
        if (base) {
          since = commit;
          break;
        }
      }
    }
  }
  const commits = since === head ? [] : await readHistory(root, CONTENT_FOLDERS, since);
  // Each version's text is rebuilt from the files now, back through the working copy's changes.
  const steps = await classifyHistory([...commits, working.commit], current, readYaml, working.times, working.holdsText);
  const workingStep = steps.pop()!;
  const history = base?.history ?? new Map();
  let seq = base?.nextSeq ?? 0;
  for (const step of steps) applyStep(history, step, seq++);
  if (cacheDir && since !== head) saveCache(cacheDir, head, history, seq);
  return { history, nextSeq: seq, workingStep };
}

// ---------------------------------------------------------------------------------------------
// The report.

const warned = new Set<string>();
const warnOnce = (message: string) => {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[translations] ${message}; every translation status is "unknown"`);
};

/** The status of every entry in every language (without the other checks of the report). */
export async function translationStatuses(options: ReportOptions = {}): Promise<Pick<TranslationReport, 'commit' | 'warning' | 'unknownReason' | 'entries'>> {
  const root = options.root ?? process.cwd();
  const cacheDir = cacheDirOf(root, options);
  const [files, state] = await Promise.all([currentFiles(root, cacheDir), gitState(root)]);
  return statusesOf(root, cacheDir, files, state, options.warn ?? warnOnce);
}

const cacheDirOf = (root: string, options: ReportOptions) =>
  options.cacheDir === undefined ? join(root, 'node_modules/.astro/translation-status') : options.cacheDir;

/** The content files now, read where they changed since the last run. */
async function currentFiles(root: string, cacheDir: string | false): Promise<FileFacts[]> {
  const kept = loadFacts(cacheDir);
  const { files, changed } = await readContentFiles(root, kept);
  if (changed) saveFacts(cacheDir, kept);
  return files;
}

async function statusesOf(
  root: string,
  cacheDir: string | false,
  files: FileFacts[],
  state: Awaited<ReturnType<typeof gitState>>,
  warn: (message: string) => void,
): Promise<Pick<TranslationReport, 'commit' | 'warning' | 'unknownReason' | 'entries'>> {
  const byEntry = new Map<string, FileFacts[]>();
  for (const f of files) {
    const key = entryKey(f.collection, f.slug);
    byEntry.set(key, [...(byEntry.get(key) ?? []), f]);
  }

  let history: History | undefined;
  let warning: string | undefined;
  let unknownReason: TranslationReport['unknownReason'];
  let commit: string | undefined;
  if (!state.ok) {
    warning = state.message;
    unknownReason = state.reason;
    warn(warning);
  } else {
    commit = state.head;
    const current = (path: string) => {
      try {
        return readFileSync(join(root, path), 'utf8');
      } catch {
        return undefined;
      }
    };
    const changes = await readWorkingChanges(root, CONTENT_FOLDERS, state.head);
    const times = new Map(files.map((f) => [f.path, f.mtime]));
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const holdsTextNow = (path: string) => byPath.get(path);
    const workingCommit: Commit = { hash: 'working-copy', time: Math.floor(Date.now() / 1000), minor: false, ...changes };
    if (state.head) {
      const { history: known, nextSeq, workingStep } = await historyAtHead(root, state.head, cacheDir, current, { commit: workingCommit, times, holdsText: holdsTextNow });
      applyStep(known, workingStep, nextSeq);
      history = known;
    } else {
      history = new Map();
      const [step] = await classifyHistory([workingCommit], current, readYaml, times, holdsTextNow);
      applyStep(history, step!, 0);
    }
  }

  const entries: EntryReport[] = [];
  for (const [key, group] of byEntry) {
    const { collection, slug } = group[0]!;
    const exists = new Set(group.filter((f) => f.text).map((f) => f.locale));
    const locales: Record<Locale, LocaleStatus> = history
      ? entryStatus(history.get(key), exists)
      : (Object.fromEntries(localeKeys.map((l) => [l, { status: exists.has(l) ? 'unknown' : 'missing' }])) as Record<Locale, LocaleStatus>);
    const titles: Partial<Record<Locale, string>> = {};
    for (const f of group) if (f.title && exists.has(f.locale)) titles[f.locale] = f.title;
    const drafts = group.filter((f) => f.draft && exists.has(f.locale)).map((f) => f.locale);
    entries.push({
      collection,
      slug,
      titles,
      published: group.some((f) => exists.has(f.locale) && !f.draft),
      drafts: localeKeys.filter((l) => drafts.includes(l)),
      locales,
    });
  }
  entries.sort((a, b) => collectionNames.indexOf(a.collection) - collectionNames.indexOf(b.collection) || byCodePoint(a.slug, b.slug));
  return { commit, warning, unknownReason, entries };
}

/** Terms of a vocabulary, from content/<name>/<key>.yml (the labels only; the build checks the rest). */
function readVocabulary(root: string, name: VocabularyName): Vocabulary {
  const dir = join(root, 'content', name);
  const terms: Term[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n));
  } catch {
    // No vocabulary folder: no terms.
  }
  for (const file of names.sort(byCodePoint)) {
    const labels: Partial<Record<Locale, string>> = {};
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const m = /^([a-z]+):(.*)$/.exec(line.replace(/\r$/, ''));
      if (!m || !(localeKeys as string[]).includes(m[1]!)) continue;
      const value = simpleScalar(m[2]!);
      if (value === UNSURE) labels[m[1] as Locale] = m[2]!.trim();
      else if (value) labels[m[1] as Locale] = value;
    }
    terms.push({ key: file.replace(/\.ya?ml$/, ''), labels, file: `content/${name}/${file}` });
  }
  return new Vocabulary(name, terms);
}

/** UI strings missing or empty per dictionary, against the keys of all of them. */
function uiStringProblems(root: string): TranslationReport['uiStrings'] {
  const dicts = new Map<Locale, Record<string, unknown>>();
  for (const l of localeKeys) {
    try {
      dicts.set(l, JSON.parse(readFileSync(join(root, 'src/i18n/ui', `${l}.json`), 'utf8')) as Record<string, unknown>);
    } catch {
      dicts.set(l, {});
    }
  }
  const all = [...new Set([...dicts.values()].flatMap((d) => Object.keys(d)))].sort(byCodePoint);
  return localeKeys
    .map((locale) => {
      const dict = dicts.get(locale)!;
      return {
        locale,
        missing: all.filter((k) => !(k in dict)),
        empty: all.filter((k) => k in dict && (typeof dict[k] !== 'string' || (dict[k] as string).trim() === '')),
      };
    })
    .filter((p) => p.missing.length > 0 || p.empty.length > 0);
}

/** The whole report. */
export async function translationReport(options: ReportOptions = {}): Promise<TranslationReport> {
  const root = options.root ?? process.cwd();
  const cacheDir = cacheDirOf(root, options);
  const [files, state] = await Promise.all([currentFiles(root, cacheDir), gitState(root)]);
  const statusPart = await statusesOf(root, cacheDir, files, state, options.warn ?? warnOnce);

  const vocabularies = Object.fromEntries(vocabularyNames.map((n) => [n, readVocabulary(root, n)])) as Record<VocabularyName, Vocabulary>;
  const vocabularyLabels: TranslationReport['vocabularyLabels'] = [];
  for (const name of vocabularyNames) {
    const missing = new Map<Term, Locale[]>();
    for (const { term, locale } of vocabularies[name].missingLabels()) missing.set(term, [...(missing.get(term) ?? []), locale]);
    for (const [term, locales] of missing) vocabularyLabels.push({ vocabulary: name, key: term.key, file: term.file, missing: locales });
  }

  const unknown = new Map<string, TranslationReport['unknownTerms'][number]>();
  for (const f of files) {
    if (!f.text) continue;
    const values: ['sector' | 'topics', string, Vocabulary][] = [
      ...(f.sector ? [['sector', f.sector, vocabularies.sectors] as ['sector', string, Vocabulary]] : []),
      ...(f.topics ?? []).map((t) => ['topics', t, vocabularies.topics] as ['topics', string, Vocabulary]),
    ];
    for (const [field, value, vocab] of values) {
      if (vocab.match(value)) continue;
      const key = `${f.collection}\0${f.slug}\0${field}\0${value}`;
      const found = unknown.get(key) ?? { collection: f.collection, slug: f.slug, field, value, locales: [] };
      found.locales.push(f.locale);
      unknown.set(key, found);
    }
  }
  const unknownTerms = [...unknown.values()]
    .map((u) => ({ ...u, locales: localeKeys.filter((l) => u.locales.includes(l)) }))
    .sort((a, b) => collectionNames.indexOf(a.collection) - collectionNames.indexOf(b.collection) || byCodePoint(a.slug, b.slug));

  return {
    ...statusPart,
    vocabularyLabels,
    uiStrings: uiStringProblems(root),
    unknownTerms,
  };
}

let memo: { key: string; report: Promise<TranslationReport> } | undefined;

/**
 * The report of the site being built or served. In a build (`live` false) it is made once.
 * Under `astro dev` (`live`), once per state of the working copy: the commit at HEAD, what
 * `git status` says of the content and the dictionaries, and the times of the files it names;
 * so a page asked again after a commit, a save in the CMS or an edit gets a new report.
 */
export async function currentTranslationReport({ root = process.cwd(), live = false }: { root?: string; live?: boolean } = {}): Promise<TranslationReport> {
  if (memo && !live) return memo.report;
  const state = await gitState(root);
  let key = JSON.stringify(state);
  if (state.ok) {
    const paths = [...CONTENT_FOLDERS, ...vocabularyNames.map((n) => `content/${n}`), 'src/i18n/ui'];
    const status = await workingTreeStatus(root, paths).catch(() => String(Date.now()));
    const times = status
      .split('\0')
      .map((line) => line.slice(3))
      .filter(Boolean)
      .map((path) => {
        try {
          return statSync(join(root, path)).mtimeMs;
        } catch {
          return 0;
        }
      });
    key += status + times.join(',');
  } else {
    // Without Git nothing tells a change: made again every time.
    key += String(Date.now());
  }
  if (memo?.key !== key) memo = { key, report: translationReport({ root }) };
  return memo.report;
}
