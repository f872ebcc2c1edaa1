import { localeKeys, type Locale } from '../i18n/locales.ts';
import { collectionFields, type CollectionName } from '../schema/collections.ts';
import { parseEntryPath } from '../schema/entry-rules.ts';
import type { FieldSpec } from '../schema/fields.ts';
import type { Commit, FileChange, Hunk } from '../history/git-history.ts';

/*
 * The translation status of every entry in every language, from the history of its files.
 * Pure: the history comes from src/history/git-history.ts, the files from the caller.
 *
 * - missing: the language has no file, or only what Decap writes for a language the editor
 *   did not translate (language-neutral fields, no text): readers get a fallback page;
 * - outdated: another language holds a change of the text that this one has not followed;
 * - up to date: otherwise. Any language can be the source of a change.
 *
 * How changes are followed. Each language of an entry remembers the newest change of the text
 * it reflects. A tracked change of a language's text is
 * - a new change of the entry, when that language was up to date: the others become outdated;
 * - a translation catching up, when that language was outdated: it becomes up to date again,
 *   and the others do not become outdated (an Italian update translated into Chinese does not
 *   make the Italian outdated). Languages changed in one commit count together.
 * A language added (a new file, or a placeholder given text) reflects the entry as it is then,
 * and makes no other language outdated; a language's history starts when its file appears.
 *
 * What counts as a change of the text: a change of the body, or of the value of a translated
 * field (`i18n: 'translate'` in src/schema/collections.ts: title, summary, tags, alt texts…)
 * or of a key the schema does not know. Fields copied across languages (`i18n: 'duplicate'`:
 * dates, references, sectors, topics…) are the same in every language, so changing them
 * outdates nothing. Values are compared, not lines: each earlier version of a file is rebuilt
 * from the file as it is now and the zero-context hunks of the changes since (git-history.ts),
 * so that the CMS writing the same values its own way (quotes dropped, a long text folded over
 * lines, a list one item a line, empty fields added) changes nothing. A version that cannot be
 * rebuilt (a file deleted since, hunks that do not fit) makes its change count as text.
 * Trailing spaces and blank lines of the body count for nothing.
 *
 * Not tracked: a commit whose message holds `[minor]` (a typo fix): its changes of text make
 * no language outdated and bring none up to date (files it adds or removes still count).
 * A file renamed (git's rename detection) keeps its history. What the working copy changed
 * since the last commit, and a file never committed, count as changed at the file's
 * modification time, after every commit.
 */

/** The marker of a commit (in its message) whose changes make no translation outdated. */
export const MINOR_MARKER = '[minor]';

export type Status = 'missing' | 'outdated' | 'up-to-date' | 'unknown';
export const statuses: readonly Status[] = ['missing', 'outdated', 'up-to-date', 'unknown'];

export interface LocaleStatus {
  status: Status;
  /** The time (ISO 8601) of this language's last tracked change of the text, or of its file's arrival. */
  updated?: string;
  /** Outdated: the languages holding the newer text, the one that changed it first. */
  newer?: Locale[];
  /** Outdated: when the change this language has not followed was made (ISO 8601). */
  since?: string;
}

/** The collection, language and slug of a content file path (content/<collection>/<locale>/<slug>.md(x)). */
export interface ContentPath {
  collection: CollectionName;
  locale: Locale;
  slug: string;
}

const PATH = /(?:^|\/)content\/([^/]+)\/(.+\.mdx?)$/;
const paths = new Map<string, ContentPath | undefined>();
/** The entry a path names (`content/<collection>/<locale>/<slug>.mdx`), by the contract's path rules (parseEntryPath); undefined for any other file. */
export function contentPath(path: string): ContentPath | undefined {
  if (paths.has(path)) return paths.get(path);
  const m = PATH.exec(path);
  let at: ContentPath | undefined;
  if (m && Object.hasOwn(collectionFields, m[1]!)) {
    const collection = m[1] as CollectionName;
    try {
      at = { collection, ...parseEntryPath(collection, m[2]!) };
    } catch {
      // Not an entry's file by the contract's rules.
    }
  }
  if (paths.size > 200_000) paths.clear();
  paths.set(path, at);
  return at;
}

export const entryKey = (collection: string, slug: string) => `${collection}/${slug}`;

// ---------------------------------------------------------------------------------------------
// The text of a file: front matter fields and body, compared by value.

