import { afterEach, describe, expect, it, vi } from 'vitest';
import { BEIJING, ROME, dateEndInstant, dateStartInstant, dayDifference, toInstant, zoned } from '../../../src/lib/time';
import {
  CLOSING_SOON_DAYS,
  applicationOpen,
  callStatus,
  eventPhase,
  offerExpired,
} from '../../../src/lib/status';

// Every expected instant below was worked out by hand from the zones' offsets:
// Asia/Shanghai is UTC+8 all year; Europe/Rome is UTC+1 (CET) in winter and UTC+2 (CEST) from
// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

afterEach(() => {
  vi.useRealTimers();
});

describe('toInstant and zoned: a Beijing deadline seen from Rome', () => {
  it('23:59 in Beijing on 4 December 2026 is 16:59 in Rome (CET, 7 hours behind)', () => {
    const deadline = toInstant('2026-12-04T23:59', BEIJING);
    expect(iso(deadline)).toBe('2026-12-04T15:59:00.000Z');
    expect(zoned(deadline, ROME)).toEqual({ date: '2026-12-04', time: '16:59', offsetMinutes: 60 });
    expect(zoned(deadline, BEIJING)).toEqual({ date: '2026-12-04', time: '23:59', offsetMinutes: 480 });
  });

  it('23:59 in Beijing on 30 June 2027 is 17:59 in Rome (CEST, 6 hours behind)', () => {
    const deadline = toInstant('2027-06-30T23:59', BEIJING);
    expect(iso(deadline)).toBe('2027-06-30T15:59:00.000Z');
    expect(zoned(deadline, ROME)).toEqual({ date: '2027-06-30', time: '17:59', offsetMinutes: 120 });
  });
});

describe('DST change days in Rome', () => {
  it('28 March 2027 (to summer time): 01:30 Rome = 08:30 Beijing, 04:00 Rome = 10:00 Beijing, 90 minutes apart', () => {
    const start = toInstant('2027-03-28T01:30', ROME);
    const end = toInstant('2027-03-28T04:00', ROME);
    expect(iso(start)).toBe('2027-03-28T00:30:00.000Z');
    expect(iso(end)).toBe('2027-03-28T02:00:00.000Z');
    expect(zoned(start, BEIJING)).toEqual({ date: '2027-03-28', time: '08:30', offsetMinutes: 480 });
    expect(zoned(end, BEIJING)).toEqual({ date: '2027-03-28', time: '10:00', offsetMinutes: 480 });
    expect(zoned(start, ROME).offsetMinutes).toBe(60);
    expect(zoned(end, ROME).offsetMinutes).toBe(120);
    expect((end.getTime() - start.getTime()) / 60_000).toBe(90);
  });

  it('a time in the spring-forward gap (02:30, which never shows on Rome clocks) moves forward to 03:30 CEST', () => {
    const gap = toInstant('2027-03-28T02:30', ROME);
    expect(iso(gap)).toBe('2027-03-28T01:30:00.000Z');
    expect(zoned(gap, ROME)).toEqual({ date: '2027-03-28', time: '03:30', offsetMinutes: 120 });
    expect(iso(toInstant('2027-03-28T02:00', ROME))).toBe('2027-03-28T01:00:00.000Z');
  });

  it('25 October 2026 (to winter time): 02:30 happens twice and means the first one, 02:30 CEST', () => {
    const ambiguous = toInstant('2026-10-25T02:30', ROME);
    expect(iso(ambiguous)).toBe('2026-10-25T00:30:00.000Z');
    expect(zoned(ambiguous, ROME)).toEqual({ date: '2026-10-25', time: '02:30', offsetMinutes: 120 });
    // The second 02:30 is a real instant too, one hour later, in CET.
    expect(zoned(at('2026-10-25T01:30:00Z'), ROME)).toEqual({ date: '2026-10-25', time: '02:30', offsetMinutes: 60 });
    // Either side of the repeated hour is unambiguous.
    expect(iso(toInstant('2026-10-25T01:59', ROME))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(toInstant('2026-10-25T03:00', ROME))).toBe('2026-10-25T02:00:00.000Z');
    // 01:30 → 03:30 on that day lasts three hours.
    const long = toInstant('2026-10-25T03:30', ROME).getTime() - toInstant('2026-10-25T01:30', ROME).getTime();
    expect(long / 3_600_000).toBe(3);
  });

  it('resolves gap and overlap the same way whatever the date the build runs on', () => {
    // luxon alone picks the overlap occurrence from the zone's offset *now*: check both seasons.
    for (const buildDate of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z']) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(at(buildDate));
      expect(iso(toInstant('2026-10-25T02:30', ROME)), buildDate).toBe('2026-10-25T00:30:00.000Z');
      expect(iso(toInstant('2027-03-28T02:30', ROME)), buildDate).toBe('2027-03-28T01:30:00.000Z');
      vi.useRealTimers();
    }
  });
});

