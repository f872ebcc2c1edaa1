#!/usr/bin/env node
/**
 * Build benchmark: how the site's build scales with the amount of content.
 *
 * For each corpus size N it makes a temporary copy of the site (scripts/bench/workspace.mjs),
 * keeps the sample content and adds N synthetic entries in it/zh/en (scripts/bench/corpus.mjs),
 * commits it all (the copy is a Git repository, as the site's is), builds it cold with the
 * project's Node 24, measures time, memory, Pagefind and page weight, changes the body of one
 * entry, commits it as a CMS save would and builds again, then prints a markdown table.
 *
 * It also measures the translation status of the corpus (src/history/translation-report.ts): read
 * from the whole history with nothing kept, from what was kept at that commit, and extended by
 * the commit of the edit.
 *
 * Usage: npm run bench -- [--entries 1000[,10000]] [--keep] [--json results.json]
 *          [--seed 1] [--now 2026-11-25] [--images K] [--no-sample] [--progress 5]
 *          [--env KEY=VALUE ...] [--status-only]
 *   --entries   corpus sizes, comma-separated or repeated (default 1000)
 *   --keep      keep the temporary copies and print their paths (default: removed)
 *   --json      write all measurements (with per-page weights) to a file
 *   --seed      seed of the synthetic content (default 1)
 *   --now       the build's "now" (BUILD_TIME), also the anchor of generated dates
 *               (default: BUILD_TIME from the environment, else today 10:00 UTC)
 *   --images    distinct generated cover images (default: N/100, at most 20)
 *   --no-sample generated entries only (default: the sample content of content/ is kept)
 *   --progress  seconds between progress lines (0: none; default 5)
 *   --env       extra environment for both builds, e.g. to switch an option of
 *               astro.config.mjs that reads process.env
 *   --status-only  no builds: the corpus, its commits and the translation status only
 * Exits non-zero when a build fails, after printing the end of Astro's output.
 */
import { rmSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countEntries, editEntryBody, generateCorpus } from './bench/corpus.mjs';
import { runBuild } from './bench/build-runner.mjs';
import { pageWeights, summarizeWeights } from './bench/page-weight.mjs';
import { machineInfo, machineLine, phasesTable, resultsTable } from './bench/report.mjs';
import { commitAll, createWorkspace, removeWorkspace } from './bench/workspace.mjs';
import { measureStatus, statusTable } from './bench/translation-status.mjs';

const repo = resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    entries: { type: 'string', multiple: true, default: ['1000'] },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    seed: { type: 'string', default: '1' },
    now: { type: 'string' },
    images: { type: 'string' },
    sample: { type: 'boolean', default: true },
    progress: { type: 'string', default: '5' },
    env: { type: 'string', multiple: true, default: [] },
    'status-only': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log('Usage: npm run bench -- [--entries 1000,10000] [--keep] [--json file] [--seed 1] [--now YYYY-MM-DD]');
  console.log('         [--images K] [--no-sample] [--progress 5] [--env KEY=VALUE ...] [--status-only]   (see scripts/bench.mjs)');
  process.exit(0);
}

