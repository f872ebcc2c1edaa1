/**
 * Peak memory of a process tree, polled from /proc (Linux): every `intervalMs` the resident
 * set (RSS, /proc/<pid>/statm) of every descendant of a root process is read and summed.
 * Processes are grouped by kind from the file they run (/proc/<pid>/exe; the command name is
 * not enough, Node names its main thread "MainThread"): `node` (Astro, Vite, sharp and its
 * libvips threads live in it), `pagefind` (the pagefind_extended binary that Pagefind's Node
 * API spawns) and `other` (esbuild's service…). A child between fork and exec is not counted
 * (it would count its parent's memory twice).
 *
 * Polling can miss a spike shorter than the interval; the caller can compare the node peak
 * with the kernel's own maximum (ru_maxrss, e.g. from /usr/bin/time -f %M), which is exact
 * for the single largest process but not a sum over processes.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

const PAGE_SIZE = 4096;

/** pid → { ppid, comm } for every process visible in /proc. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split at the last ")".
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4.
    table.set(Number(name), { ppid: Number(fields[1]), comm });
  }
  return table;
}

/** Kind of a process from the file name of its executable. */
export function kindOf(name) {
  if (name === 'node' || name.startsWith('node ')) return 'node';
  if (name.startsWith('pagefind')) return 'pagefind';
  return 'other';
}

/** The executable's file name of a process, or undefined when /proc/<pid>/exe is unreadable. */
function executableOf(pid) {
  try {
    return basename(readlinkSync(`/proc/${pid}/exe`)).replace(/ \(deleted\)$/, '');
  } catch {
    return undefined;
  }
}

/** Resident set of a process in bytes, read now (/proc/<pid>/statm), or undefined once it has gone. */
function residentOf(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * PAGE_SIZE;
  } catch {
    return undefined;
  }
}

/** The command line of a process ("" when unreadable). */
function commandLineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return '';
  }
}

/**
 * Starts polling the descendants of `rootPid` (the root itself is left out when
 * `includeRoot` is false, e.g. for a /usr/bin/time wrapper).
 * @returns {{ current: () => number, stop: () => { peak: number, byKind: Record<string, number>, processes: { pid: number, comm: string, exe: string, peak: number }[], samples: number, intervalMs: number } }}
 *   peak: highest sum over the tree; byKind: highest sum per kind; processes: each process's own peak.
 */
export function startMemoryMonitor(rootPid, { intervalMs = 100, includeRoot = false } = {}) {
  let peak = 0;
  let last = 0;
  let samples = 0;
  const byKind = { node: 0, pagefind: 0, other: 0 };
  /** @type {Map<number, { comm: string, exe: string, peak: number }>} */
  const perProcess = new Map();

  const sample = () => {
    const table = processTable();
    const children = new Map();
    for (const [pid, p] of table) {
      if (!children.has(p.ppid)) children.set(p.ppid, []);
      children.get(p.ppid).push(pid);
    }
    const tree = includeRoot ? [rootPid] : [];
    const stack = [...(children.get(rootPid) ?? [])];
    while (stack.length) {
      const pid = stack.pop();
      tree.push(pid);
      stack.push(...(children.get(pid) ?? []));
    }
    let total = 0;
    const kinds = { node: 0, pagefind: 0, other: 0 };
    const commandLines = new Map();
    const commandLine = (pid) => {
      if (!commandLines.has(pid)) commandLines.set(pid, commandLineOf(pid));
      return commandLines.get(pid);
    };
    for (const pid of tree) {
      const p = table.get(pid);
      if (!p) continue;
      // Between fork and exec a child is a copy of its parent (with vfork, the very same memory):
      // its RSS is the parent's again. Such a child has the parent's command line; skip it. Once
      // the command line has changed the exec is done, so the RSS is read again, after it.
      if (commandLine(pid) === commandLine(p.ppid)) continue;
      const rss = residentOf(pid);
      if (rss === undefined) continue;
      const seen = perProcess.get(pid) ?? { comm: p.comm, exe: p.comm, peak: 0 };
      perProcess.set(pid, Object.assign(seen, { comm: p.comm, exe: executableOf(pid) ?? seen.exe, peak: Math.max(seen.peak, rss) }));
      total += rss;
      kinds[kindOf(seen.exe)] += rss;
    }
    samples++;
    last = total;
    peak = Math.max(peak, total);
    for (const k of Object.keys(kinds)) byKind[k] = Math.max(byKind[k], kinds[k]);
  };

  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    current: () => last,
    stop() {
      clearInterval(timer);
      const processes = [...perProcess].map(([pid, p]) => ({ pid, ...p })).sort((a, b) => b.peak - a.peak);
      return { peak, byKind, processes, samples, intervalMs };
    },
  };
}
