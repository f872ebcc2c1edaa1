import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleOutput } from '../../../src/build/stale-output';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A file with a given modification time (ms since the epoch). */
function file(path: string, mtime: number) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, mtime / 1000, mtime / 1000);
}

describe('removeStaleOutput', () => {
  it('removes only what this build did not produce, then the folders left empty', () => {
    root = mkdtempSync(join(tmpdir(), 'cittc-stale-'));
    const dist = join(root, 'dist');
    const publicDir = join(root, 'public');
    const startedAt = Date.UTC(2026, 10, 25, 10);
    const before = startedAt - 60_000;
    const after = startedAt + 5_000;
    // Written by this build.
    file(join(dist, 'it/news/index.html'), after);
    file(join(dist, '_astro/site.abc123.css'), after);
    // Reused from the incremental cache: old, but the output of a route of this build.
    file(join(dist, 'it/news/kept/index.html'), before);
    // A copy of a public/ file (the copy may keep an old time).
    file(join(publicDir, 'favicon.svg'), before);
    file(join(dist, 'favicon.svg'), before);
    // Left by earlier builds: a deleted entry (its folder goes too), an old asset.
    file(join(dist, 'it/news/deleted/index.html'), before);
    file(join(dist, 'it/news/deleted/event.ics'), before);
    file(join(dist, '_astro/site.old999.css'), before);
    // Kept folders: the search index (written after the build) and .git.
    file(join(dist, 'pagefind/it/pagefind.js'), before);
    file(join(dist, '.git/HEAD'), before);

    const { removed, files } = removeStaleOutput({
      dist,
      startedAt,
      routeFiles: [join(dist, 'it/news/index.html'), join(dist, 'it/news/kept/index.html')],
      publicDir,
    });

    expect(removed).toEqual(['_astro/site.old999.css', 'it/news/deleted/event.ics', 'it/news/deleted/index.html']);
    // What stays, for the link check: every file but those of the kept folders, with its stamp.
    expect([...files.keys()].sort()).toEqual(['_astro/site.abc123.css', 'favicon.svg', 'it/news/index.html', 'it/news/kept/index.html']);
    expect(files.get('it/news/kept/index.html')).toEqual({ size: 1, mtimeMs: before });
    expect(existsSync(join(dist, 'it/news/deleted'))).toBe(false);
    for (const kept of ['it/news/index.html', 'it/news/kept/index.html', '_astro/site.abc123.css', 'favicon.svg', 'pagefind/it/pagefind.js', '.git/HEAD']) {
      expect(existsSync(join(dist, kept)), kept).toBe(true);
    }
  });

  it('does nothing when there is no output yet', () => {
    root = mkdtempSync(join(tmpdir(), 'cittc-stale-'));
    expect(removeStaleOutput({ dist: join(root, 'dist'), startedAt: Date.now(), routeFiles: [], publicDir: join(root, 'public') }).removed).toEqual([]);
  });
});
