#!/usr/bin/env node
// `npm run build`, second step: the Pagefind search index of the built site (src/lib/search-index.ts).
// Usage: node scripts/search-index.mjs [dist]
import { existsSync } from 'node:fs';
import { buildSearchIndex } from '../src/lib/search-index.ts';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
  console.error(`${dist}/ has no built site: run astro build first`);
  process.exit(1);
}
try {
  await buildSearchIndex(dist);
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}
