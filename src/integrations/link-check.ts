import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { findBrokenLinks } from '../lib/link-check';

/** Stops the build when a built page links to a page or file of the site that was not built. */
export function linkCheckIntegration(site: string): AstroIntegration {
  return {
    name: 'cittc-link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const broken = findBrokenLinks(fileURLToPath(dir), site);
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
