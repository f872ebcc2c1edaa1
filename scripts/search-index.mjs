#!/usr/bin/env node
// The Pagefind search index of an existing build (src/build/search-index.ts); `npm run build`
// (scripts/build.mjs) makes it as part of the build.
// Usage: node scripts/search-index.mjs [dist]
// The hashes that let a language's index be kept when none of its pages changed are kept with
// Astro's caches (node_modules/.astro/search-index.json): CI that keeps those keeps these.
import { existsSync } from 'node:fs';
import { buildSearchIndex } from '../src/build/search-index.ts';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
  console.error(`${dist}/ has no built site: run astro build first`);
  process.exit(1);
}
try {
  await buildSearchIndex(dist, { stampFile: 'node_modules/.astro/search-index.json' });
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}
