import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routesInLog } from '../../../scripts/bench/build-log.mjs';

/*
 * scripts/bench/build-log.mjs reads Astro's console log of the routes it generates (not an
 * API): the benchmark's phase table and tests/e2e/incremental.test.ts count rendered and reused
 * routes with it. This checks the statements of Astro's page generation that print those lines
 * (astro/dist/core/build/generate.js), then prints such lines with Astro's own logger, as
 * routes rendered at once interleave them, and reads them back with the parser.
 */
const astroDist = resolve(import.meta.dirname, '../../../node_modules/astro/dist');
const changed = (what: string) =>
  `Astro's log of generated routes has changed (${what}): scripts/bench/build-log.mjs, which the benchmark and tests/e2e/incremental.test.ts use to count rendered and reused routes, must be adapted to it (no switch: the site's output does not depend on it)`;

describe("Astro's log of generated routes, as build-log.mjs reads it", () => {
  // Escapes written as characters and all white space as one blank: only a change of the
  // statements counts, not of how Astro's build tools printed them.
  const generate = readFileSync(join(astroDist, 'core/build/generate.js'), 'utf8')
    .replaceAll('\\u251C\\u2500', '├─')
    .replace(/\s+/g, ' ');

  it('is printed by the statements the parser was written for', () => {
    expect(generate, changed('a rendered route starts with "├─ <path>", no line break')).toContain(
      'logger.info(null, ` ${colors.blue("├─")} ${colors.dim(filePath)}`, false);',
    );
    expect(generate, changed('a reused route starts with "├─ <path>", no line break')).toContain(
      'logger.info(null, ` ${colors.green("├─")} ${colors.dim(filePath)}`, false);',
    );
    expect(generate, changed('a reused route ends with " (restored)" or " (cached)"')).toMatch(
      /logger\.info\( ?"SKIP_FORMAT", ?restored \? ` \$\{colors\.green\("\(restored\)"\)\}` : ` \$\{colors\.green\("\(cached\)"\)\}` ?\)/,
    );
    expect(generate, changed('a rendered route ends with " (+<time>)" once it is done')).toMatch(
      /\(`\(\+\$\{getTimeStat\(timeStart, timeEnd\)\}\)`\)[\s\S]{0,200}logger\.info\("SKIP_FORMAT", ` \$\{timeIncrease\} \$\{notCreatedMsg\}`\)/,
    );
  });

  it("is read back from lines printed by Astro's logger, routes rendered at once interleaved", async () => {
    const { AstroLogger } = await import(pathToFileURL(join(astroDist, 'core/logger/core.js')).href);
    const { default: nodeDestination } = await import(pathToFileURL(join(astroDist, 'core/logger/impls/node.js')).href);
    const logger = new AstroLogger({ destination: nodeDestination({ level: 'info' }), level: 'info' });
    let text = '';
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string | Uint8Array) => ((text += String(chunk)), true)) as typeof process.stdout.write;
    try {
      // As generate.js calls it: two routes start rendering, one reused, then the first two end.
      logger.info(null, '  ├─ /it/calls/index.html', false);
      logger.info(null, '  ├─ /zh/calls/index.html', false);
      logger.info(null, '  ├─ /it/news/a/index.html', false);
      logger.info('SKIP_FORMAT', ' (cached)');
      logger.info(null, '  ├─ /calendar-files.json', false);
      logger.info('SKIP_FORMAT', ' (restored)');
      logger.info('SKIP_FORMAT', ' (+792ms) ');
      logger.info(null, '  ├─ /sitemap.xml', false);
      logger.info('SKIP_FORMAT', ' (+1.20s) ');
    } finally {
      process.stdout.write = write;
    }
    const plain = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(routesInLog(plain), changed(`the lines read: ${JSON.stringify(plain)}`)).toEqual([
      { path: '/it/calls/index.html', reused: false },
      { path: '/zh/calls/index.html', reused: false },
      { path: '/it/news/a/index.html', reused: true },
      { path: '/calendar-files.json', reused: true },
      { path: '/sitemap.xml', reused: false },
    ]);
  });
});
