import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSourcesHash } from '../../../src/build/admin-bundle';

const repo = resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'cittc-admin-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('key of the CMS admin bundle', () => {
  it('changes with the CMS code, the schema it is generated from and the lockfile, and only then', () => {
    for (const folder of ['cms', 'src']) cpSync(join(repo, folder), join(root, folder), { recursive: true });
    cpSync(join(repo, 'package-lock.json'), join(root, 'package-lock.json'));
    const first = adminSourcesHash(root);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    // Content is not an input: an edit to an entry keeps the bundle.
    mkdirSync(join(root, 'content/news/it'), { recursive: true });
    writeFileSync(join(root, 'content/news/it/x.mdx'), '---\ntitle: x\n---\n');
    expect(adminSourcesHash(root)).toBe(first);
    const changes: [string, string][] = [
      ['cms/labels.ts', '\n// changed\n'],
      ['src/schema/collections.ts', '\n// changed\n'],
      ['package-lock.json', ' '],
    ];
    let previous = first;
    for (const [file, extra] of changes) {
      writeFileSync(join(root, file), extra, { flag: 'a' });
      const next = adminSourcesHash(root);
      expect(next, file).not.toBe(previous);
      previous = next;
    }
  });
});
