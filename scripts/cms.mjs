#!/usr/bin/env node
/**
 * `npm run cms`: local editing. Starts decap-server on 127.0.0.1:8081 (writes into content/ of
 * this working copy) and the Astro dev server on 127.0.0.1:4321; the admin is at /admin/.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startDecapServer } from './decap-server.mjs';

const require = createRequire(import.meta.url);
const decap = await startDecapServer({ quiet: false });
console.log(`decap-server: ${decap.url} (writing into ${process.cwd()}/content)`);

const astro = spawn(process.execPath, [require.resolve('astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', '4321'], {
  stdio: 'inherit',
});
console.log('CMS: http://127.0.0.1:4321/admin/  (Ctrl+C to stop)');

const stop = async () => {
  astro.kill('SIGTERM');
  await decap.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
astro.on('exit', async (code) => {
  await decap.close();
  process.exit(code ?? 0);
});
