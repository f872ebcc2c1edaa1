import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { lowerThreadPriority } from './thread-priority';

/**
 * Optimised images are made while pages are rendered, not after.
 *
 * Astro renders every page on one thread, then makes the images the pages asked for (sharp,
 * on the other threads): a long render that leaves the second core mostly idle, then the
 * images (figures in docs/performance.md, "Rendering"). Here each image transform is encoded as soon as a
 * rendered page has asked for it, one at a time beside the rendering, and written into Astro's
 * own image cache (node_modules/.astro/assets/<file name of the output>). When Astro then
 * makes the images, it finds them cached and copies them to dist/.
 *
 * Nothing else changes: the transform is Astro's configured image service's, with the options
 * Astro recorded, so the bytes are those Astro would have written; a file is renamed into the
 * cache only when complete; a transform that fails here is left to Astro, which reports it as
 * it always does. Only images of local files (the kind the content uses); remote ones stay
 * Astro's. It plugs in through the prerenderer that integrations may set at astro:build:start,
 * wrapping Astro's default one. When the last page is rendered it finishes the image in hand and
 * leaves the rest to Astro, which then makes them one per core.
 * tests/unit/build/early-images.test.ts checks the internals it reads.
 */

/** One transform as Astro records it in globalThis.astroAsset.staticImages. */
export interface StaticTransform {
  finalPath: string;
  transform: Record<string, unknown> & { src: unknown };
}
export type StaticImages = Map<string, { originalSrcPath?: string; transforms: Map<string, StaticTransform> }>;

interface ImageService {
  transform(data: Uint8Array, options: Record<string, unknown>, config: unknown, logger: unknown): Promise<{ data: Uint8Array }>;
}

interface AstroAssetGlobal {
  staticImages?: StaticImages;
  imageService?: ImageService;
}

export interface EarlyImagesOptions {
  /** dist/: where Astro has emitted the original images (/_astro/…). */
  outDir: string;
  /** Astro's image cache folder (cacheDir/assets/). */
  cacheDir: string;
  imageConfig: unknown;
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error' | 'debug'>;
  /** Where the recorded transforms are; Astro's global by default. */
  staticImages?: () => StaticImages | undefined;
  /** The image service; Astro's, once a page has loaded it, by default. */
  imageService?: () => ImageService | undefined;
}

/** Encodes new transforms into the image cache, one at a time, in the order pages asked for them. */
export class EarlyImages {
  readonly made: string[] = [];
  readonly left: string[] = [];
  #seen = new Set<string>();
  #count = 0;
  #queue: Promise<void> = Promise.resolve();
  #stopped = false;
  #options: EarlyImagesOptions;

  constructor(options: EarlyImagesOptions) {
    this.#options = options;
  }

