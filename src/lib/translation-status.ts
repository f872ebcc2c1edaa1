import { localeKeys, type Locale } from '../i18n/locales.ts';
import { collectionFields, type CollectionName } from '../schema/collections.ts';
import type { FieldSpec } from '../schema/fields.ts';
import type { Commit, FileChange, Hunk } from './git-history.ts';

/*
 * The translation status of every entry in every language, from the history of its files.
 * Pure: the history comes from src/lib/git-history.ts, the files from the caller.
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
 * What counts as a change of the text: a changed line of the body, or of a translated field
 * (`i18n: 'translate'` in src/schema/collections.ts: title, summary, tags, alt texts…). Fields
 * copied across languages (`i18n: 'duplicate'`: dates, references, sectors, topics…) are the
 * same in every language, so changing them outdates nothing. Lines are given to fields from
 * the zero-context diff of each modification: a `key:` line is its field's; a line inside a
 * multi-line value belongs to the `key:` line before it (named by the hunk header, see
 * git-history.ts); where the front matter begins or ends cannot be told from the diff, its
 * extent is carried back from the file as it is now, change by change. A line that cannot be
 * given to a known field, a change of the `---` lines themselves, and every change of a file
 * whose front matter could not be followed count as text. Blank lines count for nothing.
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

const PATH = /(?:^|\/)content\/([^/]+)\/([^/]+)\/([^/]+)\.mdx?$/;
const paths = new Map<string, ContentPath | undefined>();
export function contentPath(path: string): ContentPath | undefined {
  if (paths.has(path)) return paths.get(path);
  const m = PATH.exec(path);
  let at: ContentPath | undefined;
  if (m) {
    const [, collection, locale, slug] = m as unknown as [string, string, string, string];
    if (Object.hasOwn(collectionFields, collection) && (localeKeys as string[]).includes(locale)) {
      at = { collection: collection as CollectionName, locale: locale as Locale, slug };
    }
  }
  if (paths.size > 200_000) paths.clear();
  paths.set(path, at);
  return at;
}

export const entryKey = (collection: string, slug: string) => `${collection}/${slug}`;

// ---------------------------------------------------------------------------------------------
// Lines of a file: front matter, fields, text.

const modes = new Map<CollectionName, Map<string, FieldSpec['i18n']>>();
function fieldMode(collection: CollectionName, key: string | undefined): FieldSpec['i18n'] | undefined {
  let map = modes.get(collection);
  if (!map) {
    map = new Map(collectionFields[collection].map((f: FieldSpec) => [f.name, f.i18n]));
    modes.set(collection, map);
  }
  return key === undefined ? undefined : map.get(key);
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]+(.*))?$/;
const EMPTY_VALUES = new Set(['', '""', "''", '[]', '{}', 'null', '~', '|', '|-', '|+', '>', '>-', '>+']);
const isDelimiter = (line: string) => line.trimEnd() === '---';
const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** The key a front-matter line starts, if it starts one. */
export function lineKey(line: string): string | undefined {
  return KEY_LINE.exec(stripCr(line))?.[1];
}

/** Whether changing this front-matter line changes translated text (owner: the field it belongs to). */
function changesText(collection: CollectionName, owner: string | undefined, line: string): boolean {
  if (line.trim() === '') return false;
  // A field copied across languages is neutral; a translated field, or one we cannot name, is text.
  return fieldMode(collection, owner) !== 'duplicate';
}

