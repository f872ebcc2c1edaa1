/**
 * Runs the site's build in a site folder with the project's Node 24, as `npm run build` does
 * (scripts/build.mjs: `astro build` and the Pagefind index), and measures it: wall time,
 * CPU time and the kernel's maximum RSS (/usr/bin/time), the RSS of the whole process tree
 * polled from /proc (./proc-memory.mjs), the phases of the build (from the moment each of
 * Astro's phase headers is printed), Astro's own phase timings, Pagefind's indexing line, and
 * warning counts. Astro prints one line per generated route: they are counted, and a condensed
 * progress line is printed every few seconds instead of the full output, which goes to a
 * log file.
 */
import { spawn } from 'node:child_process';
import { existsSync, createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { routesInLog } from './build-log.mjs';
import { startMemoryMonitor } from './proc-memory.mjs';
import { buildEnv } from './workspace.mjs';

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** The 1-minute load average (how busy the machine is besides us), or null off Linux. */
async function loadAverage() {
  const text = await readFile('/proc/loadavg', 'utf8').catch(() => '');
  const value = Number(text.split(' ')[0]);
  return text ? value : null;
}
const TIME = '/usr/bin/time';

/**
 * Phase headers of `astro build` (Astro 7.3): a phase runs from its header to the next one
 * seen. Names are ours; the regexes match Astro's log lines without colours. A third element
 * names a phase that must have been seen first ("[build] ✓ Completed in" also ends the
 * build-info step).
 */
const PHASES = [
  ['content sync + types', /\[content\] Syncing content/],
  ['collect build info', /\[build\] Collecting build info/],
  ['bundle (Vite: prerender + client)', /\[build\] Building static entrypoints/],
  ['rearrange assets', /\[build\] Rearranging server assets/],
  ['render routes', /^\s*generating static routes\s*$/],
  ['optimize images', /^\s*generating optimized images\s*$/],
  ['build:done hooks (integrations)', /\[build\] ✓ Completed in/, 'render routes'],
  ['exit', /\[build\] \d+ page\(s\) built in/],
  ['search index (Pagefind, after astro build)', /\[build\] Complete!/],
];

/** "1.90s" / "498ms" / "1m 2s" → milliseconds. */
export function parseDuration(text) {
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(ms|s|m)\b/g)) ms += Number(n) * { ms: 1, s: 1000, m: 60_000 }[unit];
  return ms;
}

/**
 * Runs one build.
 * @param {{
 *   cwd: string, label: string, env?: Record<string, string>,
 *   progressEvery?: number, log?: (line: string) => void, memoryIntervalMs?: number,
 * }} options
 *   progressEvery: seconds between progress lines (0: none).
 */
