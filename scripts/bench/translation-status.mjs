/**
 * The benchmark's measure of the translation status (src/history/translation-report.ts) of a copy's
 * content: in a fresh Node process (as `npm run translations` and a build start it), the time
 * of translationStatuses() and of the whole process.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { markdownTable } from './report.mjs';

/**
 * @param {string} dir the copy's root (a Git repository)
 * @param {{ cache: boolean }} options cache: use and fill node_modules/.astro/translation-status
 * @returns {Promise<{ ms: number, processMs: number, entries: number, files: number, counts: Record<string, number> }>}
 */
export async function measureStatus(dir, { cache }) {
  const module = pathToFileURL(join(dir, 'src/history/translation-report.ts')).href;
  const code = `
    const started = performance.now();
    const { translationStatuses } = await import(${JSON.stringify(module)});
    const imported = performance.now();
    const report = await translationStatuses({ root: process.cwd(), ${cache ? '' : 'cacheDir: false, '}warn: (w) => console.error(w) });
    const ms = performance.now() - imported;
    const counts = {};
    let files = 0;
    for (const e of report.entries) for (const s of Object.values(e.locales)) {
      counts[s.status] = (counts[s.status] ?? 0) + 1;
      if (s.status !== 'missing') files++;
    }
    console.log(JSON.stringify({ ms, importMs: imported - started, entries: report.entries.length, files, counts }));
  `;
  const t0 = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', code], { cwd: dir, maxBuffer: 1 << 26 });
  const processMs = performance.now() - t0;
  return { ...JSON.parse(stdout.trim().split('\n').pop()), processMs };
}

const s2 = (ms) => (ms / 1000).toFixed(2);

/** One row per corpus size: the status from the whole history, from what was kept, one commit later. */
export function statusTable(results) {
  return markdownTable(
    ['entries (files)', 'status s: whole history (process)', 'status s: kept at the commit', 'status s: one commit later', 'up to date / outdated / missing'],
    results.map((r) => [
      `${r.entries.generated}${r.entries.sample ? ` + ${r.entries.sample}` : ''} (${r.entries.files})`,
      `${s2(r.status.cold.ms)} (${s2(r.status.cold.processMs)})`,
      s2(r.status.kept),
      s2(r.status.extended),
      ['up-to-date', 'outdated', 'missing'].map((k) => r.status.cold.counts[k] ?? 0).join(' / '),
    ]),
  );
}
