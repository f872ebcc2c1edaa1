import { mediaName } from '../schema/values';

/** Files (PDFs…) of the media folder, emitted by the build with a hashed URL. */
const files = import.meta.glob<string>('/content/media/**/*.pdf', { eager: true, query: '?url', import: 'default' });
const fileUrls = new Map(Object.entries(files).map(([path, url]) => [path.replace(/^\/content\/media\//, ''), url]));

/** The public URL of a file in content/media/; an unknown one stops the build with its name. */
export function resolveMediaFile(src: string): string {
  const url = fileUrls.get(mediaName(src));
  if (!url) throw new Error(`File "${src}" is not in content/media/`);
  return url;
}
