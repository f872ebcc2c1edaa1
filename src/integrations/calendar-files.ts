import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeCalendarFiles } from '../lib/calendar-files';

/**
 * Writes the .ics file of every event and call from the one route that makes them all
 * (src/lib/calendar-files.ts says why), and hands their paths to the stale-output sweep in
 * `output.produced`: a file kept from the last build because its text did not change is this
 * build's output all the same. Must come before the stale-output integration.
 */
export function calendarFilesIntegration(output: { produced?: string[] } = {}): AstroIntegration {
  let stampFile = '';
  return {
    name: 'cittc-calendar-files',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        stampFile = fileURLToPath(new URL('calendar-files.json', config.cacheDir));
        // Which routes make the calendar files (src/env.d.ts): the one route in a build.
        updateConfig({ vite: { define: { 'import.meta.env.CALENDAR_FILES_AT_ONCE': JSON.stringify(command === 'build') } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const result = await writeCalendarFiles(fileURLToPath(dir), stampFile);
        if (!result) return;
        output.produced = [...(output.produced ?? []), ...result.files];
        logger.info(
          `${result.files.length} calendar files, ${result.written} written, ${result.files.length - result.written} unchanged, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
