import { parseFrontmatter } from 'astro/markdown';
import { z } from 'astro/zod';
import type { CollectionName } from '../../src/schema/collections';
import { collectionSchema } from '../../src/schema/zod';

/** Stand-in for Astro's image(): a relative path to an image file in the media folder. */
const imageStub = () => z.string().regex(/^\.\.?\/.+\.(?:jpe?g|png|webp|avif|gif|svg)$/i, 'must be an image file');

/**
 * Parses a content file's text the way the build does (Astro's front matter parser, then the
 * collection's real schema) and returns zod's result.
 */
export function parseEntry(collection: CollectionName, text: string) {
  const { frontmatter } = parseFrontmatter(text);
  return collectionSchema(collection, imageStub).safeParse(frontmatter);
}

/** "field: message" lines of a failed parse, for assertions on what an editor is told. */
export function issues(result: ReturnType<typeof parseEntry>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Builds a content file from front matter lines and a body. */
export const mdx = (frontmatter: string, body = 'Testo di prova.') => `---\n${frontmatter.trim()}\n---\n\n${body}\n`;
