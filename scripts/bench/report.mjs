/**
 * The benchmark's printed output: the machine it ran on and markdown tables ready to paste
 * into a README. Sizes: KB = 1024 bytes, MB = 1024² bytes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const KB = 1024;
const MB = 1024 * 1024;

/** CPU model, cores, memory, and the versions of Node (the build's), Astro and Pagefind. */
export function machineInfo(repo) {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {}
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return '?';
    }
  };
  let node = process.version;
  try {
    node = execFileSync(join(repo, 'node_modules/.bin/node'), ['--version']).toString().trim();
  } catch {}
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    node,
    astro: version('astro'),
    pagefind: version('pagefind'),
    platform: `${os.type()} ${os.release()}`,
  };
}

const s1 = (ms) => (ms / 1000).toFixed(1);
const kb = (b) => (b / KB).toFixed(1);
const mb = (b) => (b / MB).toFixed(b >= 100 * MB ? 0 : 1);
const spread = (x) => `${kb(x.median)} / ${kb(x.p95)}`;

/** A markdown table from a header row and rows of cells. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "1000 + 51": generated entries plus the sample entries kept. */
const entriesLabel = (r) => (r.entries.sample ? `${r.entries.generated} + ${r.entries.sample}` : String(r.entries.generated));

/** The main table: one row per corpus size. */
export function resultsTable(results) {
  const header = [
    'entries (files)',
    'pages',
    'cold build s',
    'ms/page',
    'peak RSS MB: tree (Node / Pagefind)',
    'rebuild s (% of cold)',
    'Pagefind s',
    'Pagefind ms/page',
    'index MB',
    'HTML KB med / p95',
    'CSS KB med / p95',
    'JS KB med / p95',
    'HTML+CSS KB med / p95',
  ];
  const rows = results.map((r) => {
    const m = r.cold.memory;
    return [
      `${entriesLabel(r)} (${r.entries.files})`,
      String(r.pages),
      s1(r.cold.wallMs),
      (r.cold.wallMs / r.pages).toFixed(1),
      `${mb(m.peak)} (${mb(m.byKind.node)} / ${mb(m.byKind.pagefind)})`,
      r.rebuild ? `${s1(r.rebuild.wallMs)} (${Math.round((100 * r.rebuild.wallMs) / r.cold.wallMs)} %)` : '–',
      r.cold.pagefind ? s1(r.cold.pagefind.ms) : '?',
      r.cold.pagefind ? (r.cold.pagefind.ms / r.cold.pagefind.pages).toFixed(2) : '?',
      mb(r.pagefindBytes),
      spread(r.weight.html),
      spread(r.weight.css),
      spread(r.weight.js),
      spread(r.weight.htmlCss),
    ];
  });
  return markdownTable(header, rows);
}

/** Where the time of each build went: our phase timings, one column per build. */
export function phasesTable(results) {
  const builds = results.flatMap((r) => [
    [`${r.entries.generated}: cold`, r.cold],
    ...(r.rebuild ? [[`${r.entries.generated}: rebuild`, r.rebuild]] : []),
  ]);
  const names = [...new Set(builds.flatMap(([, b]) => b.phases.map((p) => p.name)))];
  const rows = names.map((name) => [
    name,
    ...builds.map(([, b]) => {
      const p = b.phases.find((x) => x.name === name);
      return p ? `${s1(p.ms)} (${Math.round((100 * p.ms) / b.wallMs)} %)` : '–';
    }),
  ]);
  rows.push(['**total wall**', ...builds.map(([, b]) => `**${s1(b.wallMs)}**`)]);
  rows.push(['CPU (user+sys)', ...builds.map(([, b]) => (b.cpuS === null ? '?' : b.cpuS.toFixed(1)))]);
  rows.push(['max RSS of one process (ru_maxrss) MB', ...builds.map(([, b]) => (b.maxRssSingle ? mb(b.maxRssSingle) : '?'))]);
  rows.push(['load average (1 min) before → after', ...builds.map(([, b]) => `${b.loadAverage.before ?? '?'} → ${b.loadAverage.after ?? '?'}`)]);
  rows.push(['routes rendered / reused from cache', ...builds.map(([, b]) => `${b.routes - b.cachedRoutes} / ${b.cachedRoutes}`)]);
  return markdownTable(['phase (s, % of wall)', ...builds.map(([name]) => name)], rows);
}

/** One line about the machine, for under the tables. */
export function machineLine(m) {
  return `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB RAM, ${m.platform}; Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}.`;
}