export async function runBuild({ cwd, label, env = {}, progressEvery = 5, log = console.log, memoryIntervalMs = 100 }) {
  const nodeBin = join(cwd, 'node_modules/.bin/node');
  const logDir = join(cwd, '.bench-logs');
  await mkdir(logDir, { recursive: true });
  const logFile = join(logDir, `${label.replace(/[^\w.-]+/g, '_')}.log`);
  const timeFile = join(logDir, `${label.replace(/[^\w.-]+/g, '_')}.time`);
  const useTime = existsSync(TIME);
  // What `npm run build` runs: astro build, then the search index (scripts/build.mjs).
  const buildScript = join(import.meta.dirname, '..', 'build.mjs');
  const build = [nodeBin, buildScript];
  const command = useTime ? [TIME, '-f', '%M %e %U %S', '-o', timeFile, ...build] : build;

  const loadBefore = await loadAverage();
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd,
    env: buildEnv(cwd, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = startMemoryMonitor(child.pid, { intervalMs: memoryIntervalMs, includeRoot: !useTime });
  const out = createWriteStream(logFile);

  const state = {
    routes: 0,
    htmlRoutes: 0,
    cachedRoutes: 0,
    images: { done: 0, total: 0 },
    phase: 'startup',
    marks: [{ name: 'startup', at: 0 }],
    astro: { vite: [] },
    integrations: [],
    warnings: {},
    pagefind: null,
    pagesBuilt: null,
    tail: [],
  };

  const onLine = (raw) => {
    const line = raw.replace(ANSI, '');
    out.write(`${line}\n`);
    const now = performance.now() - started;
    const routes = line.includes('▶') ? [] : routesInLog(line);
    if (routes.length) {
      for (const route of routes) {
        state.routes++;
        if (route.path.endsWith('.html')) state.htmlRoutes++;
        if (route.reused) state.cachedRoutes++;
      }
      return;
    }
    const image = /▶ .*\((\d+)\/(\d+)\)\s*$/.exec(line);
    if (image) {
      state.images = { done: Number(image[1]), total: Number(image[2]) };
      return;
    }
    for (const [name, re, after] of PHASES) {
      const seen = (n) => state.marks.some((mark) => mark.name === n);
      if (re.test(line) && !seen(name) && (!after || seen(after))) {
        state.marks.push({ name, at: now });
        state.phase = name;
      }
    }
    let m;
    if ((m = /\[types\] Generated (.+)$/.exec(line))) state.astro.types = parseDuration(m[1]);
    else if ((m = /\[build\] ✓ Completed in (.+)\.$/.exec(line))) {
      if (state.astro.buildInfo === undefined && state.phase === 'collect build info') state.astro.buildInfo = parseDuration(m[1]);
      else state.astro.staticBuild = parseDuration(m[1]);
    } else if ((m = /\[vite\] ✓ built in (.+)$/.exec(line))) state.astro.vite.push(parseDuration(m[1]));
    else if ((m = /^(?:\S+ )?✓ Completed in (.+)\.$/.exec(line))) {
      if (state.phase === 'render routes') state.astro.render = parseDuration(m[1]);
      else if (state.phase === 'optimize images') state.astro.images = parseDuration(m[1]);
    } else if ((m = /\[build\] (\d+) page\(s\) built in (.+)$/.exec(line))) {
      state.pagesBuilt = Number(m[1]);
      state.astro.total = parseDuration(m[2]);
    }
    if ((m = /indexed (\d+) pages in (\d+) ms/.exec(line))) state.pagefind = { pages: Number(m[1]), ms: Number(m[2]) };
    if ((m = /\[([\w-]+)\] (.*) in (\d+) ms\s*$/.exec(line)) && !/^(build|vite|types|content)$/.test(m[1])) {
      state.integrations.push({ name: m[1], message: m[2], ms: Number(m[3]) });
    }
    if ((m = /\[WARN\] (?:\[([\w-]+)\] )?(?:\[(?:plugin )?([\w:-]+)\]?)?/.exec(line))) {
      const key = [m[1], m[2]].filter(Boolean).join(' ') || 'other';
      state.warnings[key] = (state.warnings[key] ?? 0) + 1;
      return;
    }
    // Keep the last lines that are not warnings' code frames, to show when the build fails.
    if (!/^\s*([│╭╰─]|\d+ │)/.test(line) && line.trim()) {
      state.tail.push(line);
      if (state.tail.length > 150) state.tail.shift();
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  const fmtMB = (b) => `${Math.round(b / 1048576)} MB`;
  const timer =
    progressEvery > 0
      ? setInterval(() => {
          const s = ((performance.now() - started) / 1000).toFixed(0);
          const img = state.phase === 'optimize images' ? ` · images ${state.images.done}/${state.images.total}` : '';
          log(`  [${label}] ${s.padStart(4)} s · ${state.phase} · ${state.routes} routes (${state.htmlRoutes} HTML)${img} · RSS ${fmtMB(memory.current())}`);
        }, progressEvery * 1000)
      : null;

  const exitCode = await new Promise((done) => child.on('close', (code) => done(code ?? 1)));
  const wallMs = performance.now() - started;
  const loadAfter = await loadAverage();
  clearInterval(timer);
  const mem = memory.stop();
  await new Promise((done) => out.end(done));

  let time = null;
  if (useTime) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    // Exit status lines ("Command exited with non-zero status 1") come first; the format line is last.
    const last = text.trim().split('\n').pop() ?? '';
    const [maxRssKB, elapsed, user, sys] = last.split(' ').map(Number);
    if (Number.isFinite(maxRssKB)) time = { maxRss: maxRssKB * 1024, elapsedS: elapsed, cpuS: user + sys };
  }

  state.marks.push({ name: 'end', at: wallMs });
  const phases = [];
  for (let i = 0; i < state.marks.length - 1; i++) {
    phases.push({ name: state.marks[i].name, ms: state.marks[i + 1].at - state.marks[i].at });
  }

  return {
    ok: exitCode === 0,
    exitCode,
    wallMs,
    cpuS: time?.cpuS ?? null,
    maxRssSingle: time?.maxRss ?? null,
    memory: mem,
    routes: state.routes,
    htmlRoutes: state.htmlRoutes,
    cachedRoutes: state.cachedRoutes,
    pagesBuilt: state.pagesBuilt,
    images: state.images.total,
    phases,
    astro: state.astro,
    pagefind: state.pagefind,
    integrations: state.integrations,
    warnings: state.warnings,
    tail: state.tail,
    logFile,
    loadAverage: { before: loadBefore, after: loadAfter },
  };
}
