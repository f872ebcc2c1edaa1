import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { satteri } from '@astrojs/markdown-satteri';
import type { LoaderContext } from 'astro/loaders';
import { markdownOptions, wholeTokenization } from '../schema/markdown.ts';

/** What Astro's renderMarkdown gives: the HTML, and its headings and images. */
export interface RenderedMarkdown {
  html: string;
  metadata: Record<string, unknown> & { imagePaths: string[] };
}
export type RenderMarkdown = (markdown: string, fileURL: URL) => Promise<RenderedMarkdown>;

/** Bodies rendered in the loader's own thread before the worker is started. */
export const RENDERED_BEFORE_WORKER = 32;

/** A renderer's answer as Astro's renderMarkdown gives it: the local images, then the remote ones. */
export function renderedMarkdown(html: string, metadata: Record<string, unknown>): RenderedMarkdown {
  const paths = (key: string) => (Array.isArray(metadata[key]) ? (metadata[key] as string[]) : []);
  return { html, metadata: { ...metadata, imagePaths: paths('localImagePaths').concat(paths('remoteImagePaths')) } };
}

type Renderer = Awaited<ReturnType<ReturnType<typeof satteri>['createRenderer']>>;

interface Pending {
  markdown: string;
  fileURL: URL;
  local: RenderMarkdown;
  resolve: (rendered: RenderedMarkdown) => void;
  reject: (error: Error) => void;
}

/**
 * Entry bodies rendered on a worker thread while content is synced.
 *
 * On one thread, a cold sync (reading the files, their YAML, the schemas, and rendering the
 * Markdown) keeps one core busy while the other has nothing to do (docs/performance.md). The
 * Markdown is rendered here by the same pipeline (markdown.ts, with the renderer options
 * Astro passes its own) on a worker, while the loaders go on reading the next files.
 *
 * In the loader's thread, bodies are rendered by that same pipeline called directly, as the
 * worker calls it: not through Astro's renderMarkdown, which first reads any body that starts
 * with a "---" rule as front matter (its pattern allows leading blank lines) and drops or
 * refuses what follows. The first bodies of a sync are rendered in the loader's thread; only
 * a sync with more than RENDERED_BEFORE_WORKER of them (a cold build, not a rebuild that
 * changed a few entries) starts the worker, which is stopped when the last collection has
 * loaded; a body asked for after that (astro dev's watcher) is rendered in the thread.
 * Astro's renderMarkdown is used, and no worker, when the site's Markdown processor is not
 * the one markdown.ts describes (an integration added a plugin to it). Without the worker's
 * file (a bundled copy), with options that do not pass to a thread, or after the worker
 * failed, bodies are rendered in the thread, those the worker had not answered included.
 */
export class MarkdownThread {
  #users = 0;
  #rendered = 0;
  #onWorker = 0;
  #worker: Worker | undefined;
  #workerUsable = false;
  #direct = false;
  #next = 0;
  #pending = new Map<number, Pending>();
  #options: Record<string, unknown> = {};
  #renderer: Promise<Renderer> | undefined;

  constructor(
    private readonly workerFile = fileURLToPath(new URL('./markdown-worker.ts', import.meta.url)),
    private readonly renderedBeforeWorker = RENDERED_BEFORE_WORKER,
  ) {}

  /** Bodies the worker rendered since this thread was made. */
  get workerRenders(): number {
    return this.#onWorker;
  }