  /** Queues the transforms recorded since the last call. Cheap when there are none. */
  scan(): void {
    const images = (this.#options.staticImages ?? astroStaticImages)();
    if (!images) return;
    let count = 0;
    for (const entry of images.values()) count += entry.transforms.size;
    if (count === this.#count) return;
    this.#count = count;
    for (const [originalPath, entry] of images) {
      for (const transform of entry.transforms.values()) {
        if (this.#seen.has(transform.finalPath)) continue;
        this.#seen.add(transform.finalPath);
        // A step that fails leaves its image to Astro, and the queue goes on.
        this.#queue = this.#queue
          .then(() => this.#make(originalPath, transform))
          .catch((error: unknown) => {
            this.left.push(transform.finalPath);
            this.#options.logger.debug(`left ${transform.finalPath} to Astro: ${String(error)}`);
          });
      }
    }
  }

  /**
   * Puts the threads that encode images (libuv's pool, which runs sharp's work, and libvips'
   * own) below the rendering thread (src/build/thread-priority.ts). Threads libvips starts later
   * inherit it from the libuv thread that starts them. It lasts for the rest of the build (a
   * process may not raise a priority again): the file writes and Astro's own image phase after
   * the pages run at nice 10 too, with nothing else wanting the cores by then.
   */
  lowerPriority(): void {
    lowerThreadPriority(/^(libuv-worker|libvips worker)$/);
  }

  /** Removes what a build stopped half-way left in the cache (its files are renamed when done). */
  removePartials(): void {
    if (!existsSync(this.#options.cacheDir)) return;
    for (const name of readdirSync(this.#options.cacheDir)) {
      if (name.endsWith('.partial')) rmSync(join(this.#options.cacheDir, name), { force: true });
    }
  }

  /** Resolves when every queued image is made (or left to Astro). */
  async drain(): Promise<void> {
    this.scan();
    await this.#queue;
  }

  /**
   * Makes no more: resolves when the image being made is done, and leaves the rest of the
   * queue to Astro, which makes images two at a time (one per core) once pages are rendered.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#queue;
  }

  async #make(originalPath: string, { finalPath, transform }: StaticTransform): Promise<void> {
    const src = transform.src as { src?: unknown } | string;
    // Remote images have their own cache entries (expiry, etag): Astro's alone.
    if (typeof src !== 'object' || src === null || typeof src.src !== 'string') return;
    if (this.#stopped) {
      this.left.push(finalPath);
      return;
    }
    const cached = join(this.#options.cacheDir, basename(finalPath));
    if (existsSync(cached)) return;
    const service = (this.#options.imageService ?? astroImageService)();
    const original = join(this.#options.outDir, originalPath.replace(/^\/+/, ''));
    if (!service || !existsSync(original)) {
      this.left.push(finalPath);
      return;
    }
    const partial = `${cached}.${process.pid}.partial`;
    try {
      const data = await readFile(original);
      const { data: output } = await service.transform(data, { ...transform, src: src.src }, this.#options.imageConfig, this.#runtimeLogger());
      await mkdir(this.#options.cacheDir, { recursive: true });
      await writeFile(partial, output);
      await rename(partial, cached);
      this.made.push(finalPath);
    } catch (error) {
      // Left to Astro (see scan), which makes it again after the render phase and reports the error properly.
      await rm(partial, { force: true });
      throw error;
    }
  }

  #runtimeLogger() {
    const { logger } = this.#options;
    return { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m), error: (m: string) => logger.error(m) };
  }
}

function astroGlobal(): AstroAssetGlobal | undefined {
  return (globalThis as { astroAsset?: AstroAssetGlobal }).astroAsset;
}
const astroStaticImages = () => astroGlobal()?.staticImages;
const astroImageService = () => astroGlobal()?.imageService;

/** Astro's default prerenderer, with the transforms rendered pages ask for queued as they appear, and the queue stopped at teardown. */
export function withEarlyImages(images: EarlyImages, log: (line: string) => void): (base: AstroPrerenderer) => AstroPrerenderer {
  let timer: ReturnType<typeof setInterval> | undefined;
  return (base) => ({
    ...base,
    name: 'cittc:early-images',
    setup: async () => {
      await base.setup?.();
      images.removePartials();
      images.lowerPriority();
      // New transforms are looked for every 50 ms, not after every page: a scan walks the list.
      timer = setInterval(() => images.scan(), 50);
      timer.unref();
    },
    teardown: async () => {
      try {
        clearInterval(timer);
        const started = performance.now();
        images.scan();
        await images.stop();
        const waited = Math.round(performance.now() - started);
        log(
          `made ${images.made.length} optimised images while pages rendered (waited ${waited} ms for the last)` +
            (images.left.length ? `; ${images.left.length} left to Astro` : ''),
        );
      } finally {
        await base.teardown?.();
      }
    },
  });
}

/** The prerenderer to set at astro:build:start, for the logger Astro gives that hook. */
export function earlyImagesPrerenderer(options: Omit<EarlyImagesOptions, 'logger'>) {
  return (logger: AstroIntegrationLogger) => withEarlyImages(new EarlyImages({ ...options, logger }), (line) => logger.info(line));
}
