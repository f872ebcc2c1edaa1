#!/usr/bin/env node
/**
 * `npm run translations`: the translation status of every entry in every language, from the
 * Git history of content/ (src/history/translation-report.ts), as a table; then vocabulary terms
 * without a label in a language, UI strings missing from a dictionary, and entries whose sector
 * or topics name no term.
 *
 * Usage: npm run translations -- [--json] [--fail-on missing,outdated] [--no-cache] [--root dir]
 *   --json      print the whole report as JSON instead of tables
 *   --fail-on   exit with 1 when some entry has one of these statuses in some language
 *               (missing, outdated, unknown); "outdated" fails on "unknown" too, since
 *               without the history an outdated translation cannot be told apart
 *   --no-cache  read the whole history again instead of the one kept per commit
 *               (node_modules/.astro/translation-status/)
 *   --root      the site whose content is read (default: this one; npm runs scripts in the
 *               package's folder)
 * Without Git, or in a shallow clone, every status that needs the history is "unknown" and a
 * warning says why.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localeKeys } from '../src/i18n/locales.ts';
import { statuses } from '../src/lib/translation-status.ts';
import { translationReport } from '../src/history/translation-report.ts';

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      'fail-on': { type: 'string', default: '' },
      cache: { type: 'boolean', default: true },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
  }));
} catch (error) {
  console.error(`${error.message}\nUsage: npm run translations -- [--json] [--fail-on missing,outdated] [--no-cache] [--root dir]`);
  process.exit(2);
}
if (args.help) {
  console.log('Usage: npm run translations -- [--json] [--fail-on missing,outdated] [--no-cache] [--root dir]   (see scripts/translations.mjs)');
  process.exit(0);
}
const failOn = args['fail-on'].split(',').map((s) => s.trim()).filter(Boolean);
const wrong = failOn.filter((s) => !statuses.includes(s) || s === 'up-to-date');
if (wrong.length > 0) {
  console.error(`--fail-on takes missing, outdated or unknown (comma-separated), got ${wrong.join(', ')}`);
  process.exit(2);
}

const report = await translationReport({
  warn: () => {},
  ...(args.root ? { root: resolve(args.root) } : {}),
  ...(args.cache ? {} : { cacheDir: false }),
});

const day = (iso) => iso.slice(0, 10);
function cell(s) {
  if (s.status === 'outdated') return `outdated: ${s.newer.join(', ')} newer since ${day(s.since)}`;
  if (s.status === 'up-to-date') return 'up to date';
  return s.status;
}

/** A plain text table, columns padded to their widest cell. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (args.json) {
  console.log(JSON.stringify(report, null, 1));
} else {
  if (report.warning) console.warn(`warning: ${report.warning}; every translation status is "unknown".\n`);
  const rows = report.entries.map((e) => [
    e.collection,
    e.slug + (e.published ? '' : ' (draft)'),
    ...localeKeys.map((l) => cell(e.locales[l])),
  ]);
  console.log(table(['collection', 'slug', ...localeKeys], rows));
  console.log('');
  const counts = localeKeys.map((l) => {
    const of = (s) => report.entries.filter((e) => e.locales[l].status === s).length;
    return `${l}: ${of('up-to-date')} up to date, ${of('outdated')} outdated, ${of('missing')} missing${of('unknown') ? `, ${of('unknown')} unknown` : ''}`;
  });
  console.log(`${report.entries.length} entries${report.commit ? ` at ${report.commit.slice(0, 12)}` : ''}. ${counts.join('; ')}.`);
  if (report.vocabularyLabels.length > 0) {
    console.log('\nVocabulary terms without a label:');
    for (const v of report.vocabularyLabels) console.log(`  ${v.file}: no ${v.missing.join(', ')}`);
  }
  if (report.uiStrings.length > 0) {
    console.log('\nUI strings (src/i18n/ui/):');
    for (const u of report.uiStrings) {
      if (u.missing.length) console.log(`  ${u.locale}.json lacks ${u.missing.join(', ')}`);
      if (u.empty.length) console.log(`  ${u.locale}.json has empty ${u.empty.join(', ')}`);
    }
  }
  if (report.unknownTerms.length > 0) {
    console.log('\nSectors and topics that name no term (shown as written):');
    for (const u of report.unknownTerms) console.log(`  ${u.collection}/${u.slug} (${u.locales.join(', ')}): ${u.field} "${u.value}"`);
  }
}

if (failOn.length > 0) {
  const failing = new Set(failOn.includes('outdated') ? [...failOn, 'unknown'] : failOn);
  const found = report.entries.flatMap((e) =>
    localeKeys.filter((l) => failing.has(e.locales[l].status)).map((l) => `${e.collection}/${e.slug} ${l}: ${e.locales[l].status}`),
  );
  if (found.length > 0) {
    console.error(`\n${found.length} translation${found.length === 1 ? '' : 's'} ${[...failing].join(' or ')} (--fail-on ${failOn.join(',')}).`);
    process.exit(1);
  }
}
