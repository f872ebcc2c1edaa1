import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownOptions, wholeTokenization } from '../../../src/schema/markdown';
import { MarkdownThread, RENDERER_MARKDOWN_OPTIONS, renderedMarkdown } from '../../../src/build/markdown-on-worker';

const tmp = mkdtempSync(join(tmpdir(), 'cittc-markdown-on-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Astro's defaults for what it passes a Markdown renderer (content-layer.js), with code highlighted,
// and the site's Shiki transformer (astro.config.mjs).
const rendererOptions = {
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: {} }, domains: [], remotePatterns: [] },
  syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
  shikiConfig: { langs: [], theme: 'github-dark', themes: {}, wrap: false, transformers: [wholeTokenization], langAlias: {} },
  gfm: true,
  smartypants: true,
};

/** A loader context as Astro gives one: its config, and its renderMarkdown (counted). */
function loaderContext(processor = satteri(markdownOptions)) {
  const { image, ...markdown } = rendererOptions;
  const renderer = satteri(markdownOptions).createRenderer(rendererOptions as never);
  let astro = 0;
  return {
    get astroRenders() {
      return astro;
    },
    config: { image, markdown: { ...markdown, processor } } as never,
    // As Astro's: front matter is looked for first (here, none of the bodies below has any).
    async renderMarkdown(content: string, options?: { fileURL?: URL }) {
      astro++;
      const { code, metadata } = await (await renderer).render(content, { frontmatter: {}, fileURL: options?.fileURL });
      return renderedMarkdown(code, metadata as Record<string, unknown>);
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

async function renderAll(thread: MarkdownThread, context: ReturnType<typeof loaderContext>, texts = bodies) {
  const { render, release } = thread.use(context);
  try {
    return await Promise.all(texts.map((body) => render(body, entry)));
  } finally {
    release();
  }
}

describe('MarkdownThread', () => {
  it('renders bodies on a worker exactly as in the loader thread and as Astro does, headings and images included', async () => {
    const context = loaderContext();
    const astro = await Promise.all(bodies.map((body) => context.renderMarkdown(body, { fileURL: entry })));
    const here = await renderAll(new MarkdownThread(undefined, Infinity), loaderContext());
    const worker = new MarkdownThread(undefined, 0);
    const there = await renderAll(worker, loaderContext());
    expect(worker.workerRenders).toBe(bodies.length);
    expect(here).toEqual(astro);
    expect(there).toEqual(astro);
    expect(there[0]!.html).toContain('<h2 id="brevetti-e-licenze">Brevetti e licenze</h2>');
    expect(there[3]!.metadata.imagePaths).toEqual(['../../media/lab.jpg']);
  });

  it('never reads a body that starts with a "---" rule as front matter, in the thread or on the worker', async () => {
    const body = '\n---\n\nParagrafo introduttivo: vedi sotto.\n\n---\n\nSeconda parte.';
    for (const before of [Infinity, 0]) {
      const [rendered] = await renderAll(new MarkdownThread(undefined, before), loaderContext(), [body]);
      expect(rendered!.html).toContain('<p>Paragrafo introduttivo: vedi sotto.</p>');
      expect(rendered!.html.match(/<hr/g)).toHaveLength(2);
    }
  });

  it('renders the first bodies of a sync in the loader thread, and only then starts the worker', async () => {
    const thread = new MarkdownThread(undefined, 3);
    await renderAll(thread, loaderContext());
    expect(thread.workerRenders).toBe(bodies.length - 3);
  });

  it('stops the build on a body the policy refuses, with the same message on the worker as in the thread', async () => {
    const body = '\n<script>alert(1)</script>\n';
    const here = await renderAll(new MarkdownThread(undefined, Infinity), loaderContext(), [body]).then(
      () => 'rendered',
      (error: Error) => error.message,
    );
    expect(here).toMatch(/script/i);
    await expect(renderAll(new MarkdownThread(undefined, 0), loaderContext(), [body])).rejects.toThrow(here);
  });

  it('uses Astro\'s renderer when the processor differs from markdown.ts, and the thread when the worker fails', async () => {
    const other = loaderContext(satteri({ mdastPlugins: markdownOptions.mdastPlugins }));
    const thread = new MarkdownThread(undefined, 0);
    await renderAll(thread, other);
    expect(other.astroRenders).toBe(bodies.length);
    expect(thread.workerRenders).toBe(0);

    const broken = join(tmp, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("worker cannot start");\n');
    const failing = new MarkdownThread(broken, 0);
    const rendered = await renderAll(failing, loaderContext());
    expect(failing.workerRenders).toBe(0);
    expect(rendered[0]!.html).toContain('Brevetti e licenze');
  });

  it('renders in the thread what is asked once the sync is over (astro dev), with no worker left', async () => {
    const thread = new MarkdownThread(undefined, 0);
    const { render, release } = thread.use(loaderContext());
    await render(bodies[0]!, entry);
    release();
    const after = await render(bodies[1]!, entry);
    expect(after.html).toContain('<li>Bergamo</li>');
    expect(thread.workerRenders).toBe(1);
  });
});

/*
 * Bodies are rendered by the Markdown pipeline called directly, with the options Astro's content
 * layer passes its own renderer (#processMarkdown in astro/dist/content/content-layer.js, not an
 * API). If Astro passes other options, bodies rendered here would differ from Astro's.
 */
describe("Astro's renderer options, as markdown-on-worker.ts copies them", () => {
  const changed = (what: string) =>
    `the Markdown bodies rendered at sync (src/build/markdown-on-worker.ts, in the fast and the stock build) rely on an internal of Astro that has changed: ${what}. ` +
    'Keep the version of Astro in package-lock.json until markdown-on-worker.ts passes what Astro passes';

  it('are exactly those Astro passes its renderer', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../../node_modules/astro/dist/content/content-layer.js'), 'utf8');
    const call = /markdown\.processor\.createRenderer\(\{([^}]*)\}\)/.exec(source);
    expect(call, changed('#processMarkdown no longer calls markdown.processor.createRenderer({ … })')).not.toBeNull();
    const passed = call![1]!.split(',').map((option) => option.trim()).filter(Boolean);
    expect(passed, changed('#processMarkdown passes its renderer other options')).toEqual(['image', ...RENDERER_MARKDOWN_OPTIONS.map((name) => `${name}: markdown.${name}`)]);
  });

  it("stops the build when the config lacks one of them, rather than render without it", async () => {
    const context = loaderContext();
    const { shikiConfig: _dropped, ...markdown } = (context.config as { markdown: Record<string, unknown> }).markdown;
    const thread = new MarkdownThread(undefined, Infinity);
    expect(() => thread.use({ ...context, config: { ...(context.config as object), markdown } as never })).toThrow(/has no shikiConfig[\s\S]*Keep the version of Astro/);
  });
});

describe('code blocks highlighted whole', () => {
  it('Shiki tokenizes with the options its transformers preprocess, where the site lifts the time limit', () => {
    const options: { tokenizeTimeLimit?: number } = {};
    wholeTokenization.preprocess('', options);
    expect(options.tokenizeTimeLimit).toBe(0);
    // The internal of Shiki this relies on: preprocess gets the very options codeToTokens is given.
    const core = readFileSync(resolve(import.meta.dirname, '../../../node_modules/@shikijs/core/dist/index.mjs'), 'utf8');
    expect(
      core,
      "Shiki's codeToHast no longer passes the options preprocess received to codeToTokens: wholeTokenization (src/schema/markdown.ts) does nothing, and a busy build may cut highlighting short",
    ).toMatch(/transformer\.preprocess\?\.call\(transformerContext, input, options\)[^\n]*\n\s*let \{ tokens[^\n]*codeToTokens\(primitive, input, options\)/);
  });
});
