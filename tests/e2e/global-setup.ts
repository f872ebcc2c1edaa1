import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server that serves dist/ to the browser tests. */
    baseURL: string;
  }
}

/** Serve the production build on 127.0.0.1 (a free port) for the browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ has no build: run `npm run build` before the browser tests (npm test does).');
  }
  const server = await startStaticServer('dist');
  project.provide('baseURL', server.url);
  return () => server.close();
}