const sizes = args.entries.flatMap((v) => v.split(',')).map((v) => Number(v.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--entries takes positive whole numbers, got ${args.entries.join(',')}`);
  process.exit(2);
}
const extraEnv = Object.fromEntries(
  args.env.map((kv) => {
    const i = kv.indexOf('=');
    if (i < 1) {
      console.error(`--env takes KEY=VALUE, got ${kv}`);
      process.exit(2);
    }
    return [kv.slice(0, i), kv.slice(i + 1)];
  }),
);

// "Now" of the build (BUILD_TIME) and of the generated dates: pinned, so runs compare.
const nowText = args.now ?? process.env.BUILD_TIME ?? `${new Date().toISOString().slice(0, 10)}T10:00:00Z`;
const now = new Date(/^\d{4}-\d{2}-\d{2}$/.test(nowText) ? `${nowText}T10:00:00Z` : nowText);
if (Number.isNaN(now.getTime())) {
  console.error(`--now must be a date or an ISO 8601 instant, got ${nowText}`);
  process.exit(2);
}
const buildEnv = {
  BUILD_TIME: now.toISOString(),
  ...extraEnv,
};
const progressEvery = Number(args.progress);
const log = (line = '') => console.log(line);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Bytes of all files below a folder (0 when it does not exist). */
async function folderBytes(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const e of entries) if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

/** Prints the end of a failed build's output and exits. */
function failed(build, what, workspace) {
  console.error(`\n${what} failed (exit code ${build.exitCode}). Last lines of Astro's output:\n`);
  console.error(build.tail.slice(-80).join('\n'));
  console.error(`\nFull log: ${build.logFile}${args.keep ? '' : ' (removed with the copy; use --keep to keep it)'}`);
  if (!args.keep) rmSync(workspace, { recursive: true, force: true });
  process.exit(1);
}

let current = null;
process.on('SIGINT', () => {
  if (current && !args.keep) rmSync(current, { recursive: true, force: true });
  process.exit(130);
});

const machine = machineInfo(repo);
log(machineLine(machine));
log(`BUILD_TIME=${buildEnv.BUILD_TIME}${Object.keys(extraEnv).length ? `, extra env: ${Object.keys(extraEnv).join(', ')}` : ''}`);

const results = [];
for (const n of sizes) {
  log(`\n== ${n} entries ==`);
  const workspace = await createWorkspace(repo, { sample: args.sample });
  current = workspace;
  log(`copy of the site: ${workspace}`);

  const sample = await countEntries(join(workspace, 'content'));
  const sampleEntries = Object.values(sample).reduce((s, x) => s + x, 0);
  const sampleFiles = (await readdir(join(workspace, 'content'), { recursive: true })).filter((f) => /\.mdx?$/.test(f)).length;
  const t0 = performance.now();
  const corpus = await generateCorpus({
    root: workspace,
    entries: n,
    seed: Number(args.seed),
    now,
    images: args.images === undefined ? undefined : Number(args.images),
  });
  log(
    `generated ${n} entries (${corpus.files} files, ${corpus.covers} covers, ${corpus.images.length} generated images) in ${secs(performance.now() - t0)}: ` +
      Object.entries(corpus.counts).map(([c, k]) => `${c} ${k}`).join(', ') +
      (args.sample ? `; sample content kept: ${sampleEntries} entries (${sampleFiles} files)` : '; no sample content'),
  );

  // A Git checkout, as in production (the site reads the history: src/history/revisions.ts).
  const t2 = performance.now();
  await commitAll(workspace, 'Sample and generated content', new Date(now.getTime() - 3_600_000));
  log(`committed the content in ${secs(performance.now() - t2)}`);

  const status = { cold: await measureStatus(workspace, { cache: false }), kept: 0, extended: 0 };
  await measureStatus(workspace, { cache: true }); // fills the cache of this commit
  status.kept = (await measureStatus(workspace, { cache: true })).ms;
  log(
    `translation status of ${status.cold.entries} entries (${status.cold.files} files): ${secs(status.cold.ms)} from the whole history, ` +
      `${secs(status.kept)} from what was kept at the commit`,
  );
  if (args['status-only']) {
    await editEntryBody(corpus.editTarget);
    await commitAll(workspace, `Edit ${relative(workspace, corpus.editTarget)}`, now);
    status.extended = (await measureStatus(workspace, { cache: true })).ms;
    log(`translation status one commit later: ${secs(status.extended)}`);
    results.push({ entries: { generated: n, sample: sampleEntries, files: corpus.files + sampleFiles }, status, workspace: args.keep ? workspace : null });
    if (args.keep) log(`kept: ${workspace}`);
    else await removeWorkspace(workspace);
    current = null;
    continue;
  }

  log('cold build…');
  const cold = await runBuild({ cwd: workspace, label: `cold-${n}`, env: buildEnv, progressEvery, log });
  if (!cold.ok) failed(cold, 'Cold build', workspace);
  const dist = join(workspace, 'dist');
  const htmlPages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).length;
  const pagefindBytes = await folderBytes(join(dist, 'pagefind'));
  log(
    `cold build: ${secs(cold.wallMs)}, ${htmlPages} HTML pages (${cold.routes} routes), peak RSS ${Math.round(cold.memory.peak / 1048576)} MB` +
      (cold.pagefind ? `, Pagefind ${cold.pagefind.pages} pages in ${cold.pagefind.ms} ms` : ', no Pagefind line found'),
  );

  // Page weight of the public pages (the CMS admin is not one: its Decap bundle is measured apart).
  const t1 = performance.now();
  const records = await pageWeights(dist, { level: 9 });
  const publicPages = records.filter((r) => !r.file.startsWith('admin/'));
  const weight = summarizeWeights(publicPages);
  const admin = records.find((r) => r.file === 'admin/index.html');
  const missing = [...new Set(records.flatMap((r) => r.missing))];
  log(`page weight of ${publicPages.length} pages in ${secs(performance.now() - t1)}${missing.length ? `; missing assets: ${missing.slice(0, 5).join(', ')}` : ''}`);

  log(`rebuild after editing ${relative(workspace, corpus.editTarget)}…`);
  await editEntryBody(corpus.editTarget);
  // Saved as the CMS saves: one commit, which also moves the time of the last commit.
  await commitAll(workspace, `Edit ${relative(workspace, corpus.editTarget)}`, now);
  status.extended = (await measureStatus(workspace, { cache: true })).ms;
  log(`translation status one commit later: ${secs(status.extended)}`);
  const rebuild = await runBuild({ cwd: workspace, label: `rebuild-${n}`, env: buildEnv, progressEvery, log });
  if (!rebuild.ok) failed(rebuild, 'Rebuild', workspace);
  log(`rebuild: ${secs(rebuild.wallMs)} (${Math.round((100 * rebuild.wallMs) / cold.wallMs)} % of cold), ${rebuild.cachedRoutes} routes reused from the incremental cache`);

  const strip = ({ tail, ...rest }) => rest;
  results.push({
    entries: { generated: n, sample: sampleEntries, total: n + sampleEntries, files: corpus.files + sampleFiles, byCollection: corpus.counts },
    covers: corpus.covers,
    generatedImages: corpus.images.length,
    pages: htmlPages,
    pagefindBytes,
    cold: strip(cold),
    rebuild: strip(rebuild),
    editedFile: relative(workspace, corpus.editTarget),
    status,
    weight,
    gzipLevel: 9,
    adminPage: admin ? { html: admin.html.gzip, css: admin.css.gzip, js: admin.js.gzip } : null,
    pageWeights: {
      columns: ['path', 'htmlGzip', 'cssGzip', 'jsGzip', 'htmlBytes'],
      rows: records.map((r) => [r.path, r.html.gzip, r.css.gzip, r.js.gzip, r.html.bytes]),
    },
    workspace: args.keep ? workspace : null,
  });

  if (args.keep) log(`kept: ${workspace} (logs in ${join(workspace, '.bench-logs')})`);
  else await removeWorkspace(workspace);
  current = null;
}

