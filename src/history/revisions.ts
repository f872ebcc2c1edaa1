import { execFileSync } from 'node:child_process';
import { siteConfig } from '../config/site';

/*
 * When an entry was last revised: the DTSTAMP of its calendar items. RFC 5545 (3.8.7.2) says
 * that in a calendar without METHOD, DTSTAMP is when the component's information was last
 * revised. The time of the last Git commit that changed the entry's file is that, the same on
 * every machine that builds the commit, and it changes only with the file.
 *
 * One stamp for the whole site (the commit being built) would change with every commit, and
 * with it every calendar file and the cache key of every page that carries one: after an
 * editor's one-line commit the incremental build would render every calendar again. Without
 * the history of a file (not a Git checkout, a new file not yet committed, a shallow clone,
 * whose oldest commit would seem to have written every file) the stamp is the site's:
 * SOURCE_DATE_EPOCH or the last commit; then every commit renders every calendar again.
 */

/**
 * Time of the last commit that changed each file under `paths`, keyed by the path relative to
 * `cwd` (posix separators): one `git log` over the history, newest first. Empty when `cwd` is
 * not in a Git checkout, the checkout is shallow, or git is missing.
 */
export function lastCommitTimes(paths: readonly string[], cwd: string = process.cwd()): Map<string, Date> {
  const times = new Map<string, Date>();
  let out: string;
  try {
    const git = (args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (git(['rev-parse', '--is-shallow-repository']) === 'true') {
      console.warn(
        '[revisions] a shallow clone: calendar items take the time of the last commit (or SOURCE_DATE_EPOCH) as DTSTAMP, ' +
          'so every commit renders every calendar file again; fetch the whole history (git fetch --unshallow; fetch-depth: 0)',
      );
      return times;
    }
    // core.quotePath=false: names outside ASCII as they are, not quoted with octal escapes.
    out = git(['-c', 'core.quotePath=false', 'log', '--relative', '--no-renames', '--name-only', '--format=%x00%ct', '--', ...paths]);
  } catch {
    return times;
  }
  for (const commit of out.split('\0')) {
    const [stamp, ...files] = commit.split('\n');
    const seconds = Number(stamp);
    if (!stamp || !Number.isFinite(seconds)) continue;
    const at = new Date(seconds * 1000);
    for (const file of files) if (file && !times.has(file)) times.set(file, at);
  }
  return times;
}

/** The collections whose entries become calendar items. */
const CALENDAR_FOLDERS = ['content/events', 'content/calls'];
let calendarTimes: Map<string, Date> | undefined;

/** DTSTAMP of an entry's calendar items: see above. `filePath` is relative to the project root. */
export function revisedAt(entry: { filePath?: string }): Date {
  calendarTimes ??= lastCommitTimes(CALENDAR_FOLDERS);
  return (entry.filePath && calendarTimes.get(entry.filePath)) || siteConfig.contentStamp;
}
