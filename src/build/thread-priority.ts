import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Background work at a lower priority than the thread that renders the pages.
 *
 * Astro renders every page on the main thread, and that thread is the build's critical path.
 * The work moved beside it (images encoded by sharp on libuv and libvips threads, QR codes on a
 * worker thread) competes with it for the two cores: with three threads wanting two cores, the
 * kernel gives each two thirds of one. At nice 10 they get what the main thread leaves. Linux
 * only (a thread's priority is set by its id, found in /proc); elsewhere nothing changes.
 */
export const BACKGROUND_NICE = 10;

/** Lowers the priority of this process's threads whose name matches (libuv's and libvips' pools). */
export function lowerThreadPriority(names: RegExp, nice = BACKGROUND_NICE): number {
  let changed = 0;
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const tid of tasks) {
    try {
      if (!names.test(readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim())) continue;
      setPriority(Number(tid), nice);
      changed++;
    } catch {
      // The thread ended, or this is not allowed here: it keeps its priority.
    }
  }
  return changed;
}
