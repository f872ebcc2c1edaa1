import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EarlyImages, earlyImagesPrerenderer, withEarlyImages, type StaticImages, type StaticTransform } from '../../../src/build/early-images';

const astroDist = resolve(import.meta.dirname, '../../../node_modules/astro/dist');
const tmp = mkdtempSync(join(tmpdir(), 'cittc-early-images-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const changed = (what: string) =>
  `early images (src/build/early-images.ts) rely on an internal of Astro that has changed: ${what}. ASTRO_EARLY_IMAGES=0 npm run build builds without them`;
const SWITCH = /ASTRO_EARLY_IMAGES=0 npm run build builds without them/;
const cover = { src: '/_astro/cover.abc.jpg', width: 2000, height: 1000, format: 'jpg' };

function site(name: string) {
  const outDir = join(tmp, name, 'dist');
  const cacheDir = join(tmp, name, 'cache', 'assets');
  mkdirSync(join(outDir, '_astro'), { recursive: true });
  writeFileSync(join(outDir, '_astro/cover.abc.jpg'), 'ORIGINAL');
  return { outDir, cacheDir };
}

function transform(finalPath: string, extra: Record<string, unknown> = {}): StaticTransform {
  return { finalPath, transform: { src: cover, width: 480, format: 'avif', ...extra } };
}

function images(...transforms: StaticTransform[]): StaticImages {
  return new Map([['/_astro/cover.abc.jpg', { transforms: new Map(transforms.map((t) => [t.finalPath, t])) }]]);
}

describe('images made while pages render', () => {
  it("writes each new transform into Astro's image cache, made by the image service from the emitted original", async () => {
    const { outDir, cacheDir } = site('made');
    const calls: { input: string; options: Record<string, unknown> }[] = [];
    const service = {
      async transform(data: Uint8Array, options: Record<string, unknown>) {
        calls.push({ input: Buffer.from(data).toString(), options });
        return { data: Buffer.from(`${Buffer.from(data).toString()} as ${String(options.format)} ${String(options.width)}`) };
      },
    };
    const list = images(transform('/_astro/cover.abc_Z1.avif'));
    const early = new EarlyImages({ outDir, cacheDir, imageConfig: {}, logger: silent, staticImages: () => list, imageService: () => service });
    early.scan();
    // A later page asks for another width of the same image.
    list.get('/_astro/cover.abc.jpg')!.transforms.set('h2', transform('/_astro/cover.abc_Z2.webp', { width: 960, format: 'webp' }));
    early.scan();
    await early.drain();
    expect(readFileSync(join(cacheDir, 'cover.abc_Z1.avif'), 'utf8')).toBe('ORIGINAL as avif 480');
    expect(readFileSync(join(cacheDir, 'cover.abc_Z2.webp'), 'utf8')).toBe('ORIGINAL as webp 960');
    // The service gets the original's path as src, as Astro passes it.
    expect(calls.map((c) => c.options.src)).toEqual(['/_astro/cover.abc.jpg', '/_astro/cover.abc.jpg']);
    expect(early.made).toEqual(['/_astro/cover.abc_Z1.avif', '/_astro/cover.abc_Z2.webp']);
    expect(readdirSync(cacheDir).sort()).toEqual(['cover.abc_Z1.avif', 'cover.abc_Z2.webp']);
  });

  it('makes one image at a time, and each only once however many pages ask', async () => {
    const { outDir, cacheDir } = site('serial');
    let running = 0;
    let most = 0;
    let calls = 0;
    const service = {
      async transform() {
        calls++;
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return { data: Buffer.from('x') };
      },
    };
    const list = images(transform('/_astro/a.avif'), transform('/_astro/b.avif'), transform('/_astro/c.avif'));
    const early = new EarlyImages({ outDir, cacheDir, imageConfig: {}, logger: silent, staticImages: () => list, imageService: () => service });
    for (let page = 0; page < 5; page++) early.scan();
    await early.drain();
    expect(calls).toBe(3);
    expect(most).toBe(1);
  });

  it('when stopped, finishes the image in hand and leaves the rest to Astro', async () => {
    const { outDir, cacheDir } = site('stopped');
    let release = () => {};
    const service = {
      async transform() {
        await new Promise<void>((r) => (release = r));
        return { data: Buffer.from('x') };
      },
    };
    const list = images(transform('/_astro/a.avif'), transform('/_astro/b.avif'), transform('/_astro/c.avif'));
    const early = new EarlyImages({ outDir, cacheDir, imageConfig: {}, logger: silent, staticImages: () => list, imageService: () => service });
    early.scan();
    await new Promise((r) => setTimeout(r, 20));
    const stopped = early.stop();
    release();
    await stopped;
    expect(early.made).toEqual(['/_astro/a.avif']);
    expect(early.left).toEqual(['/_astro/b.avif', '/_astro/c.avif']);
    expect(readdirSync(cacheDir)).toEqual(['a.avif']);
  });

  it('leaves to Astro what it cannot make, with nothing half-written in the cache', async () => {
    const { outDir, cacheDir } = site('failed');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'cover.abc_cached.avif'), 'FROM AN EARLIER BUILD');
    const service = {
      async transform(_: Uint8Array, options: Record<string, unknown>) {
        if (options.width === 13) throw new Error('corrupt image');
        return { data: Buffer.from('made') };
      },
    };
    const list = images(
      transform('/_astro/cover.abc_cached.avif'),
      transform('/_astro/cover.abc_bad.avif', { width: 13 }),
      { finalPath: '/_astro/remote_Z9.webp', transform: { src: 'https://example.org/a.jpg', format: 'webp' } },
    );
    // An original that is not in dist/.
    list.set('/_astro/gone.jpg', { transforms: new Map([['h', { finalPath: '/_astro/gone_Z8.webp', transform: { src: { src: '/_astro/gone.jpg' }, format: 'webp' } }]]) });
    const early = new EarlyImages({ outDir, cacheDir, imageConfig: {}, logger: silent, staticImages: () => list, imageService: () => service });
    await early.drain();
    // Cached already: untouched. Remote: Astro's own cache. Failed or original missing: left to Astro.
    expect(readFileSync(join(cacheDir, 'cover.abc_cached.avif'), 'utf8')).toBe('FROM AN EARLIER BUILD');
    expect(early.made).toEqual([]);
    expect(early.left.sort()).toEqual(['/_astro/cover.abc_bad.avif', '/_astro/gone_Z8.webp']);
    expect(readdirSync(cacheDir)).toEqual(['cover.abc_cached.avif']);
  });

  it('removes what a build stopped half-way left in the cache, and nothing else', () => {
    const { outDir, cacheDir } = site('partials');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'cover.abc_Z1.avif'), 'DONE');
    writeFileSync(join(cacheDir, 'cover.abc_Z2.avif.4242.partial'), 'HALF');
    new EarlyImages({ outDir, cacheDir, imageConfig: {}, logger: silent, staticImages: () => undefined }).removePartials();
    expect(readdirSync(cacheDir)).toEqual(['cover.abc_Z1.avif']);
  });

  it('waits for no image service: a page must have loaded it first', async () => {
    const { outDir, cacheDir } = site('no-service');
    const early = new EarlyImages({ outDir, cacheDir, imageConfig: {}, logger: silent, staticImages: () => images(transform('/_astro/x.avif')), imageService: () => undefined });
    await early.drain();
    expect(early.left).toEqual(['/_astro/x.avif']);
    expect(existsSync(cacheDir)).toBe(false);
  });
});

