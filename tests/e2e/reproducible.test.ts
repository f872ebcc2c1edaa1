import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const outDirs = [mkdtempSync(join(tmpdir(), 'cittc-repro-a-')), mkdtempSync(join(tmpdir(), 'cittc-repro-b-'))];

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file under dir, as paths relative to it, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

/** Same commit, same settings: the same bytes. */
const env = {
  ...process.env,
  BUILD_TIME: '2026-11-20T09:00:00Z',
  SOURCE_DATE_EPOCH: '1763629200',
  SITE_URL: 'https://www.cittc.example.org',
};

describe('reproducible builds', () => {
  it('two builds of the same sources give the same files, byte for byte', { timeout: 360_000 }, async () => {
    // One after the other (2 cores); each ~30–60 s. The second as on a machine in Beijing:
    // the machine's language and time zone must not change a byte (sorting with the default
    // collation did: it follows LANG).
    const machines = [
      { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'Europe/Rome' },
      { LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' },
    ];
    for (const [i, outDir] of outDirs.entries()) {
      await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
        env: { ...env, ...machines[i] },
        maxBuffer: 64 * 1024 * 1024,
      });
    }
    const [a, b] = outDirs.map(files) as [string[], string[]];
    // Hashed asset names differ only when their content does.
    expect(b).toEqual(a);
    const compared = a.filter((f) => /\.(html|xml|ics|txt|css|js|json)$/.test(f) || f === '_headers');
    expect(compared.length).toBeGreaterThan(200);
    const differing = compared.filter((f) => !readFileSync(join(outDirs[0]!, f)).equals(readFileSync(join(outDirs[1]!, f))));
    expect(differing).toEqual([]);
    expect(readFileSync(join(outDirs[0]!, 'sitemap.xml'))).toEqual(readFileSync(join(outDirs[1]!, 'sitemap.xml')));
  });
});
