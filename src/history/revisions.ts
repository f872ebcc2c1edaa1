import { siteConfig } from '../config/site';
import { git, gitState } from './git-history.ts';

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
 * `cwd` (posix separators): one `git log` over the history, newest first, run as the
 * translation status runs git (git-history.ts). Empty when `cwd` is not in a Git checkout, the
 * checkout is shallow, or git is missing.
 */
export async function lastCommitTimes(paths: readonly string[], cwd: string = process.cwd()): Promise<Map<string, Date>> {
  const times = new Map<string, Date>();
  const state = await gitState(cwd);
  if (!state.ok) {
    if (state.reason === 'shallow') {
      console.warn(
        '[revisions] a shallow clone: calendar items take the time of the last commit (or SOURCE_DATE_EPOCH) as DTSTAMP, ' +
          'so every commit renders every calendar file again; fetch the whole history (git fetch --unshallow; fetch-depth: 0)',
      );
    }
    return times;
  }
  let out: string;
  try {
    out = await git(cwd, ['log', '--relative', '--no-renames', '--name-only', '--format=%x00%ct', '--', ...paths]);
  } catch {
    return times; // No commit yet.
  }
  for (const commit of out.split('\0')) {
    const [stamp, ...files] = commit.trim().split('\n');
    const seconds = Number(stamp);
    if (!stamp || !Number.isFinite(seconds)) continue;
    const at = new Date(seconds * 1000);
    for (const file of files) if (file && !times.has(file)) times.set(file, at);
  }
  return times;
}

/** The collections whose entries become calendar items. */
const CALENDAR_FOLDERS = ['content/events', 'content/calls'];
let calendarTimes: Promise<Map<string, Date>> | undefined;

/** The DTSTAMP of an entry's calendar items (see above); `filePath` is relative to the project root. */
export async function revisions(): Promise<(entry: { filePath?: string }) => Date> {
  calendarTimes ??= lastCommitTimes(CALENDAR_FOLDERS);
  const times = await calendarTimes;
  return (entry) => (entry.filePath && times.get(entry.filePath)) || siteConfig.contentStamp;
}