/*
 * The integration relies on two internals of Astro 7.3.5's image generation
 * (astro/dist/assets/build/generate.js): the shape of the list of transforms pages asked for,
 * and that a local image's cache entry is <cacheDir>/assets/<file name of the output>, copied
 * to dist/ without calling the image service. If an upgrade changes either, this fails.
 */
describe("Astro's image generation, as the integration relies on it", () => {
  it('records transforms as originalPath → { transforms: hash → { finalPath, transform } }', async () => {
    const generate = await import(pathToFileURL(join(astroDist, 'assets/build/generate.js')).href);
    const before = (globalThis as { astroAsset?: unknown }).astroAsset;
    try {
      delete (globalThis as { astroAsset?: unknown }).astroAsset;
      for (const name of ['restoreStaticImages', 'getStaticImageList']) {
        expect(typeof generate[name], changed(`astro/dist/assets/build/generate.js no longer exports ${name}, which fills and reads globalThis.astroAsset.staticImages`)).toBe('function');
      }
      generate.restoreStaticImages([
        { originalPath: '/_astro/cover.abc.jpg', originalSrcPath: undefined, hash: 'h1', finalPath: '/_astro/cover.abc_Z1.avif', transform: { src: cover, format: 'avif' } },
      ]);
      const list = generate.getStaticImageList() as StaticImages;
      const early = new EarlyImages({ outDir: tmp, cacheDir: join(tmp, 'unused'), imageConfig: {}, logger: silent });
      expect(
        [...list.get('/_astro/cover.abc.jpg')!.transforms.values()],
        changed('globalThis.astroAsset.staticImages (astro/dist/assets/build/generate.js) is no longer originalPath → { transforms: hash → { finalPath, transform } }'),
      ).toEqual([{ finalPath: '/_astro/cover.abc_Z1.avif', transform: { src: cover, format: 'avif' } }]);
      // With no image service loaded yet, the integration reads Astro's global list and leaves the transform to Astro.
      await early.drain();
      expect(early.left, changed('the integration no longer finds the transforms in globalThis.astroAsset.staticImages')).toEqual(['/_astro/cover.abc_Z1.avif']);
    } finally {
      (globalThis as { astroAsset?: unknown }).astroAsset = before;
    }
  });

  it("copies a local image's cache entry, named after the output file, to dist/ without making it", async () => {
    const generate = await import(pathToFileURL(join(astroDist, 'assets/build/generate.js')).href);
    const root = join(tmp, 'astro-cache');
    const assetsCacheDir = join(root, 'cache', 'assets');
    mkdirSync(assetsCacheDir, { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(assetsCacheDir, 'cover.abc_Z1.avif'), 'MADE EARLY');
    const env = {
      logger: { info() {}, debug() {}, warn() {}, error() {} },
      isSSR: false,
      count: { total: 1, current: 1 },
      useCache: true,
      assetsCacheDir: pathToFileURL(`${assetsCacheDir}/`),
      serverRoot: pathToFileURL(`${join(root, 'dist')}/`),
      clientRoot: pathToFileURL(`${join(root, 'dist')}/`),
      imageConfig: {},
      assetsFolder: '_astro',
    };
    const transforms = new Map([['h1', { finalPath: '/_astro/cover.abc_Z1.avif', transform: { src: cover, format: 'avif' } }]]);
    // The original does not exist: a cache miss would fail to read it.
    await generate.generateImagesForPath('/_astro/cover.abc.jpg', { transforms }, env);
    expect(
      readFileSync(join(root, 'dist/_astro/cover.abc_Z1.avif'), 'utf8'),
      changed("Astro's image step (astro/dist/assets/build/generate.js) no longer copies <cacheDir>/assets/<output file name> to dist/ without making the image again"),
    ).toBe('MADE EARLY');
  });
});

/*
 * When Astro's internals are not what early images expect, the build stops, naming the switch,
 * instead of leaving every image to Astro unseen (or making none of them).
 */
describe('early images: the build stops when Astro has changed', () => {
  const base = { name: 'astro', getStaticPaths: async () => [], render: async () => new Response('') } as never;

  it("stops at setup when globalThis.astroAsset or the addStaticImage that fills its staticImages is missing", async () => {
    const before = (globalThis as { astroAsset?: unknown }).astroAsset;
    const early = () => new EarlyImages({ outDir: tmp, cacheDir: join(tmp, 'unused'), imageConfig: {}, logger: silent });
    try {
      delete (globalThis as { astroAsset?: unknown }).astroAsset;
      await expect(withEarlyImages(early(), () => {})(base).setup!()).rejects.toThrow(SWITCH);
      (globalThis as { astroAsset?: unknown }).astroAsset = { referencedImages: new Set() };
      await expect(withEarlyImages(early(), () => {})(base).setup!()).rejects.toThrow(/addStaticImage/);
      (globalThis as { astroAsset?: unknown }).astroAsset = { addStaticImage() {} };
      const prerenderer = withEarlyImages(early(), () => {})(base);
      await prerenderer.setup!();
      await prerenderer.teardown!();
    } finally {
      (globalThis as { astroAsset?: unknown }).astroAsset = before;
    }
  });

  it('stops at teardown when the transforms pages asked for are not in the shape it reads', async () => {
    const shapes: unknown[] = [
      { not: 'a map' },
      new Map([['/_astro/a.jpg', { transforms: [] }]]),
      new Map([['/_astro/a.jpg', { transforms: new Map([['h', { path: '/_astro/a_Z1.avif', options: {} }]]) }]]),
    ];
    for (const shape of shapes) {
      const early = new EarlyImages({ outDir: tmp, cacheDir: join(tmp, 'unused'), imageConfig: {}, logger: silent, staticImages: () => shape as StaticImages });
      early.scan();
      await expect(early.stop()).rejects.toThrow(SWITCH);
    }
  });

  it('stops at the end of the build when Astro generated pages without setting up the prerenderer it was given', async () => {
    const early = earlyImagesPrerenderer({ outDir: tmp, cacheDir: join(tmp, 'unused'), imageConfig: {}, staticImages: () => undefined });
    expect(() => early.check(false)).not.toThrow();
    expect(() => early.check(true)).toThrow(SWITCH);
    const prerenderer = early.prerenderer(silent as never)(base);
    await prerenderer.setup!();
    await prerenderer.teardown!();
    expect(() => early.check(true)).not.toThrow();
  });
});
