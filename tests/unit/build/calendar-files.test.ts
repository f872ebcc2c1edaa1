import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALENDAR_BUNDLE, writeCalendarFiles, type CalendarBundle } from '../../../src/build/calendar-files';

let dir: string;
let dist: string;
let stamps: string;
const bundle = (files: CalendarBundle['files']) => writeFileSync(join(dist, CALENDAR_BUNDLE), JSON.stringify({ files }));
const text = (path: string) => readFileSync(join(dist, path), 'utf8');
/** Sets a file's time far back, so that a rewrite shows. */
const age = (path: string) => utimesSync(join(dist, path), new Date('2020-01-01'), new Date('2020-01-01'));
const writtenAt = (path: string) => statSync(join(dist, path)).mtimeMs;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'calendar-files-'));
  dist = join(dir, 'dist');
  stamps = join(dir, 'cache', 'calendar-files.json');
  mkdirSync(dist);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeCalendarFiles', () => {
  it('writes every file of the bundle where the site serves it, and removes the bundle', async () => {
    bundle([
      ['it/events/forum.ics', 'BEGIN:VCALENDAR\r\nX-IT\r\nEND:VCALENDAR\r\n'],
      ['zh/calls/bando.ics', 'BEGIN:VCALENDAR\r\nX-ZH 中文\r\nEND:VCALENDAR\r\n'],
    ]);
    const result = await writeCalendarFiles(dist, stamps);
    expect(result?.written).toBe(2);
    expect(result?.files).toEqual([join(dist, 'it/events/forum.ics'), join(dist, 'zh/calls/bando.ics')]);
    expect(text('zh/calls/bando.ics')).toBe('BEGIN:VCALENDAR\r\nX-ZH 中文\r\nEND:VCALENDAR\r\n');
    expect(existsSync(join(dist, CALENDAR_BUNDLE))).toBe(false);
  });

  it('writes again only the files whose text changed, or that are missing', async () => {
    bundle([
      ['it/events/a.ics', 'A1'],
      ['it/events/b.ics', 'B1'],
      ['it/events/c.ics', 'C1'],
    ]);
    await writeCalendarFiles(dist, stamps);
    for (const f of ['a', 'b', 'c']) age(`it/events/${f}.ics`);
    const old = writtenAt('it/events/a.ics');
    rmSync(join(dist, 'it/events/c.ics'));
    bundle([
      ['it/events/a.ics', 'A1'],
      ['it/events/b.ics', 'B2'],
      ['it/events/c.ics', 'C1'],
    ]);
    const result = await writeCalendarFiles(dist, stamps);
    expect(result?.written).toBe(2);
    expect(result?.files).toHaveLength(3);
    expect(writtenAt('it/events/a.ics')).toBe(old);
    expect(text('it/events/b.ics')).toBe('B2');
    expect(text('it/events/c.ics')).toBe('C1');
  });

  it('without its record of the last build, writes every file', async () => {
    bundle([['en/events/a.ics', 'A1']]);
    await writeCalendarFiles(dist, stamps);
    rmSync(stamps);
    bundle([['en/events/a.ics', 'A1']]);
    expect((await writeCalendarFiles(dist, stamps))?.written).toBe(1);
  });

  it('refuses a path outside the site', async () => {
    bundle([['../outside.ics', 'X']]);
    await expect(writeCalendarFiles(dist, stamps)).rejects.toThrow(/outside the site: \.\.\/outside\.ics/);
    expect(existsSync(join(dir, 'outside.ics'))).toBe(false);
  });

  it('does nothing when the build made no bundle', async () => {
    expect(await writeCalendarFiles(dist, stamps)).toBeUndefined();
  });
});
