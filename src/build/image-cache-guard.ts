import type { AstroIntegrationLogger } from 'astro';
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
 *
 * Reads Astro's internal record (incremental-build.json, its "staticImages" key): should Astro
 * rename it, the guard finds nothing and does nothing, and a build whose image cache alone was
 * lost fails as it would without the guard (tests/e2e/incremental.test.ts, "lost image cache").
 */
export function keepImagesWithTheirPages(cacheDir: URL, logger: Pick<AstroIntegrationLogger, 'warn'>): void {
  const record = fileURLToPath(new URL('incremental-build.json', cacheDir));
  const images = fileURLToPath(new URL('assets/', cacheDir));
  if (!existsSync(record) || (existsSync(images) && readdirSync(images).length > 0)) return;
  // Only read when the image cache is gone: the record is tens of megabytes at 10,000 entries.
  if (!/"staticImages":\s*\[\s*\{/.test(readFileSync(record, 'utf8'))) return;
  rmSync(record);
  logger.warn('the image cache is gone: every page is rendered again, so that its images are made again');
}