  /** For one collection's load: its renderer, and the function to call when the load ends. */
  use(context: Pick<LoaderContext, 'config' | 'renderMarkdown'>): { render: RenderMarkdown; release: () => void } {
    if (this.#users++ === 0) {
      this.#rendered = 0;
      this.#direct = sameProcessor(context.config.markdown);
      this.#workerUsable = this.#direct && existsSync(this.workerFile);
      // What Astro passes its own renderer (content-layer.js, #processMarkdown), when bodies are rendered here.
      this.#options = this.#direct ? rendererOptions(context.config) : {};
      this.#renderer = undefined;
    }
    const local: RenderMarkdown = this.#direct
      ? (markdown, fileURL) => this.#renderHere(markdown, fileURL)
      : async (markdown, fileURL) => (await context.renderMarkdown(markdown, { fileURL })) as RenderedMarkdown;
    let released = false;
    return {
      render: (markdown, fileURL) => this.#render(markdown, fileURL, local),
      release: () => {
        if (released) return;
        released = true;
        if (--this.#users === 0) this.#stop();
      },
    };
  }

  async #renderHere(markdown: string, fileURL: URL): Promise<RenderedMarkdown> {
    this.#renderer ??= satteri(markdownOptions).createRenderer(this.#options as never);
    const { code, metadata } = await (await this.#renderer).render(markdown, { frontmatter: {}, fileURL });
    return renderedMarkdown(code, metadata as Record<string, unknown>);
  }

  #render(markdown: string, fileURL: URL, local: RenderMarkdown): Promise<RenderedMarkdown> {
    if (!this.#workerUsable || this.#users === 0 || ++this.#rendered <= this.renderedBeforeWorker) return local(markdown, fileURL);
    const worker = this.#worker ?? this.#start();
    if (!worker) return local(markdown, fileURL);
    return new Promise((resolve, reject) => {
      const id = this.#next++;
      this.#pending.set(id, { markdown, fileURL, local, resolve, reject });
      worker.postMessage({ id, markdown, fileURL: fileURL.href });
    });
  }

  #start(): Worker | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.workerFile, { workerData: forWorker(this.#options) });
    } catch {
      // Options that do not pass to a thread (a function in them): rendered here.
      this.#workerUsable = false;
      return undefined;
    }
    worker.on('message', ({ id, html, metadata, error }: { id: number; html?: string; metadata?: Record<string, unknown>; error?: string }) => {
      const request = this.#pending.get(id);
      if (!request) return;
      this.#pending.delete(id);
      this.#onWorker++;
      if (error !== undefined || html === undefined || !metadata) request.reject(new Error(error ?? 'no HTML'));
      else request.resolve(renderedMarkdown(html, metadata));
    });
    const fail = () => {
      if (this.#worker !== worker) return;
      this.#workerUsable = false;
      this.#worker = undefined;
      this.#renderUnanswered();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    this.#worker = worker;
    return worker;
  }

  /** What the worker had not answered is rendered here instead. */
  #renderUnanswered() {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { markdown, fileURL, local, resolve, reject } of pending) local(markdown, fileURL).then(resolve, reject);
  }

  #stop() {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#renderUnanswered();
    void worker?.terminate();
  }
}

/** The config fields Astro's #processMarkdown passes its renderer, besides `image`. */
export const RENDERER_MARKDOWN_OPTIONS = ['syntaxHighlight', 'shikiConfig', 'gfm', 'smartypants'] as const;

/** Those of them Astro's config schema always fills (gfm and smartypants may be left unset: the processor has their defaults). */
const ALWAYS_SET = ['syntaxHighlight', 'shikiConfig'] as const;

/**
 * The options Astro passes its Markdown renderer, taken from the config as it does. A field
 * Astro's config always has that is missing means Astro's config has changed, and bodies
 * rendered here might no longer be rendered as Astro renders them: the build stops.
 */
function rendererOptions(config: Pick<LoaderContext['config'], 'markdown' | 'image'>): Record<string, unknown> {
  const markdown = config.markdown as unknown as Record<string, unknown>;
  const missing: string[] = ALWAYS_SET.filter((name) => markdown[name] === undefined);
  if (config.image === undefined) missing.unshift('image');
  if (missing.length > 0) {
    throw new Error(
      `the Markdown bodies rendered at sync (src/build/markdown-on-worker.ts, in the fast and the stock build) rely on an internal of Astro that has changed: ` +
        `they are rendered with the options Astro's content layer passes its renderer (#processMarkdown), and the config has no ${missing.join(', ')}. ` +
        `Keep the version of Astro in package-lock.json until markdown-on-worker.ts passes what Astro passes.`,
    );
  }
  return { image: config.image, ...Object.fromEntries(RENDERER_MARKDOWN_OPTIONS.map((name) => [name, markdown[name]])) };
}

/**
 * The renderer options as the worker gets them: the site's own Shiki transformer
 * (wholeTokenization, a function, which does not pass to a thread) is left out and the worker
 * adds it back. Any other function makes the worker fail to start: bodies are rendered here.
 */
function forWorker(options: Record<string, unknown>): Record<string, unknown> {
  const shiki = options.shikiConfig as { transformers?: unknown[] } | undefined;
  if (!shiki?.transformers?.includes(wholeTokenization)) return options;
  return { ...options, shikiConfig: { ...shiki, transformers: shiki.transformers.filter((t) => t !== wholeTokenization) }, wholeTokenization: true };
}

/** Whether the site's Markdown processor is Sätteri with the plugins and features of markdown.ts. */
function sameProcessor(markdown: { processor?: unknown }): boolean {
  const processor = markdown.processor as { name?: string; options?: { mdastPlugins?: { name?: string }[]; hastPlugins?: { name?: string }[]; features?: object } } | undefined;
  const names = (plugins: readonly { name?: string }[] | undefined) => JSON.stringify((plugins ?? []).map((plugin) => plugin.name));
  return (
    processor?.name === 'satteri' &&
    names(processor.options?.mdastPlugins) === names(markdownOptions.mdastPlugins) &&
    names(processor.options?.hastPlugins) === names(markdownOptions.hastPlugins) &&
    JSON.stringify(processor.options?.features ?? {}) === '{}'
  );
}

/** The one thread of the site's collections (they load side by side). */
export const markdownThread = new MarkdownThread();
