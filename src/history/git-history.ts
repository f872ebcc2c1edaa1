import { execFile } from 'node:child_process';
import { MINOR_MARKER } from '../lib/translation-status.ts';

/*
 * The Git history of content files, read in a fixed number of `git` processes whatever the
 * number of files (never one process per file), for the translation status
 * (src/lib/translation-status.ts):
 *
 * 1. `git log --name-status -M`: every commit, its time, whether its message holds the
 *    `[minor]` marker, and the files it added, modified, renamed or deleted;
 * 2. `git log -p -U0 --diff-filter=MR -M`: the changed lines of modifications and renames only
 *    (the text of an added file is never needed, and at tens of thousands of files it would be
 *    most of the output): with them each earlier version of a file is rebuilt from the file
 *    as it is now (src/lib/translation-status.ts);
 * 3. `git diff -p -U0 -M HEAD` and `git ls-files --others`: what the working copy changed and
 *    added since the last commit.
 *
 * Paths are relative to `cwd` (the site's root, which may be a folder of a larger checkout).
 */

export interface FileChange {
  status: 'A' | 'M' | 'D' | 'R';
  /** The file's path after the change (the deleted path for D). */
  path: string;
  /** The path before a rename. */
  from?: string;
}

/** One hunk of a zero-context diff: lines removed from the old version, lines added in the new one. */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  removed: string[];
  added: string[];
}

export interface Commit {
  hash: string;
  /** Committer time, in seconds since the epoch. */
  time: number;
  /** The message holds `[minor]`: its changes make no other language outdated. */
  minor: boolean;
  changes: FileChange[];
  /** Hunks of the modified and renamed files, by path after the change. */
  hunks: Map<string, Hunk[]>;
}

/** What Git knows about the content: usable, or why not. */
export type GitState =
  | { ok: true; head: string | undefined }
  | { ok: false; reason: 'no-git' | 'not-a-repository' | 'shallow'; message: string };

export const isMinorMessage = (message: string) => message.includes(MINOR_MARKER);

// Records of `git log` are separated by \x01 (never in a message or a path) and fields by \0.
const RECORD = '\x01';

/** Runs git in `cwd`; rejects with git's message on a non-zero exit. */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      // Names outside ASCII as they are; no pager, colours, external diff or user prefixes.
      ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '-c', 'diff.noprefix=false', ...args],
      { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }));
        else resolve(stdout);
      },
    );
  });
}

