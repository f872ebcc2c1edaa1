/**
 * Starts decap-server, the local backend of Decap CMS, bound to 127.0.0.1 (without BIND_HOST it
 * would listen on every interface), writing straight into the working copy's files (MODE=fs).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @param {{ port?: number, repoDir?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDecapServer({ port = 8081, repoDir = process.cwd(), quiet = true } = {}) {
  const entry = require.resolve('decap-server/dist/index.js');
  const child = spawn(process.execPath, [entry], {
    cwd: repoDir,
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: repoDir, MODE: 'fs', LOG_LEVEL: 'warn' },
    stdio: quiet ? 'ignore' : 'inherit',
  });
  const url = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`decap-server exited with code ${child.exitCode} (is port ${port} in use?)`);
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
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
