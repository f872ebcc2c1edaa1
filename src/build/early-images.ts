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
  addStaticImage?: unknown;
}

/** The start of every error of this mechanism: what it is, and how to build without it. */
const MECHANISM =
  'early images (src/build/early-images.ts, images made while pages render) rely on an internal of Astro that has changed; ' +
  'ASTRO_EARLY_IMAGES=0 npm run build builds without them (or npm run build -- --stock, with Astro\'s own parts only)';

/** An error of the early images' reading of Astro's internals, naming the switch that turns them off. */
export function earlyImagesError(what: string): Error {
  return new Error(`${MECHANISM}: ${what}`);
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
  #problem: Error | undefined;
  #options: EarlyImagesOptions;

  constructor(options: EarlyImagesOptions) {
    this.#options = options;
  }

  /**
   * Checks, when pages are about to render, that Astro's global for the transforms pages ask
   * for is there: globalThis.astroAsset, with the addStaticImage that fills its staticImages
   * map (created at the first image a page asks for; restored from the incremental build's
   * record). Without them no transform would be seen, and every image left to Astro.
   */
  checkAstro(): void {
    if (this.#options.staticImages) return;
    const asset = astroGlobal();
    if (!asset || typeof asset !== 'object') throw earlyImagesError('globalThis.astroAsset is missing when pages start to render');
    if (typeof asset.addStaticImage !== 'function') {
      throw earlyImagesError('globalThis.astroAsset.addStaticImage (which records the transforms pages ask for in globalThis.astroAsset.staticImages) is missing when pages start to render');
    }
    if (asset.staticImages !== undefined && !(asset.staticImages instanceof Map)) throw earlyImagesError('globalThis.astroAsset.staticImages is not a Map');
  }

  /** Queues the transforms recorded since the last call. Cheap when there are none. */
  scan(): void {
    if (this.#problem) return;
    const images: unknown = (this.#options.staticImages ?? astroStaticImages)();
    if (images === undefined) return;
    // A shape this does not know is kept, and thrown by stop() or drain(): scan runs on a
    // timer, where a throw would end the process unexplained.
    const fail = (what: string) => void (this.#problem = earlyImagesError(what));
    if (!(images instanceof Map)) return fail('globalThis.astroAsset.staticImages is not a Map');
    let count = 0;
    for (const entry of (images as StaticImages).values()) {
      if (!(entry?.transforms instanceof Map)) return fail('globalThis.astroAsset.staticImages is no longer a map of original paths to { transforms: Map }');
      count += entry.transforms.size;
    }
    if (count === this.#count) return;
    this.#count = count;
    for (const [originalPath, entry] of images as StaticImages) {
      for (const transform of entry.transforms.values()) {
        if (typeof transform?.finalPath !== 'string' || typeof transform.transform !== 'object' || transform.transform === null || !('src' in transform.transform)) {
          return fail(`a transform of ${String(originalPath)} in globalThis.astroAsset.staticImages is no longer { finalPath, transform: { src, … } }`);
        }
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
    if (this.#problem) throw this.#problem;
  }

  /**
   * Makes no more: resolves when the image being made is done, and leaves the rest of the
   * queue to Astro, which makes images two at a time (one per core) once pages are rendered.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#queue;
    if (this.#problem) throw this.#problem;
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

/**
 * Astro's default prerenderer, with the transforms rendered pages ask for queued as they appear, and the queue stopped at teardown.
 * `onSetup` is called when Astro sets the prerenderer up, so that the integration can tell, at
 * the end of the build, that Astro used the prerenderer it was given.
 */
export function withEarlyImages(images: EarlyImages, log: (line: string) => void, onSetup: () => void = () => {}): (base: AstroPrerenderer) => AstroPrerenderer {
  let timer: ReturnType<typeof setInterval> | undefined;
  return (base) => ({
    ...base,
    name: 'cittc:early-images',
    setup: async () => {
      onSetup();
      await base.setup?.();
      images.checkAstro();
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

/**
 * The prerenderer to set at astro:build:start (`prerenderer(logger)`, for the logger Astro
 * gives that hook), and `check()`, for astro:build:done: it throws when pages were generated
 * but Astro never set that prerenderer up (it no longer uses the one integrations set), since
 * then no image was made early.
 */
export function earlyImagesPrerenderer(options: Omit<EarlyImagesOptions, 'logger'>) {
  let setUp = false;
  return {
    prerenderer: (logger: AstroIntegrationLogger) =>
      withEarlyImages(new EarlyImages({ ...options, logger }), (line) => logger.info(line), () => (setUp = true)),
    check(pagesGenerated: boolean): void {
      if (pagesGenerated && !setUp) {
        throw earlyImagesError('Astro generated the pages without setting up the prerenderer given to setPrerenderer at astro:build:start');
      }
    },
  };
}