describe('an event crossing midnight', () => {
  it('19:00 → 00:30 in Beijing (14–15 May 2027) is 13:00 → 18:30 on 14 May in Rome', () => {
    const start = toInstant('2027-05-14T19:00', BEIJING);
    const end = toInstant('2027-05-15T00:30', BEIJING);
    expect(zoned(start, ROME)).toEqual({ date: '2027-05-14', time: '13:00', offsetMinutes: 120 });
    expect(zoned(end, ROME)).toEqual({ date: '2027-05-14', time: '18:30', offsetMinutes: 120 });
    expect(dayDifference(start, BEIJING, ROME)).toBe(0);
    expect(dayDifference(end, BEIJING, ROME)).toBe(-1);
  });

  it('19:00 in Rome on 14 May 2027 is 01:00 on 15 May in Beijing: "(+1 day)"', () => {
    const instant = toInstant('2027-05-14T19:00', ROME);
    expect(iso(instant)).toBe('2027-05-14T17:00:00.000Z');
    expect(zoned(instant, BEIJING)).toEqual({ date: '2027-05-15', time: '01:00', offsetMinutes: 480 });
    expect(dayDifference(instant, ROME, BEIJING)).toBe(1);
    expect(dayDifference(instant, BEIJING, ROME)).toBe(-1);
    expect(dayDifference(toInstant('2027-05-14T15:59', ROME), ROME, BEIJING)).toBe(0);
  });
});

describe('dateStartInstant and dateEndInstant', () => {
  it('bound a calendar day in the given zone', () => {
    expect(iso(dateStartInstant('2026-12-04', BEIJING))).toBe('2026-12-03T16:00:00.000Z');
    expect(iso(dateEndInstant('2026-12-04', BEIJING))).toBe('2026-12-04T15:59:59.999Z');
    expect(iso(dateStartInstant('2027-06-30', ROME))).toBe('2027-06-29T22:00:00.000Z');
    expect(iso(dateEndInstant('2027-06-30', ROME))).toBe('2027-06-30T21:59:59.999Z');
    expect(iso(dateEndInstant('2028-02-29', ROME))).toBe('2028-02-29T22:59:59.999Z');
  });

  it('give DST change days 23 and 25 hours', () => {
    expect(iso(dateStartInstant('2027-03-28', ROME))).toBe('2027-03-27T23:00:00.000Z');
    expect(iso(dateEndInstant('2027-03-28', ROME))).toBe('2027-03-28T21:59:59.999Z');
    expect(iso(dateStartInstant('2026-10-25', ROME))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(dateEndInstant('2026-10-25', ROME))).toBe('2026-10-25T22:59:59.999Z');
  });
});

describe('malformed input', () => {
  it.each([
    ['2026-12-04 23:59', ROME],
    ['2026-12-04T23:59:00', ROME],
    ['2026-12-4T23:59', ROME],
    ['2026-12-04', ROME],
    ['', ROME],
    ['2026-02-30T10:00', ROME],
    ['2026-13-01T10:00', ROME],
    ['2026-12-04T24:00', ROME],
    ['2026-12-04T23:60', ROME],
    ['2026-12-04T23:59', 'Mars/Olympus'],
  ])('toInstant("%s", "%s") throws an Error naming the value', (value, zone) => {
    expect(() => toInstant(value, zone)).toThrow(value === '' ? /toInstant/ : value);
  });

  it('date helpers and zoned() reject bad dates and zones', () => {
    expect(() => dateStartInstant('2026-02-29', ROME)).toThrow('2026-02-29');
    expect(() => dateEndInstant('2026-02-29', ROME)).toThrow('2026-02-29');
    expect(() => dateEndInstant('04/12/2026', ROME)).toThrow('04/12/2026');
    expect(() => dateStartInstant('2026-12-04', 'Europe/Nowhere')).toThrow('Europe/Nowhere');
    expect(() => zoned(new Date(Number.NaN), ROME)).toThrow(/invalid Date/);
    expect(() => zoned(at('2026-12-04T00:00:00Z'), 'Europe/Nowhere')).toThrow('Europe/Nowhere');
  });
});

