import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownOptions } from '../../../src/schema/markdown';
import { MarkdownThread, type RenderedMarkdown } from '../../../src/schema/markdown-thread';

const tmp = mkdtempSync(join(tmpdir(), 'cittc-markdown-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Astro's defaults for what it passes a Markdown renderer (content-layer.js), with code highlighted.
const rendererOptions = {
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: {} }, domains: [], remotePatterns: [] },
  syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
  shikiConfig: { langs: [], theme: 'github-dark', themes: {}, wrap: false, transformers: [], langAlias: {} },
  gfm: true,
  smartypants: true,
};

/** A loader context as Astro gives one: its config, and renderMarkdown in the loader's thread. */
function loaderContext(processor = satteri(markdownOptions)) {
  const { image, ...markdown } = rendererOptions;
  const renderer = satteri(markdownOptions).createRenderer(rendererOptions as never);
  let local = 0;
  return {
    get local() {
      return local;
    },
    config: { image, markdown: { ...markdown, processor } } as never,
    async renderMarkdown(content: string, options?: { fileURL?: URL }) {
      local++;
      const { code, metadata } = await (await renderer).render(content, { frontmatter: {}, fileURL: options?.fileURL });
      return { html: code, metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] } };
    },
  };
}

const entry = pathToFileURL(join(tmp, 'content/news/it/entry.mdx'));
// The body policy refuses an image that is not there.
mkdirSync(join(tmp, 'content/media'), { recursive: true });
writeFileSync(join(tmp, 'content/media/lab.jpg'), '');
const bodies = [
  '\n## Brevetti e licenze\n\nIl centro assiste le imprese nella **tutela** della proprietà intellettuale.',
  '\n- Bergamo\n- Napoli\n- Pechino\n\n| anno | accordi |\n| --- | --- |\n| 2026 | 12 |\n',
  '\n合作论坛将在北京举行。"Smart" -- quotes...\n\n```js\nconst x = 1;\n```\n',
  '\n![Laboratorio](../../media/lab.jpg)\n\nTesto dopo l\'immagine e un [collegamento](https://example.org).',
];

async function renderAll(thread: MarkdownThread, context: ReturnType<typeof loaderContext>) {
  const { render, release } = thread.use(context);
  try {
    return await Promise.all(bodies.map((body) => render(body, entry)));
  } finally {
    release();
  }
}

describe('MarkdownThread', () => {
  it('renders bodies on a worker exactly as the loader thread does, headings and images included', async () => {
    const here = loaderContext();
    const expected = await Promise.all(bodies.map((body) => here.renderMarkdown(body, { fileURL: entry })));
    const context = loaderContext();
    const rendered: RenderedMarkdown[] = await renderAll(new MarkdownThread(undefined, 0), context);
    expect(context.local).toBe(0);
    expect(rendered).toEqual(expected);
    expect(rendered[0]!.html).toContain('<h2 id="brevetti-e-licenze">Brevetti e licenze</h2>');
    expect(rendered[3]!.metadata.imagePaths).toEqual(['../../media/lab.jpg']);
  });

  it('renders the first bodies of a sync in the loader thread, and only then starts the worker', async () => {
    const context = loaderContext();
    await renderAll(new MarkdownThread(undefined, 3), context);
    expect(context.local).toBe(3);
  });

  it('stops the build on a body the policy refuses, with the same message as in the loader thread', async () => {
    const body = '\n<script>alert(1)</script>\n';
    const local = await loaderContext().renderMarkdown(body, { fileURL: entry }).then(() => 'rendered', (error: Error) => error.message);
    expect(local).not.toBe('rendered');
    const { render, release } = new MarkdownThread(undefined, 0).use(loaderContext());
    await expect(render(body, entry)).rejects.toThrow(local);
    release();
  });

  it('renders in the loader thread when the processor differs from markdown.ts, or the worker fails', async () => {
    const other = loaderContext(satteri({ mdastPlugins: markdownOptions.mdastPlugins }));
    await renderAll(new MarkdownThread(undefined, 0), other);
    expect(other.local).toBe(bodies.length);

    const broken = join(tmp, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("worker cannot start");\n');
    const context = loaderContext();
    const rendered = await renderAll(new MarkdownThread(broken, 0), context);
    expect(context.local).toBe(bodies.length);
    expect(rendered[0]!.html).toContain('Brevetti e licenze');
  });
});