if (args['status-only']) {
  log('\n## Translation status\n');
  log(statusTable(results));
  log('');
  log(machineLine(machine));
  if (args.json) await writeFile(args.json, `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 1)}\n`);
  process.exit(0);
}

log('\n## Build benchmark\n');
log(resultsTable(results));
log('');
log(machineLine(machine));
log(
  `entries = generated + sample entries kept (content files); each generated entry is in it/zh/en; pages = HTML files in dist; ` +
    `ms/page = cold wall time / pages; peak RSS = sum over the build's process tree, ` +
    `polled from /proc every 100 ms; rebuild = after changing the body of one entry and committing it (the copy is a Git repository, as a CMS save is a commit), caches kept; ` +
    `page weight = gzip -9 of each public page (admin excluded) and of the CSS and JS it loads (KB = 1024 bytes).`,
);
log('\n### Translation status\n');
log(statusTable(results));
log('\n### Where the time goes\n');
log(phasesTable(results));
const warnings = results.flatMap((r) => Object.entries(r.cold.warnings).map(([k, c]) => `${k} ×${c} (${r.entries.generated} entries)`));
if (warnings.length) log(`\nWarnings of the cold builds: ${warnings.join('; ')}`);

if (args.json) {
  await writeFile(args.json, `${JSON.stringify({ machine, buildEnv, date: new Date().toISOString(), results }, null, 1)}\n`);
  log(`\nraw results: ${args.json}`);
}
