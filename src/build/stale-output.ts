import type { AstroIntegrationLogger } from 'astro';
import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/*
 * dist/ is kept between builds (astro.config.mjs: vite.build.emptyOutDir false), so that pages an
 * incremental build reuses stay where they are instead of being copied back from Astro's cache
 * (one per page) after emptying dist/, which takes long on a large site. What the build
 * did not produce this time must then go, as emptying would have done: the page of a deleted or
 * unpublished entry, a renamed asset. A file stays when
 *   - it was written during this build (modified at or after the build started), or
 *   - it is the output of a route of this build (Astro's list, which includes the pages reused
 *     unchanged from the incremental cache: those keep their old modification time), or
 *   - it is a copy of a file of public/ (copied by every build, listed here to not depend on
 *     the copy updating the time), or
 *   - it is under a kept folder: pagefind/, written after astro build by its own step, and .git.
 * Everything else is removed, then the folders left empty.
 */

/** Size and modification time of a built file, as lstat gave them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface StaleSweep {
  /** Site-relative paths (with "/") of the files removed. */
  removed: string[];
  /**
   * Every file left in dist/ outside the kept folders, by site-relative path (with "/"), with
   * its size and time: the link check uses it instead of walking the 31,000 folders again.
   */
  files: Map<string, FileStamp>;
}

export interface StaleSweepOptions {
  /** The built site. */
  dist: string;
  /** Build start, in ms since the epoch: files modified at or after it are this build's. */
  startedAt: number;
  /** Absolute paths of the files of this build's routes (pages, feeds, .ics…). */
  routeFiles: Iterable<string>;
  /** The public/ folder, copied into dist by the build. */
  publicDir: string;
  /** Top-level folders of dist left alone. */
  keepFolders?: string[];
}

export function removeStaleOutput({ dist, startedAt, routeFiles, publicDir, keepFolders = ['pagefind', '.git'] }: StaleSweepOptions): StaleSweep {
  const routes = new Set([...routeFiles].map((file) => relative(dist, file).split(sep).join('/')));
  const keepTop = new Set(keepFolders);
  const removed: string[] = [];
  const files = new Map<string, FileStamp>();

  const sweep = (dir: string, prefix: string): boolean => {
    // Returns whether the folder is empty afterwards.
    let left = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = prefix + entry.name;
      if (dir === dist && keepTop.has(entry.name)) {
        left++;
        continue;
      }
      if (entry.isDirectory()) {
        if (sweep(path, `${rel}/`)) rmdirSync(path);
        else left++;
        continue;
      }
      const { size, mtimeMs } = lstatSync(path);
      if (mtimeMs >= startedAt || routes.has(rel) || existsSync(join(publicDir, rel))) {
        files.set(rel, { size, mtimeMs });
        left++;
        continue;
      }
      rmSync(path, { force: true });
      removed.push(rel);
    }
    return left === 0;
  };
  if (existsSync(dist)) sweep(dist, '');
  return { removed: removed.sort(), files };
}

/**
 * The sweep as the build runs it (src/build/integration.ts): dist/ is kept between builds so
 * that pages reused by an incremental build need not be copied back, and what this build did
 * not produce is removed before the link check, so that a link to a page that is gone is found.
 * Returns the files that stay, for the link check (one walk of dist/ instead of two).
 */
export function sweepStaleOutput(options: StaleSweepOptions, logger: Pick<AstroIntegrationLogger, 'info'>): Map<string, FileStamp> {
  const { removed, files } = removeStaleOutput(options);
  const shown = removed.slice(0, 10).join(', ') + (removed.length > 10 ? `, … (${removed.length - 10} more)` : '');
  logger.info(removed.length ? `removed ${removed.length} file(s) of earlier builds that this build did not produce: ${shown}` : 'no files of earlier builds left in the output');
  return files;
}
