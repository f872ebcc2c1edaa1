import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoaderContext } from 'astro/loaders';
import { markdownOptions } from './markdown.ts';

/** What Astro's renderMarkdown gives: the HTML, and its headings and images. */
export interface RenderedMarkdown {
  html: string;
  metadata: Record<string, unknown> & { imagePaths: string[] };
}
export type RenderMarkdown = (markdown: string, fileURL: URL) => Promise<RenderedMarkdown>;

/** Bodies rendered in the loader's own thread before the worker is started. */
export const RENDERED_BEFORE_WORKER = 32;

/**
 * Entry bodies rendered on a worker thread while content is synced.
 *
 * A cold sync at 10,000 entries ran on one core for ~19 s (reading 30,000 files, their YAML,
 * the schemas, and ~5.5 s of Markdown rendering) while the other core had nothing to do. The
 * Markdown is rendered here by the same pipeline (markdown.ts, with the renderer options
 * Astro passes its own) on a worker, while the loaders go on reading the next files.
 *
 * The first bodies of a sync are rendered in the loader's thread with Astro's renderMarkdown;
 * only a sync with more than RENDERED_BEFORE_WORKER of them (a cold build, not a rebuild
 * that changed a few entries) starts the worker, which is stopped when the last collection
 * has loaded. Astro's renderer is also used for every body when the worker cannot be used:
 *   - the site's Markdown processor is not the one markdown.ts describes (an integration
 *     added a plugin to it);
 *   - the options do not pass to a thread, or the worker's file is not there (a bundled copy);
 *   - the worker failed: what it had not rendered is rendered again here.
 */
export class MarkdownThread {
  #users = 0;
  #rendered = 0;
  #worker: Worker | undefined;
  #broken = false;
  #next = 0;
  #pending = new Map<number, { markdown: string; fileURL: URL; resolve: (r: RenderedMarkdown) => void; reject: (e: Error) => void }>();
  #local: RenderMarkdown | undefined;
  #options: Record<string, unknown> | undefined;

  constructor(
    private readonly workerFile = fileURLToPath(new URL('./markdown-worker.ts', import.meta.url)),
    private readonly renderedBeforeWorker = RENDERED_BEFORE_WORKER,
  ) {}

  /** For one collection's load: its renderer, and the function to call when the load ends. */
  use(context: Pick<LoaderContext, 'config' | 'renderMarkdown'>): { render: RenderMarkdown; release: () => void } {
    const local: RenderMarkdown = async (markdown, fileURL) => (await context.renderMarkdown(markdown, { fileURL })) as RenderedMarkdown;
    if (this.#users++ === 0) {
      this.#rendered = 0;
      this.#broken = !sameProcessor(context.config.markdown) || !existsSync(this.workerFile);
      const { markdown, image } = context.config;
      // What Astro passes its own renderer (content-layer.js, #processMarkdown).
      this.#options = { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants };
    }
    this.#local ??= local;
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

  #render(markdown: string, fileURL: URL, local: RenderMarkdown): Promise<RenderedMarkdown> {
    if (this.#broken || ++this.#rendered <= this.renderedBeforeWorker) return local(markdown, fileURL);
    const worker = this.#worker ?? this.#start();
    if (!worker) return local(markdown, fileURL);
    return new Promise((resolve, reject) => {
      const id = this.#next++;
      this.#pending.set(id, { markdown, fileURL, resolve, reject });
      worker.postMessage({ id, markdown, fileURL: fileURL.href });
    });
  }

  #start(): Worker | undefined {
    try {
      const worker = new Worker(this.workerFile, { workerData: this.#options });
      worker.on('message', ({ id, html, metadata, error }: { id: number; html?: string; metadata?: Record<string, unknown>; error?: string }) => {
        const request = this.#pending.get(id);
        if (!request) return;
        this.#pending.delete(id);
        if (error !== undefined || html === undefined || !metadata) return request.reject(new Error(error ?? 'no HTML'));
        const paths = (key: string) => (Array.isArray(metadata[key]) ? (metadata[key] as string[]) : []);
        // As Astro's renderMarkdown: the local images, then the remote ones.
        request.resolve({ html, metadata: { ...metadata, imagePaths: paths('localImagePaths').concat(paths('remoteImagePaths')) } });
      });
      const fail = () => {
        if (this.#worker !== worker) return;
        this.#broken = true;
        this.#worker = undefined;
        // What the worker had not answered is rendered here instead.
        const pending = [...this.#pending.values()];
        this.#pending.clear();
        for (const { markdown, fileURL, resolve, reject } of pending) this.#local!(markdown, fileURL).then(resolve, reject);
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.#worker = worker;
      return worker;
    } catch {
      // Options that do not pass to a thread (a function in them): rendered here.
      this.#broken = true;
      return undefined;
    }
  }

  #stop() {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#local = undefined;
    void worker?.terminate();
  }
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
