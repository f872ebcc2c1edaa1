import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Astro 7.3.5 stops the build with InvalidImageService ("There was an error loading the
 * configured image service") when images must be made again but no page that loads the image
 * service is rendered: every such page reused from the incremental cache while the image cache
 * (node_modules/.astro/assets/) is gone, as when only that folder was deleted or a CI cache
 * restored only part of node_modules/.astro. Before the build, if that folder is missing or
 * empty while the incremental build's record lists images, the record is removed: every page
 * is rendered again, and the images made again.
 */
export function imageCacheGuardIntegration(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: 'cittc-image-cache-guard',
    hooks: {
      'astro:config:setup': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:start': ({ logger }) => {
        if (!cacheDir) return;
        const record = fileURLToPath(new URL('incremental-build.json', cacheDir));
        const images = fileURLToPath(new URL('assets/', cacheDir));
        if (!existsSync(record) || (existsSync(images) && readdirSync(images).length > 0)) return;
        // Only read when the image cache is gone: the record is ~18 MB at 10,000 entries.
        if (!/"staticImages":\s*\[\s*\{/.test(readFileSync(record, 'utf8'))) return;
        rmSync(record);
        logger.warn('the image cache is gone: every page is rendered again, so that its images are made again');
      },
    },
  };
}
