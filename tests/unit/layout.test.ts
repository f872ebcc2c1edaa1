import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The code's layout (docs/build.md, "The build layer"): src/lib holds pure code that pages use;
 * what runs processes, threads, git or the file system for the build lives in src/build and
 * src/history.
 */
const root = resolve(import.meta.dirname, '../..');
const lib = join(root, 'src/lib');
const imports = (text: string) => [...text.matchAll(/^import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)].map((m) => ({ type: Boolean(m[1]), from: m[2]! }));

describe('src/lib', () => {
  it('imports no Node module and nothing of src/build or src/history (types excepted)', () => {
    const offending: string[] = [];
    for (const name of readdirSync(lib).filter((n) => n.endsWith('.ts'))) {
      for (const { type, from } of imports(readFileSync(join(lib, name), 'utf8'))) {
        if (from.startsWith('node:') || (!type && /^\.\.\/(build|history)\//.test(from))) offending.push(`src/lib/${name} imports ${from}`);
      }
    }
    expect(offending, 'move build tooling to src/build (or Git readers to src/history) and pass its results in').toEqual([]);
  });
});
