import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { types } from 'node:util';

/** The hash of what a cache key is made of (src/build/cache-keys.ts), as JSON written by keyPart. */
export const hash = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts, keyPart)).digest('base64url').slice(0, 22);

/** What stands for an entry's body in a stored entry (it has a digest): left out of keys made from props. */
const BODY_KEYS = new Set(['rendered', 'body', 'digest', 'assetImports']);

/**
 * What a key is made of, as JSON. A stored entry in props stands for its id, collection and
 * front matter, not its body: no page that renders from props shows an entry's body (cards,
 * feeds, the sitemap; tests/unit/build/cache-keys.test.ts checks that none of them reads it),
 * so editing a text leaves the lists that show the entry alone. Entry pages have their own
 * keys, with the digest of the entry's file. Maps and sets stand for their entries.
 *
 * An image in front matter (a cover) stands for the file it was imported from: its path in
 * the project (so that a key does not depend on where the project is checked out) and a hash
 * of its bytes (a replaced image changes the addresses of its optimised versions).
 * JSON.stringify would read the image's properties: it is Astro's ImageMetadata proxy, and any property read through it but `fsPath` and `clone` makes Astro
 * keep the upload in dist/ beside its optimised images (astro/dist/assets/utils/proxy.js;
 * src/lib/image-size.ts). `fsPath` is that proxy's own exception, the path Astro itself reads
 * to find the original; the build stops here if a later Astro no longer gives it.
 */
export function keyPart(this: unknown, key: string, value: unknown): unknown {
  if (BODY_KEYS.has(key) && typeof this === 'object' && this !== null && 'digest' in this) return undefined;
  if (value instanceof Map) return [...value];
  if (value instanceof Set) return [...value];
  if (typeof value !== 'object' || value === null) return value;
  if (!types.isProxy(value)) {
    // An imported image that is not a proxy (it has Astro's non-enumerable fsPath): reading its
    // properties may mark the upload as used, in a way this cannot tell, so the build stops.
    const fsPath = Object.getOwnPropertyDescriptor(value, 'fsPath');
    if (fsPath && !fsPath.enumerable) {
      throw new Error(
        "the pages' cache keys (src/build/cache-keys.ts) rely on an internal of Astro that has changed: an image of the front matter is no longer " +
          "Astro's ImageMetadata proxy (astro/dist/assets/utils/proxy.js), whose fsPath can be read without publishing the original upload. " +
          'npm run build -- --stock builds without cache keys.',
      );
    }
    return value;
  }
  const fsPath = (value as { fsPath?: unknown }).fsPath;
  if (typeof fsPath !== 'string') {
    throw new Error(
      "the pages' cache keys (src/build/cache-keys.ts) rely on an internal of Astro that has changed: an image of the front matter has no fsPath " +
        "(Astro's ImageMetadata proxy, astro/dist/assets/utils/proxy.js), so its file cannot be named in a key without Astro publishing the original. " +
        'npm run build -- --stock builds without cache keys.',
    );
  }
  return { image: relative(process.cwd(), fsPath).split(sep).join('/'), bytes: fileHash(fsPath) };
}

/** A file's bytes, hashed once per version of it (size and time) in a process. */
const fileHashes = new Map<string, string>();
export function fileHash(path: string): string {
  const { size, mtimeMs } = statSync(path);
  const known = `${path}\0${size}\0${mtimeMs}`;
  let value = fileHashes.get(known);
  if (value === undefined) fileHashes.set(known, (value = createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 16)));
  return value;
}
