#!/usr/bin/env node
/**
 * `npm run cms`: local editing in one command. Starts decap-server on 127.0.0.1:8081 (it saves
 * the editor's work into content/ of this working copy) and the Astro dev server on
 * 127.0.0.1:4321, whose /admin/ is the CMS. DECAP_PORT and CMS_PORT choose other ports; the
 * admin is then told where its decap-server is (CMS_PROXY_URL, src/schema/decap.ts).
 *
 * Both servers run in process groups of their own and stop together: on Ctrl+C (SIGINT), on
 * SIGTERM, or when either of them ends, this script stops the other and exits once both have
 * gone, leaving both ports free. If this script itself is killed, both servers see the end of
 * their stdin pipe and end too (exit-with-parent.mjs). A port already in use is reported in one
 * line, before anything is started.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { exitWithParent, portInUse, PortInUseError, startDecapServer } from './decap-server.mjs';

const require = createRequire(import.meta.url);

/** @param {string} name @param {number} fallback */
function portFromEnv(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name}=${value} is not a port number (1–65535).`);
  return port;
}

/** @param {string} message @returns {never} */
function fail(message, code = 1) {
  console.error(`npm run cms: ${message}`);
  process.exit(code);
}

const decapPort = portFromEnv('DECAP_PORT', 8081);
const cmsPort = portFromEnv('CMS_PORT', 4321);
const adminUrl = `http://127.0.0.1:${cmsPort}/admin/`;

/** The one line an editor gets when a port is taken: what it is for, and what to do. */
function portMessage(/** @type {number} */ port) {
  const role = port === decapPort ? 'decap-server, which saves your edits into content/' : `the CMS in your browser, ${adminUrl}`;
  const variable = port === decapPort ? 'DECAP_PORT' : 'CMS_PORT';
  return (
    `port ${port} (${role}) is already in use: is \`npm run cms\` already running in another window? ` +
    `Stop it there with Ctrl+C and try again, or use another port: ${variable}=${port + 1} npm run cms`
  );
}

if (decapPort === cmsPort) fail(`DECAP_PORT and CMS_PORT are both ${cmsPort}: the two servers need two ports.`);
for (const port of [decapPort, cmsPort]) if (await portInUse(port)) fail(portMessage(port));

/** @type {Awaited<ReturnType<typeof startDecapServer>>} */
let decap;
try {
  decap = await startDecapServer({ port: decapPort, quiet: false });
} catch (error) {
  if (error instanceof PortInUseError) fail(portMessage(error.port));
  fail(`decap-server did not start: ${error instanceof Error ? error.message : error}`);
}
console.log(`decap-server: ${decap.url} (saving into ${join(process.cwd(), 'content')})`);

// The package's own bin (its "exports" do not include bin/astro.mjs, its "bin" field names it).
const astroPackage = require.resolve('astro/package.json');
const astroBin = join(dirname(astroPackage), require(astroPackage).bin.astro);
/** @type {NodeJS.ProcessEnv} */
// CITTC_EDITING: no reload of the admin when a save writes into content/ (astro.config.mjs).
const astroEnv = { ...process.env, CMS_PROXY_URL: decap.url, CITTC_EDITING: '1' };
// Local editing always goes through this decap-server, whatever Git backend the shell names.
delete astroEnv.CMS_BACKEND;
const astro = spawn(process.execPath, ['--import', exitWithParent, astroBin, 'dev', '--host', '127.0.0.1', '--port', String(cmsPort)], {
  env: astroEnv,
  // stdin: the pipe whose end tells the dev server that this script has ended.
  stdio: ['pipe', 'inherit', 'inherit'],
  // A process group of its own: Ctrl+C reaches this script, which stops the group as a whole
  // (POSIX; Windows has no process groups, and `detached` there means a console of its own).
  detached: process.platform !== 'win32',
});
const astroExited = new Promise((resolve) => astro.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));

/** Stops the dev server's process group and waits for its leader to end. */
async function stopAstro() {
  if (astro.exitCode === null && astro.signalCode === null && astro.pid) {
    if (process.platform === 'win32') astro.kill();
    else killGroup(astro.pid, 'SIGTERM');
    // A dev server that ignores SIGTERM is killed after a while.
    const force = setTimeout(() => (process.platform === 'win32' ? astro.kill('SIGKILL') : killGroup(astro.pid, 'SIGKILL')), 10_000);
    force.unref();
    await astroExited;
    clearTimeout(force);
  }
  // Whatever the dev server had started and left in its group.
  killGroup(astro.pid, 'SIGKILL');
}

/** @param {number | undefined} pid @param {NodeJS.Signals} signal */
function killGroup(pid, signal) {
  if (!pid || process.platform === 'win32') return;
  try {
    process.kill(-pid, signal);
  } catch {
    // No such group any more.
  }
}

/** @type {Promise<void> | undefined} */
let stopping;
/** Stops both servers (once), then exits with `code`. */
function stop(/** @type {number} */ code, /** @type {string} */ message = '') {
  stopping ??= (async () => {
    if (message) console.error(`npm run cms: ${message}`);
    await Promise.all([stopAstro(), decap.close()]);
    process.exit(code);
  })();
  return stopping;
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
astroExited.then((how) => stop(1, `the Astro dev server stopped (${how}); decap-server has been stopped too.`));
decap.exited.then((how) => stop(1, `decap-server stopped (${how}); the Astro dev server has been stopped too.`));

// Announced once the dev server answers, so the address printed is one that works.
for (;;) {
  const up = await fetch(`http://127.0.0.1:${cmsPort}/`).then(
    () => true,
    () => false,
  );
  if (up || stopping) break;
  await new Promise((r) => setTimeout(r, 250));
}
if (!stopping) console.log(`\nCMS ready: open ${adminUrl} in your browser (Ctrl+C here stops it).\n`);
