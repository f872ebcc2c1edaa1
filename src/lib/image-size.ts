import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';

/**
 * The width and height of an uploaded image (a cover), read without publishing the upload.
 *
 * An image imported by a page or a content entry is Astro's ImageMetadata proxy. Reading any of
 * its properties in our code (`width`, `height`, `src`…) tells Astro the original file is used
 * outside the image pipeline, so Astro keeps the original in dist/_astro/ beside the optimised
 * images made from it (withastro/astro#11887): for a 4000 px upload, 6 MB that no page refers
 * to. getImage() reads the dimensions without that and returns them in `options` (with no
 * width or height asked for, those of the original). No image is made for this call: Astro
 * records an image to make only when the result's `src` is read, and this never reads it.
 * tests/e2e/published-files.test.ts fails if an original, or an image made for nothing, is
 * published.
 */
export async function imageSize(image: ImageMetadata): Promise<{ width: number; height: number }> {
  const { options } = await getImage({ src: image });
  const { width, height } = options;
  if (typeof width !== 'number' || typeof height !== 'number') {
    throw new Error("imageSize: Astro's getImage() gave no width and height for an imported image");
  }
  return { width, height };
}
