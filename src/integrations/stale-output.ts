import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { removeStaleOutput, type FileStamp } from '../lib/stale-output';

/**
 * Removes from dist/ what this build did not produce (src/lib/stale-output.ts): dist/ is kept
 * between builds so that pages reused by an incremental build need not be copied back. It runs
 * before the link check, so that a link to a page that is gone is found, and leaves the list
 * of the files that stay in `output.files` for it (one walk of dist/ instead of two). Files that
 * integrations before it wrote for this build are in `output.produced`.
 */
export function staleOutputIntegration(output: { files?: Map<string, FileStamp>; produced?: string[] } = {}): AstroIntegration {
  let startedAt = Date.now();
  let publicDir = '';
  return {
    name: 'cittc-stale-output',
    hooks: {
      'astro:config:setup': ({ config }) => {
        startedAt = Date.now();
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const started = performance.now();
        // Files of routes, and those written for this build by integrations that came before
        // (the calendar files: src/integrations/calendar-files.ts), even if left unchanged.
        const routeFiles = [...[...assets.values()].flat().map((url) => fileURLToPath(url)), ...(output.produced ?? [])];
        output.produced = undefined;
        const { removed, files } = removeStaleOutput({ dist: fileURLToPath(dir), startedAt, routeFiles, publicDir });
        output.files = files;
        const shown = removed.slice(0, 10).join(', ') + (removed.length > 10 ? `, … (${removed.length - 10} more)` : '');
        logger.info(
          removed.length
            ? `removed ${removed.length} file(s) of earlier builds that this build did not produce: ${shown} (${Math.round(performance.now() - started)} ms)`
            : `no files of earlier builds left in the output (${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}
