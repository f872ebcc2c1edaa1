/**
 * The worker of markdown-on-worker.ts: renders entry bodies with the site's Markdown pipeline,
 * built from the same options as astro.config.mjs, with the renderer options Astro passes
 * (workerData). Run by Node itself (its TypeScript type stripping), not by Vite: imports name
 * their .ts files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownOptions, wholeTokenization } from '../schema/markdown.ts';

interface Request {
  id: number;
  markdown: string;
  fileURL: string;
}

// The site's Shiki transformer, left out of workerData (markdown-on-worker.ts, forWorker).
const { wholeTokenization: whole, ...options } = workerData as Record<string, unknown> & { shikiConfig?: { transformers?: unknown[] } };
if (whole) options.shikiConfig = { ...options.shikiConfig, transformers: [...(options.shikiConfig?.transformers ?? []), wholeTokenization] };
const renderer = await satteri(markdownOptions).createRenderer(options as never);

parentPort!.on('message', ({ id, markdown, fileURL }: Request) => {
  // As markdown-on-worker.ts renders in the loader's thread: a body is never read as front matter.
  renderer.render(markdown, { frontmatter: {}, fileURL: new URL(fileURL) }).then(
    ({ code, metadata }) => parentPort!.postMessage({ id, html: code, metadata }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