/** Whether `cwd` has a usable history: Git installed, a repository, not a shallow clone. */
export async function gitState(cwd: string): Promise<GitState> {
  let out: string;
  try {
    out = await git(cwd, ['rev-parse', '--is-shallow-repository', '--verify', '-q', 'HEAD']).catch(async (error) => {
      // No commit yet: --verify HEAD fails, the repository is still one.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
      return `${(await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim()}\n`;
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { ok: false, reason: 'no-git', message: 'git is not installed, so the history of the content cannot be read' };
    }
    return { ok: false, reason: 'not-a-repository', message: `${cwd} is not in a Git repository, so the history of the content cannot be read` };
  }
  const [shallow, head] = out.trim().split('\n');
  if (shallow === 'true') {
    return {
      ok: false,
      reason: 'shallow',
      message:
        'this is a shallow clone: its oldest commit seems to have written every file, so the history of the content cannot be trusted ' +
        '(fetch the whole history: git fetch --unshallow; in CI, fetch-depth: 0)',
    };
  }
  return { ok: true, head: head || undefined };
}

const PATCH_OPTIONS = ['-M', '-p', '-U0', '--relative', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'];

/**
 * The commits that changed `paths` (folders relative to `cwd`), oldest first: all of them, or
 * those after `since` (a commit hash) up to HEAD.
 */
export async function readHistory(cwd: string, paths: readonly string[], since?: string): Promise<Commit[]> {
  const range = since ? [`${since}..HEAD`] : ['HEAD'];
  const [names, patches] = await Promise.all([
    git(cwd, ['log', '--date-order', '-M', '--relative', '--name-status', `--format=${RECORD}%H%x00%ct%x00%B%x00`, ...range, '--', ...paths]),
    git(cwd, ['log', '--date-order', ...PATCH_OPTIONS, '--diff-filter=MR', `--format=${RECORD}%H`, ...range, '--', ...paths]),
  ]);
  const commits = parseNameStatusLog(names);
  const hunks = parsePatchLog(patches);
  for (const commit of commits) commit.hunks = hunks.get(commit.hash) ?? new Map();
  return commits.reverse();
}

/** Parses `git log --name-status --format=\x01%H%x00%ct%x00%B%x00` (newest first, as git prints it). */
export function parseNameStatusLog(text: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of text.split(RECORD)) {
    if (!record) continue;
    const [hash, time, message, rest = ''] = record.split('\0');
    if (!hash || !time) continue;
    commits.push({ hash, time: Number(time), minor: isMinorMessage(message ?? ''), changes: parseNameStatus(rest), hunks: new Map() });
  }
  return commits;
}

/** Lines of `--name-status`: "M\tpath", "R087\told\tnew". */
export function parseNameStatus(text: string): FileChange[] {
  const changes: FileChange[] = [];
  for (const line of text.split('\n')) {
    const [code, first, second] = line.split('\t');
    if (!code || !first) continue;
    const kind = code[0];
    if (kind === 'R' && second) changes.push({ status: 'R', path: second, from: first });
    else if (kind === 'C' && second) changes.push({ status: 'A', path: second });
    else if (kind === 'A' || kind === 'M' || kind === 'D') changes.push({ status: kind, path: first });
    else if (kind === 'T') changes.push({ status: 'M', path: first });
  }
  return changes;
}

/** Parses `git log -p --format=\x01%H` into the hunks of each commit, by path after the change. */
export function parsePatchLog(text: string): Map<string, Map<string, Hunk[]>> {
  const byCommit = new Map<string, Map<string, Hunk[]>>();
  for (const record of text.split(RECORD)) {
    if (!record) continue;
    const end = record.indexOf('\n');
    const hash = (end < 0 ? record : record.slice(0, end)).trim();
    byCommit.set(hash, parsePatch(end < 0 ? '' : record.slice(end + 1)));
  }
  return byCommit;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The hunks of a unified diff (zero context), by the path of each file after the change. */
export function parsePatch(text: string): Map<string, Hunk[]> {
  const files = new Map<string, Hunk[]>();
  let hunks: Hunk[] | undefined;
  let hunk: Hunk | undefined;
  let renamedTo: string | undefined;
  let header = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      // The path is taken from the +++ or "rename to" line below ("a/x b/y" is ambiguous with spaces).
      hunks = undefined;
      hunk = undefined;
      renamedTo = undefined;
      header = true;
      continue;
    }
    if (header) {
      if (line.startsWith('rename to ')) {
        renamedTo = line.slice('rename to '.length);
        hunks = [];
        files.set(renamedTo, hunks);
      } else if (line.startsWith('+++ ')) {
        const path = line.startsWith('+++ b/') ? line.slice(6) : renamedTo;
        if (path) {
          hunks = files.get(path) ?? [];
          files.set(path, hunks);
        }
      } else if (line.startsWith('@@ ')) header = false;
      if (header) continue;
    }
    if (line.startsWith('@@ ')) {
      const m = HUNK_HEADER.exec(line);
      if (!m || !hunks) continue;
      hunk = {
        oldStart: Number(m[1]),
        oldCount: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newCount: m[4] === undefined ? 1 : Number(m[4]),
        removed: [],
        added: [],
      };
      hunks.push(hunk);
    } else if (hunk && line.startsWith('-')) hunk.removed.push(line.slice(1));
    else if (hunk && line.startsWith('+')) hunk.added.push(line.slice(1));
  }
  return files;
}

/** What the working copy changed since HEAD: files added, modified, renamed, deleted, with hunks. */
export interface WorkingChanges {
  changes: FileChange[];
  hunks: Map<string, Hunk[]>;
}

/**
 * The working copy against HEAD (or, before the first commit, everything as added): tracked
 * files changed (staged or not) and files Git does not track yet (ignored files excepted).
 */
export async function readWorkingChanges(cwd: string, paths: readonly string[], head: string | undefined): Promise<WorkingChanges> {
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '--', ...paths]);
  if (!head) {
    const tracked = await git(cwd, ['ls-files', '--', ...paths]);
    const all = [...tracked.split('\n'), ...(await untracked).split('\n')].filter(Boolean);
    return { changes: all.map((path) => ({ status: 'A' as const, path })), hunks: new Map() };
  }
  const [names, patch, others] = await Promise.all([
    git(cwd, ['diff', '-M', '--relative', '--name-status', 'HEAD', '--', ...paths]),
    git(cwd, ['diff', ...PATCH_OPTIONS, '--diff-filter=MR', 'HEAD', '--', ...paths]),
    untracked,
  ]);
  const changes = parseNameStatus(names);
  for (const path of others.split('\n')) if (path) changes.push({ status: 'A', path });
  return { changes, hunks: parsePatch(patch) };
}

/** Whether commit `ancestor` is an ancestor of (or is) HEAD. */
export async function isAncestorOfHead(cwd: string, ancestor: string): Promise<boolean> {
  return git(cwd, ['merge-base', '--is-ancestor', ancestor, 'HEAD']).then(
    () => true,
    () => false,
  );
}

/**
 * A short description of the working copy's content state: git status of `paths` (tracked
 * changes and untracked files). Changes with every edit of a file that differs from HEAD only
 * together with the files' times, which the caller adds.
 */
export async function workingTreeStatus(cwd: string, paths: readonly string[]): Promise<string> {
  return git(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths]);
}