describe('callStatus', () => {
  const deadline = at('2026-12-04T15:59:00.000Z');

  it('is closing-soon from exactly 14 × 24 h before the deadline, open 1 ms earlier', () => {
    expect(CLOSING_SOON_DAYS).toBe(14);
    expect(callStatus({ deadline, now: at('2026-11-20T15:59:00.000Z') })).toBe('closing-soon');
    expect(callStatus({ deadline, now: at('2026-11-20T15:58:59.999Z') })).toBe('open');
    expect(callStatus({ deadline, now: at('2026-10-01T00:00:00.000Z') })).toBe('open');
  });

  it('is closing-soon 1 ms before the deadline and closed at and after it', () => {
    expect(callStatus({ deadline, now: at('2026-12-04T15:58:59.999Z') })).toBe('closing-soon');
    expect(callStatus({ deadline, now: deadline })).toBe('closed');
    expect(callStatus({ deadline, now: at('2027-01-01T00:00:00.000Z') })).toBe('closed');
  });

  it('counts 14 days as 14 × 24 h across a DST change, not 14 calendar days', () => {
    // 12:00 Rome on 1 Nov 2026 (CET) = 11:00Z; 12:00 Rome on 18 Oct (CEST) = 10:00Z: 14 days and 1 hour.
    expect(callStatus({ deadline: at('2026-11-01T11:00:00Z'), now: at('2026-10-18T10:00:00Z') })).toBe('open');
    expect(callStatus({ deadline: at('2026-11-01T11:00:00Z'), now: at('2026-10-18T11:00:00Z') })).toBe('closing-soon');
  });

  it('is upcoming before `opens`, then open or closing-soon from it', () => {
    const opens = at('2026-11-01T23:00:00.000Z');
    expect(callStatus({ deadline, opens, now: at('2026-11-01T22:59:59.999Z') })).toBe('upcoming');
    expect(callStatus({ deadline, opens, now: opens })).toBe('open');
    const lateOpens = at('2026-11-25T00:00:00.000Z');
    expect(callStatus({ deadline, opens: lateOpens, now: lateOpens })).toBe('closing-soon');
    // Inconsistent data (opens after the deadline) never makes a past call look upcoming.
    expect(callStatus({ deadline, opens: at('2027-01-01T00:00:00Z'), now: at('2026-12-10T00:00:00Z') })).toBe('closed');
  });

  it('rejects invalid Dates', () => {
    expect(() => callStatus({ deadline: new Date('nope'), now: deadline })).toThrow(RangeError);
  });
});

describe('eventPhase', () => {
  const start = at('2027-05-14T11:00:00.000Z');
  const end = at('2027-05-14T16:30:00.000Z');

  it('is upcoming before start, ongoing from start until end, past from end', () => {
    expect(eventPhase({ start, end, now: at('2027-05-14T10:59:59.999Z') })).toBe('upcoming');
    expect(eventPhase({ start, end, now: start })).toBe('ongoing');
    expect(eventPhase({ start, end, now: at('2027-05-14T16:29:59.999Z') })).toBe('ongoing');
    expect(eventPhase({ start, end, now: end })).toBe('past');
  });

  it('gives an event without end two hours', () => {
    expect(eventPhase({ start, now: at('2027-05-14T12:59:59.999Z') })).toBe('ongoing');
    expect(eventPhase({ start, now: at('2027-05-14T13:00:00.000Z') })).toBe('past');
  });
});

describe('applicationOpen', () => {
  const start = at('2027-02-01T23:00:00.000Z');

  it('closes at the application deadline when there is one', () => {
    const deadline = at('2027-01-15T22:59:00.000Z');
    expect(applicationOpen({ deadline, start, now: at('2027-01-15T22:58:59.999Z') })).toBe(true);
    expect(applicationOpen({ deadline, start, now: deadline })).toBe(false);
    expect(applicationOpen({ deadline, start, now: at('2027-01-20T00:00:00.000Z') })).toBe(false);
  });

  it('closes when the course starts otherwise', () => {
    expect(applicationOpen({ start, now: at('2027-02-01T22:59:59.999Z') })).toBe(true);
    expect(applicationOpen({ start, now: start })).toBe(false);
  });
});

describe('offerExpired', () => {
  it('keeps an offer through the last instant of its expiry day, expired 1 ms later', () => {
    const expires = at('2027-03-31T21:59:59.999Z'); // end of 31 March 2027 in Rome (CEST)
    expect(offerExpired({ expires, now: expires })).toBe(false);
    expect(offerExpired({ expires, now: at('2027-03-31T22:00:00.000Z') })).toBe(true);
  });

  it('never expires an offer without `expires`', () => {
    expect(offerExpired({ now: at('2099-01-01T00:00:00.000Z') })).toBe(false);
  });
});