const modes = new Map<CollectionName, Map<string, FieldSpec['i18n']>>();
function fieldMode(collection: CollectionName, key: string): FieldSpec['i18n'] | undefined {
  let map = modes.get(collection);
  if (!map) {
    map = new Map(collectionFields[collection].map((f: FieldSpec) => [f.name, f.i18n]));
    modes.set(collection, map);
  }
  return map.get(key);
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|$)/;
const isDelimiter = (line: string) => line.trimEnd() === '---';

/** A file's front matter, as the lines of each key (the key's line and those that continue it), and its body. */
export interface Parts {
  blocks: Map<string, string[]>;
  body: string;
}

/** The front matter and body of a file's text; undefined when it has no front matter. */
export function splitText(text: string): Parts | undefined {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length === 0 || !isDelimiter(lines[0]!)) return undefined;
  const end = lines.findIndex((l, i) => i > 0 && isDelimiter(l));
  if (end < 0) return undefined;
  const blocks = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines.slice(1, end)) {
    const key = KEY_LINE.exec(line)?.[1];
    if (key) blocks.set(key, (current = [line]));
    else current?.push(line);
  }
  return { blocks, body: lines.slice(end + 1).join('\n') };
}

export const UNSURE = Symbol('unsure');

/** A scalar in YAML's plain or simply quoted forms, or UNSURE. */
export function simpleScalar(raw: string): string | typeof UNSURE {
  const v = raw.trim();
  if (v === '' || v === '~' || v === 'null') return '';
  if (v.startsWith('"')) return /^"(?:[^"\\]|\\["\\/nt])*"$/.test(v) ? (JSON.parse(v) as string) : UNSURE;
  if (v.startsWith("'")) return /^'(?:[^']|'')*'$/.test(v) ? v.slice(1, -1).replace(/''/g, "'") : UNSURE;
  if (/^[[\]{}&*!|>%@`#,?:\-]/.test(v) || / #|: |:$/.test(v)) return UNSURE;
  return v;
}

/**
 * The value of one key's lines in YAML's common forms (a scalar, plain, quoted or folded over
 * several lines as Decap writes long texts; a flow or block list of scalars), or UNSURE.
 * Scalars are read as strings (`5`, `true` and dates too).
 */
export function simpleValue(block: readonly string[]): unknown {
  const first = block[0]!;
  const value = first.slice(first.indexOf(':') + 1).trim();
  const rest = block.slice(1).filter((l) => l.trim() !== '');
  if (rest.length === 0) {
    if (value === '[]') return [];
    const flow = /^\[([^[\]{}#]*)\]$/.exec(value);
    if (flow) {
      // Items plain or quoted ("a, b" is one item), separated by commas.
      const items = flow[1]!.match(/\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,"']+)\s*(?:,|$)/g);
      if (!items || items.join('') !== flow[1]) return UNSURE;
      const scalars = items.map((item) => item.trim().replace(/,$/, '')).filter(Boolean).map(simpleScalar);
      return scalars.includes(UNSURE) ? UNSURE : scalars;
    }
    return simpleScalar(value);
  }
  if (rest.length !== block.length - 1 || !rest.every((l) => /^\s/.test(l))) return UNSURE;
  if (value === '') {
    const items = rest.map((l) => /^\s*-\s+(.*)$/.exec(l)?.[1]);
    if (items.some((i) => i === undefined)) return UNSURE;
    const scalars = items.map((i) => simpleScalar(i!));
    return scalars.includes(UNSURE) ? UNSURE : scalars;
  }
  // A plain scalar folded over indented lines: its lines joined by spaces.
  if (/^["'[{>|]/.test(value) || rest.some((l) => /^\s*-(\s|$)/.test(l))) return UNSURE;
  return simpleScalar([value, ...rest.map((l) => l.trim())].join(' '));
}

/** Reads YAML that simpleValue could not: a mapping's source → its values. */
export type YamlReader = (source: string) => Promise<Record<string, unknown>>;

/** A value as compared: empty values alike, dates and numbers as text. */
function comparable(value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v));
}

/** The values of some keys of two versions, read alike (simply, or both by the YAML reader). */
async function valuesOf(keys: string[], a: Parts, b: Parts, yaml: YamlReader): Promise<[unknown[], unknown[]]> {
  const simple = (parts: Parts) => keys.map((k) => (parts.blocks.has(k) ? simpleValue(parts.blocks.get(k)!) : undefined));
  const sa = simple(a);
  const sb = simple(b);
  if (!sa.includes(UNSURE) && !sb.includes(UNSURE)) return [sa, sb];
  const read = async (parts: Parts) => {
    const source = keys.flatMap((k) => parts.blocks.get(k) ?? []).join('\n');
    try {
      const data = await yaml(source);
      return keys.map((k) => data[k]);
    } catch {
      // Not YAML: the lines themselves are compared.
      return keys.map((k) => parts.blocks.get(k)?.join('\n'));
    }
  };
  return [await read(a), await read(b)];
}

/** A body as compared: trailing spaces and blank lines make no difference. */
const bodyText = (body: string) =>
  body
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean)
    .join('\n');

/**
 * Whether a change from `before` to `after` changes translated text: the body, or the value of
 * a translated field (or of a key the schema does not know). A field copied across languages
 * changes nothing; nor does writing a value another way (quotes, a list in brackets or one item
 * a line, a long text folded over lines, as the CMS rewrites a file it saves).
 */
export async function changesText(collection: CollectionName, before: string, after: string, yaml: YamlReader): Promise<boolean> {
  if (before === after) return false;
  const a = splitText(before);
  const b = splitText(after);
  if (!a || !b) return bodyText(before) !== bodyText(after);
  if (bodyText(a.body) !== bodyText(b.body)) return true;
  const keys = [...new Set([...a.blocks.keys(), ...b.blocks.keys()])].filter(
    (k) => fieldMode(collection, k) !== 'duplicate' && a.blocks.get(k)?.join('\n') !== b.blocks.get(k)?.join('\n'),
  );
  if (keys.length === 0) return false;
  const [va, vb] = await valuesOf(keys, a, b, yaml);
  return keys.some((_, i) => comparable(va[i]) !== comparable(vb[i]));
}

/**
 * Whether a file holds text: a body, or a translated field with a value. What Decap writes for
 * a language the editor did not translate holds none (src/schema/entry-rules.ts,
 * isUntranslatedPlaceholder).
 */
export async function holdsText(collection: CollectionName, text: string, yaml: YamlReader): Promise<boolean> {
  const parts = splitText(text);
  if (!parts) return bodyText(text) !== '';
  if (bodyText(parts.body) !== '') return true;
  const keys = [...parts.blocks.keys()].filter((k) => fieldMode(collection, k) === 'translate');
  if (keys.length === 0) return false;
  const [values] = await valuesOf(keys, parts, parts, yaml);
  return values.some((v) => comparable(v) !== '');
}

/**
 * The version before a change, from the version after it and the change's zero-context hunks;
 * undefined when the hunks do not fit the text (the text is then not known).
 */
export function reverseApply(after: string, hunks: readonly Hunk[]): string | undefined {
  const lines = after.split('\n');
  const before: string[] = [];
  let at = 0;
  for (const h of [...hunks].sort((x, y) => x.newStart - y.newStart)) {
    // Where the hunk's new lines start (0-based); with none, the line after which lines were removed.
    const start = h.newCount === 0 ? h.newStart : h.newStart - 1;
    if (start < at || start + h.newCount > lines.length) return undefined;
    for (let i = 0; i < h.newCount; i++) if (lines[start + i] !== h.added[i]) return undefined;
    before.push(...lines.slice(at, start), ...h.removed);
    at = start + h.newCount;
  }
  before.push(...lines.slice(at));
  return before.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Following the history backwards, to know each version's text and what each change was.

/** What a change did to a file, as the forward walk needs it. */
export interface ChangeEvent {
  change: FileChange;
  /** Modification or rename: it changed text. */
  text: boolean;
  /** The file held text (was not a placeholder) before / after the change. */
  presentBefore: boolean;
  presentAfter: boolean;
  /** Time of the change in seconds, when it differs from its commit's (the working copy's files). */
  time?: number;
}

export interface HistoryStep {
  commit: Pick<Commit, 'hash' | 'time' | 'minor'>;
  events: ChangeEvent[];
}

// Within one commit: forwards, deletions first, then renames, then additions and modifications.
const forwardRank: Record<FileChange['status'], number> = { D: 0, R: 1, A: 2, M: 2 };

/**
 * The events of `commits` (oldest first), classified by following each file back from its
 * text now (`current(path)`: the working copy's file, read when first needed), version by
 * version. A version that cannot be known (a file deleted since, hunks that do not fit) makes
 * its changes count as text. Paths outside the content collections are left out.
 */
export async function classifyHistory(
  commits: readonly Pick<Commit, 'hash' | 'time' | 'minor' | 'changes' | 'hunks'>[],
  current: (path: string) => string | undefined,
  yaml: YamlReader,
  times?: ReadonlyMap<string, number>,
  /** Whether the working copy's file holds text, when the caller knows it (saves reading it again). */
  holdsTextNow?: (path: string) => boolean | undefined,
): Promise<HistoryStep[]> {
  // Path → text of the version at the point reached, going back; null: not known.
  const texts = new Map<string, string | null>();
  const textAt = (path: string) => {
    if (!texts.has(path)) texts.set(path, current(path) ?? null);
    return texts.get(path)!;
  };
  const present = async (collection: CollectionName, text: string | null) => (text === null ? true : holdsText(collection, text, yaml));
  const steps: HistoryStep[] = [];
  for (let c = commits.length - 1; c >= 0; c--) {
    const commit = commits[c]!;
    const changes = commit.changes
      .filter((ch) => contentPath(ch.path) || (ch.from && contentPath(ch.from)))
      .sort((a, b) => forwardRank[b.status] - forwardRank[a.status]);
    const events: ChangeEvent[] = [];
    for (const change of changes) {
      const { collection } = contentPath(change.path) ?? contentPath(change.from!)!;
      const time = c === commits.length - 1 ? times?.get(change.path) : undefined;
      switch (change.status) {
        case 'A': {
          // Not met yet going back: the version added is the working copy's file.
          const known = texts.has(change.path) ? undefined : holdsTextNow?.(change.path);
          const presentAfter = known ?? (await present(collection, textAt(change.path)));
          // Gone before this commit (a path added again later starts its own history).
          texts.set(change.path, null);
          events.push({ change, text: true, presentBefore: false, presentAfter, time });
          break;
        }
        case 'D':
          texts.set(change.path, null);
          events.push({ change, text: true, presentBefore: true, presentAfter: false, time });
          break;
        case 'M':
        case 'R': {
          const after = textAt(change.path);
          const hunks = commit.hunks.get(change.path) ?? [];
          const before = after === null ? null : (reverseApply(after, hunks) ?? null);
          const text = before === null || after === null ? true : await changesText(collection, before, after, yaml);
          texts.delete(change.path);
          texts.set(change.status === 'R' ? change.from! : change.path, before);
          events.push({ change, text, presentBefore: await present(collection, before), presentAfter: await present(collection, after), time });
          break;
        }
      }
    }
    steps.push({ commit: { hash: commit.hash, time: commit.time, minor: commit.minor }, events: events.reverse() });
  }
  return steps.reverse();
}

// ---------------------------------------------------------------------------------------------
// Following the history forwards: what each language of each entry reflects.

/** What the forward walk knows about one language file of an entry. */
export interface FileState {
  /** The file holds text (it is not a placeholder). */
  present: boolean;
  /** Sequence number of the newest change of the entry's text this file reflects. */
  synced: number;
  /** Time (s) of that change. */
  syncedAt: number;
  /** Sequence number and time (s) of this file's own last tracked change of text (or arrival). */
  lastSeq: number;
  lastAt: number;
}

/** Entry key (collection/slug) → language → its file's state. */
export type History = Map<string, Partial<Record<Locale, FileState>>>;

/** The newest change of the text an entry's languages hold: among the present ones, and not `except`. */
function newestChange(files: Partial<Record<Locale, FileState>>, except?: ReadonlySet<Locale>): FileState | undefined {
  let best: FileState | undefined;
  for (const l of localeKeys) {
    const f = files[l];
    if (!f || !f.present || except?.has(l)) continue;
    if (!best || f.synced > best.synced) best = f;
  }
  return best;
}

/** Applies one step (a commit, or the working copy) to the history. `seq` orders steps. */
export function applyStep(history: History, step: HistoryStep, seq: number): void {
  const { commit } = step;
  const touched = new Map<string, { text: Map<Locale, number>; added: Map<Locale, number> }>();
  const touch = (key: string) => {
    let t = touched.get(key);
    if (!t) touched.set(key, (t = { text: new Map(), added: new Map() }));
    return t;
  };
  const filesOf = (key: string) => {
    let files = history.get(key);
    if (!files) history.set(key, (files = {}));
    return files;
  };
  // The state of every present language before this step, to tell up-to-date from outdated.
  const before = new Map<string, FileState | undefined>();
  const remember = (key: string) => {
    if (!before.has(key)) before.set(key, newestChange(history.get(key) ?? {}));
  };
  for (const { change } of step.events) {
    for (const path of [change.path, change.from]) {
      const at = path && contentPath(path);
      if (at) remember(entryKey(at.collection, at.slug));
    }
  }

  for (const event of step.events) {
    const { change } = event;
    const at = contentPath(change.path);
    const time = event.time ?? commit.time;
    let state: FileState | undefined;
    if (change.status === 'R') {
      const from = contentPath(change.from!);
      if (from) {
        const files = filesOf(entryKey(from.collection, from.slug));
        state = files[from.locale];
        delete files[from.locale];
      }
    } else if (at && change.status !== 'A') state = history.get(entryKey(at.collection, at.slug))?.[at.locale];
    if (!at) continue;
    const key = entryKey(at.collection, at.slug);
    const files = filesOf(key);
    if (change.status === 'D') {
      delete files[at.locale];
      continue;
    }
    // A file the walk did not know (its arrival is before the history read) arrives now.
    const wasPresent = change.status !== 'A' && state !== undefined && state.present;
    const nowPresent = event.presentAfter;
    state ??= { present: false, synced: -1, syncedAt: time, lastSeq: -1, lastAt: time };
    state.present = nowPresent;
    files[at.locale] = state;
    if (!wasPresent && nowPresent) touch(key).added.set(at.locale, time);
    else if (wasPresent && nowPresent && event.text && !commit.minor) touch(key).text.set(at.locale, time);
  }

  for (const [key, { text, added }] of touched) {
    const files = filesOf(key);
    if (text.size > 0) {
      // The newest change among the languages present before this step (and still present).
      const newest = before.get(key);
      const changed = [...text.keys()].map((l) => files[l]!);
      const fromUpToDate = !newest || changed.some((f) => f.synced >= newest.synced);
      const at = Math.max(...text.values());
      for (const [l, time] of text) {
        const f = files[l]!;
        if (fromUpToDate) {
          f.synced = seq;
          f.syncedAt = at;
        } else {
          f.synced = newest.synced;
          f.syncedAt = newest.syncedAt;
        }
        f.lastSeq = seq;
        f.lastAt = time;
      }
    }
    if (added.size > 0) {
      const newest = newestChange(files, new Set(added.keys()));
      const at = Math.max(...added.values());
      for (const [l, time] of added) {
        const f = files[l]!;
        f.synced = newest ? newest.synced : seq;
        f.syncedAt = newest ? newest.syncedAt : at;
        f.lastSeq = seq;
        f.lastAt = time;
      }
    }
  }
  for (const key of before.keys()) {
    const files = history.get(key);
    if (files && Object.keys(files).length === 0) history.delete(key);
  }
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * The status of each language of an entry. `exists`: the languages whose file is there now
 * and holds text (not a placeholder): only those can be up to date or outdated.
 */
export function entryStatus(files: Partial<Record<Locale, FileState>> | undefined, exists: ReadonlySet<Locale>): Record<Locale, LocaleStatus> {
  const present: Partial<Record<Locale, FileState>> = {};
  for (const l of localeKeys) if (exists.has(l) && files?.[l]) present[l] = { ...files[l]!, present: true };
  const newest = newestChange(present);
  const out = {} as Record<Locale, LocaleStatus>;
  for (const l of localeKeys) {
    const f = present[l];
    if (!exists.has(l)) out[l] = { status: 'missing' };
    else if (!f || !newest) out[l] = { status: 'unknown' };
    else if (f.synced >= newest.synced) out[l] = { status: 'up-to-date', updated: iso(f.lastAt) };
    else {
      const holders = localeKeys.filter((o) => present[o] && present[o]!.synced === newest.synced);
      // The language that made the change first, then those that followed it.
      holders.sort((a, b) => Number(present[b]!.lastSeq === newest.synced) - Number(present[a]!.lastSeq === newest.synced));
      out[l] = { status: 'outdated', updated: iso(f.lastAt), newer: holders, since: iso(newest.syncedAt) };
    }
  }
  return out;
}

/**
 * The calendar day (YYYY-MM-DD) of an instant in a time zone (the centre's dates are Rome's by
 * default). src/lib/time.ts gives the same (`zoned(instant, zone).date`) through Luxon; this one
 * uses Intl alone because the CMS admin bundle (cms/translation-note.ts, translations-page.ts)
 * runs it in the browser, where Luxon would only add weight. tests/unit/lib/translation-status.test.ts
 * checks the two agree.
 */
export function calendarDay(instant: string | Date, timeZone = 'Europe/Rome'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
