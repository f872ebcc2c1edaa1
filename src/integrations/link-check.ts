import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrokenLinks, type LinkCache } from '../lib/link-check';
import type { FileStamp } from '../lib/stale-output';

/**
 * Stops the build when a built page links to a page or file of the site that was not built.
 * The links found in each page are kept with Astro's caches (node_modules/.astro/link-check.json),
 * so that a rebuild reads only the pages it wrote; all links are checked on every build.
 */
export function linkCheckIntegration(site: string, output: { files?: Map<string, FileStamp> } = {}): AstroIntegration {
  let cacheFile = '';
  return {
    name: 'cittc-link-check',
    hooks: {
      'astro:config:setup': ({ config }) => {
        cacheFile = fileURLToPath(new URL('link-check.json', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const cache = readCache(cacheFile);
        // The files of dist/ as the stale-output sweep, which runs just before, left them.
        const broken = findBrokenLinks(fileURLToPath(dir), site, cache, output.files);
        output.files = undefined;
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileSync(cacheFile, JSON.stringify(cache));
        if (broken.length) {
          const lines = broken.slice(0, 50).map(({ page, link }) => `  ${page} links to ${link}, which is not built`);
          if (broken.length > 50) lines.push(`  … and ${broken.length - 50} more`);
          throw new Error(
            `${broken.length} broken internal link(s): fix the link in the content, or publish the page it points to\n${lines.join('\n')}`,
          );
        }
        logger.info(`internal links checked in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

function readCache(file: string): LinkCache {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as LinkCache;
    if (Array.isArray(cache.links) && cache.pages && typeof cache.pages === 'object') return cache;
  } catch {
    // No cache yet, or unreadable: every page is read.
  }
  return { links: [], pages: {} };
}
