import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/serve.mjs';
import { startDecapServer } from '../../scripts/decap-server.mjs';

/**
 * The local servers (static server of `npm start` and the tests, decap-server of `npm run
 * cms`, Astro's dev server) listen on 127.0.0.1 only: nobody on the network reaches the
 * working copy or the CMS backend that writes into it.
 */

/** The addresses listening on a TCP port, from /proc/net/tcp and tcp6 (state 0A = LISTEN). */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue;
      const [address, p] = local.split(':');
      if (p === hexPort) found.push(address!);
    }
  }
  return found;
}

/** This machine's own non-loopback IPv4 and IPv6 addresses (no other host is contacted). */
const ownAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && !a.internal && !(a.family === 'IPv6' && a.address.startsWith('fe80')))
  .map((a) => a!.address);

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

async function expectLoopbackOnly(port: number) {
  // 0100007F is 127.0.0.1 in /proc's little-endian hex.
  expect(listeners(port)).toEqual(['0100007F']);
  expect(await accepts('127.0.0.1', port)).toBe(true);
  for (const address of ownAddresses) expect({ address, accepted: await accepts(address, port) }).toEqual({ address, accepted: false });
}

let dev: ChildProcess | undefined;
afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((ok) => dev!.once('exit', ok));
    dev.kill('SIGTERM');
    await exited;
  }
});

describe('local servers listen on 127.0.0.1 only', () => {
  it('the static server (npm start, preview, the browser tests)', async () => {
    const server = await startStaticServer('dist');
    try {
      await expectLoopbackOnly(server.port);
    } finally {
      await server.close();
    }
  });

  it('decap-server (npm run cms)', async () => {
    const port = await freePort();
    const decap = await startDecapServer({ port });
    try {
      await expectLoopbackOnly(port);
    } finally {
      await decap.close();
    }
  });

  it('the Astro dev server', { timeout: 120_000 }, async () => {
    const port = await freePort();
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // As a developer runs it: without the test runner's variables (with VITEST set, Astro's
      // dev server loads no content, and NODE_ENV=test would change Vite's mode).
      env: { ...withoutTestRunner(process.env), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    dev.stdout!.on('data', (d) => (output += d));
    dev.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (!(await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false))) {
      if (dev.exitCode !== null) throw new Error(`astro dev exited (${dev.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`astro dev did not answer on port ${port}:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    await expectLoopbackOnly(port);
    // A build writes the calendar files in one go (src/build/calendar-files.ts); the dev server
    // serves each from its own route, with the same text.
    const ics = await fetch(`http://127.0.0.1:${port}/zh/calls/green-tech-pilot-vouchers.ics`);
    expect(ics.status, output).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await ics.text()).toBe(readFileSync('dist/zh/calls/green-tech-pilot-vouchers.ics', 'utf8'));
  });
});

function withoutTestRunner(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}
