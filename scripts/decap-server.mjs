/**
 * Starts decap-server, the local backend of Decap CMS, bound to 127.0.0.1 (without BIND_HOST it
 * would listen on every interface), writing straight into the working copy's files (MODE=fs).
 * It ends with the process that started it, however that one ends (exit-with-parent.mjs).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);

/** The preload that ends a server when the process that started it ends. */
export const exitWithParent = new URL('./exit-with-parent.mjs', import.meta.url).href;

/** A port that something else already listens on. */
export class PortInUseError extends Error {
  /** @param {number} port */
  constructor(port) {
    super(`port ${port} on 127.0.0.1 is already in use`);
    this.name = 'PortInUseError';
    this.port = port;
  }
}

/**
 * Whether something already listens on 127.0.0.1:port (or on every interface, which includes
 * it): found by trying to listen there, and closing again at once.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function portInUse(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') resolve(true);
      else reject(error);
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

/**
 * @param {{ port?: number, repoDir?: string, quiet?: boolean, mode?: 'fs' | 'git' }} [options]
 *   mode: 'fs' writes files only (the default); 'git' commits each save in repoDir, with the
 *   CMS's commit message
 * @returns {Promise<{ url: string, port: number, exited: Promise<string>, close: () => Promise<void> }>}
 */
export async function startDecapServer({ port = 8081, repoDir = process.cwd(), quiet = true, mode = 'fs' } = {}) {
  // Checked first: otherwise the server already on the port would answer below, and the
  // caller would edit through it (maybe into another working copy) while ours fails to start.
  if (await portInUse(port)) throw new PortInUseError(port);
  const entry = require.resolve('decap-server/dist/index.js');
  const child = spawn(process.execPath, ['--import', exitWithParent, entry], {
    cwd: repoDir,
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: repoDir, MODE: mode, LOG_LEVEL: 'warn' },
    // stdin: the pipe whose end tells the server that this process has ended.
    stdio: ['pipe', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'],
    // A process group of its own: a Ctrl+C meant for the starter does not reach it directly,
    // so the starter stops it in its own time (and order).
    detached: process.platform !== 'win32',
  });
  /** How the server ended ("code 1", "SIGTERM"), once it has. */
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  const url = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`decap-server exited (${child.exitCode ?? child.signalCode}) before answering on ${url}`);
    }
    const up = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' })
      .then(() => true)
      .catch(() => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`decap-server did not answer on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    exited,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
