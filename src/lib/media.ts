import type { ImageMetadata } from 'astro';

/**
 * Images uploaded through the CMS into content/media/, imported so that Astro's image pipeline
 * (sharp) can resize and re-encode them. MDX bodies name them by path ("../../media/x.jpg").
 */
const images = import.meta.glob<{ default: ImageMetadata }>('/content/media/**/*.{jpg,jpeg,png,webp,avif,gif,tiff}', {
  eager: true,
});

const byName = new Map(Object.entries(images).map(([path, mod]) => [path.replace(/^\/content\/media\//, ''), mod.default]));

/** The media-folder name of a path written in content: "../../media/a/b.jpg" → "a/b.jpg". */
export function mediaName(src: string): string {
  return src.replace(/^(?:\.\.\/)+media\//, '').replace(/^\/?content\/media\//, '').replace(/^\//, '');
}

/** The image a content path refers to; an unknown one stops the build with its name. */
export function resolveMedia(src: string): ImageMetadata {
  const image = byName.get(mediaName(src));
  if (!image) {
    throw new Error(`Image "${src}" is not in content/media/ (known: ${[...byName.keys()].join(', ') || 'none'})`);
  }
  return image;
}

/** Files (PDFs…) of the media folder, emitted by the build with a hashed URL. */
const files = import.meta.glob<string>('/content/media/**/*.pdf', { eager: true, query: '?url', import: 'default' });
const fileUrls = new Map(Object.entries(files).map(([path, url]) => [path.replace(/^\/content\/media\//, ''), url]));

/** The public URL of a file in content/media/; an unknown one stops the build with its name. */
export function resolveMediaFile(src: string): string {
  const url = fileUrls.get(mediaName(src));
  if (!url) throw new Error(`File "${src}" is not in content/media/`);
  return url;
}