/** Whether a front-matter line carries translated text (what a Decap placeholder has none of). */
function carriesText(collection: CollectionName, owner: string | undefined, line: string): boolean {
  if (fieldMode(collection, owner) !== 'translate') return false;
  const l = stripCr(line);
  const key = KEY_LINE.exec(l);
  if (key) return !EMPTY_VALUES.has((key[2] ?? '').trim().replace(/\s+#.*$/, ''));
  const t = l.trim();
  return t !== '' && t !== '-' && !t.startsWith('#');
}

/** Where a version of a file has its front matter, and how many lines of text it holds. */
export interface Shape {
  /** Line number (from 1) of the closing `---` of the front matter; 0 without front matter. */
  fmEnd: number;
  /** Lines of translated text: translated fields with a value, non-blank body lines. 0: a placeholder. */
  textLines: number;
}

/** The shape of a file's text. */
export function shapeOf(collection: CollectionName, text: string): Shape {
  const lines = text.split('\n');
  let fmEnd = 0;
  if (lines.length > 0 && isDelimiter(lines[0]!)) {
    const close = lines.findIndex((l, i) => i > 0 && isDelimiter(l));
    fmEnd = close > 0 ? close + 1 : 0;
  }
  let textLines = 0;
  let owner: string | undefined;
  for (let i = fmEnd > 0 ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fmEnd > 0 && i + 1 < fmEnd) {
      owner = lineKey(line) ?? owner;
      if (carriesText(collection, owner, line)) textLines++;
    } else if (i + 1 > fmEnd && line.trim() !== '') textLines++;
  }
  return { fmEnd, textLines };
}

/** A modification of a file: whether it changed text, and the shape of the version before it. */
export interface Classified {
  text: boolean;
  /** The version before the change; undefined when it could not be followed. */
  before: Shape | undefined;
}

/**
 * Classifies the hunks of a modification, given the shape of the version after it (undefined:
 * unknown, so the change counts as text), and gives the shape of the version before it.
 */
export function classifyModification(collection: CollectionName, hunks: readonly Hunk[], after: Shape | undefined): Classified {
  if (!after) return { text: true, before: undefined };
  if (hunks.length === 0) return { text: false, before: after };
  const end = after.fmEnd;
  let text = false;
  let fmShift = 0;
  let textDelta = 0;
  for (const h of hunks) {
    // Where the hunk lies in the new version: front matter (lines 2 … end-1), body, or across a `---`.
    const first = h.newStart;
    const last = h.newCount > 0 ? h.newStart + h.newCount - 1 : h.newStart;
    const inFrontMatter = end > 0 && (h.newCount > 0 ? first >= 2 && last <= end - 1 : first >= 1 && first <= end - 1);
    const inBody = h.newCount > 0 ? first > end : first >= end;
    const removesDelimiter = h.removed.some((l, i) => isDelimiter(l) && (inFrontMatter || h.oldStart + i === 1));
    if ((!inFrontMatter && !inBody) || removesDelimiter) return { text: true, before: undefined };
    if (inFrontMatter) {
      fmShift += h.newCount - h.oldCount;
      let owner = h.owner;
      for (const line of h.removed) {
        owner = lineKey(line) ?? owner;
        text ||= changesText(collection, owner, line);
        if (carriesText(collection, owner, line)) textDelta++;
      }
      owner = h.owner;
      for (const line of h.added) {
        owner = lineKey(line) ?? owner;
        text ||= changesText(collection, owner, line);
        if (carriesText(collection, owner, line)) textDelta--;
      }
    } else {
      for (const line of h.removed) {
        if (line.trim() === '') continue;
        text = true;
        textDelta++;
      }
      for (const line of h.added) {
        if (line.trim() === '') continue;
        text = true;
        textDelta--;
      }
    }
  }
  return { text, before: { fmEnd: end > 0 ? end - fmShift : 0, textLines: Math.max(0, after.textLines + textDelta) } };
}

// ---------------------------------------------------------------------------------------------
// Following the history backwards, to know each version's shape and what each change was.

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
 * shape now (`current`: path → shape of the working copy's file). Paths outside the content
 * collections are left out.
 */
export function classifyHistory(
  commits: readonly Pick<Commit, 'hash' | 'time' | 'minor' | 'changes' | 'hunks'>[],
  current: ReadonlyMap<string, Shape>,
  times?: ReadonlyMap<string, number>,
): HistoryStep[] {
  // Path → shape of the version at the point reached, going back; undefined: not known.
  const shapes = new Map<string, Shape | undefined>(current);
  const steps: HistoryStep[] = [];
  for (let c = commits.length - 1; c >= 0; c--) {
    const commit = commits[c]!;
    const changes = commit.changes
      .filter((ch) => contentPath(ch.path) || (ch.from && contentPath(ch.from)))
      .sort((a, b) => forwardRank[b.status] - forwardRank[a.status]);
    const events: ChangeEvent[] = [];
    for (const change of changes) {
      const located = contentPath(change.path) ?? contentPath(change.from!)!;
      const after = shapes.has(change.path) ? shapes.get(change.path) : undefined;
      const present = (s: Shape | undefined) => (s ? s.textLines > 0 : true);
      const time = c === commits.length - 1 ? times?.get(change.path) : undefined;
      switch (change.status) {
        case 'A':
          shapes.delete(change.path);
          events.push({ change, text: true, presentBefore: false, presentAfter: present(after), time });
          break;
        case 'D':
          shapes.set(change.path, undefined);
          events.push({ change, text: true, presentBefore: true, presentAfter: false, time });
          break;
        case 'M':
        case 'R': {
          const { text, before } = classifyModification(located.collection, commit.hunks.get(change.path) ?? [], after);
          shapes.delete(change.path);
          shapes.set(change.status === 'R' ? change.from! : change.path, before);
          events.push({ change, text, presentBefore: present(before), presentAfter: present(after), time });
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

/** The calendar day (YYYY-MM-DD) of an instant in a time zone (the centre's dates are Rome's by default). */
export function calendarDay(instant: string | Date, timeZone = 'Europe/Rome'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
