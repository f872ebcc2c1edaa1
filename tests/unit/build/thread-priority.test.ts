import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const modulePath = pathToFileURL(resolve(import.meta.dirname, '../../../src/build/thread-priority.ts')).href;

/*
 * In a process of its own (the test runner's threads are left alone): after libuv's pool has
 * started, its threads are lowered and the main thread is not. The nice value of a thread is
 * field 19 of /proc/self/task/<tid>/stat.
 */
describe.runIf(existsSync('/proc/self/task'))('lowerThreadPriority', () => {
  it("puts the named threads at nice 10 and leaves the rendering (main) thread's priority", () => {
    const script = `
      import { readdirSync, readFileSync, promises } from 'node:fs';
      import { lowerThreadPriority } from ${JSON.stringify(modulePath)};
      await promises.readFile(${JSON.stringify(modulePath.replace('file://', ''))});
      const changed = lowerThreadPriority(/^libuv-worker$/);
      const threads = readdirSync('/proc/self/task').map((tid) => {
        const name = readFileSync('/proc/self/task/' + tid + '/comm', 'utf8').trim();
        const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
        return [name, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
      });
      console.log(JSON.stringify({ changed, threads }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
    const { changed, threads } = JSON.parse(out) as { changed: number; threads: [string, number][] };
    const pool = threads.filter(([name]) => name === 'libuv-worker');
    expect(pool.length).toBeGreaterThan(0);
    expect(changed).toBe(pool.length);
    expect(pool.every(([, nice]) => nice === 10)).toBe(true);
    expect(threads.find(([name]) => name === 'MainThread')?.[1]).toBe(0);
  });
});
