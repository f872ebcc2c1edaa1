import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { localeKeys } from '../../src/i18n/locales';

/*
 * The build indexes a search copy of each page (src/build/search-index.ts, searchCopy): its
 * <html> tag, title and data-pagefind-body element only. The index must be the one Pagefind
 * makes from the whole pages: here it is made again from dist/ itself, and every file of it,
 * named by a hash of its content, must be the same.
 */
const dist = join(process.cwd(), 'dist');
const tmp = mkdtempSync(join(tmpdir(), 'cittc-search-copy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Pagefind's command, as the build runs it.
const pagefind = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));
const files = (bundle: string) =>
  (readdirSync(bundle, { recursive: true }) as string[]).filter((file) => /\.pf_(fragment|index|filter|meta)$/.test(file)).sort();

describe('search copies of the pages', () => {
  it.each(localeKeys)('give the %s index that the whole pages give, file for file', (locale) => {
    const output = join(tmp, locale);
    const run = spawnSync(process.execPath, [pagefind, '--site', dist, '--glob', `${locale}/**/*.html`, '--output-path', output, '--quiet'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const built = join(dist, 'pagefind', locale);
    const made = files(output);
    expect(made.filter((file) => file.endsWith('.pf_fragment')).length).toBeGreaterThan(3);
    expect(files(built)).toEqual(made);
    expect(readFileSync(join(built, 'pagefind-entry.json'), 'utf8')).toBe(readFileSync(join(output, 'pagefind-entry.json'), 'utf8'));
  });
});
