import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { icsCalendar, type IcsItem } from '../../../src/lib/ics';

// The feed is read back with ical.js, an independent parser, so these tests check what a
// calendar app would see, not how ical-generator happens to write it.

const SUMMARY = 'Forum Italia–Cina, Roma; 2027\n中意技术转移中心：创新合作论坛，第二天 🇮🇹🇨🇳';
const DESCRIPTION =
  'Programma: apertura, tavole rotonde; incontri B2B.\n\n' +
  '中意技术转移中心（CITTC）举办年度论坛，介绍技术转移、联合研发和投资合作的最新机会。'.repeat(2) +
  '\nPercorso C:\\temp non è un escape.';
const LOCATION = 'Pechino, Sala 3; piano 2';

const event: IcsItem = {
  uid: 'events/forum-2027@cittc.example.org',
  // 19:00 → 00:30 on 14–15 May 2027 in Beijing (UTC+8).
  start: new Date('2027-05-14T11:00:00.000Z'),
  end: new Date('2027-05-14T16:30:00.000Z'),
  summary: SUMMARY,
  description: DESCRIPTION,
  location: LOCATION,
  url: 'https://cittc.example.org/zh/events/forum-2027/',
  stamp: new Date('2027-04-01T08:09:10.000Z'),
};

const call: IcsItem = {
  uid: 'calls/bando-2026@cittc.example.org',
  // 23:59 on 4 December 2026 in Beijing.
  start: new Date('2026-12-04T15:59:00.000Z'),
  summary: 'Scadenza: Bando, mobilità; 2026',
  stamp: new Date('2026-11-01T00:00:00.000Z'),
  alarmMinutesBefore: 24 * 60,
};

const input = { name: 'CITTC, eventi; bandi', items: [event, call], ttlHours: 6 };

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

function utc(component: InstanceType<typeof ICAL.Component>, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  expect(value.zone?.tzid, `${name} is written in UTC`).toBe('UTC');
  return value.toJSDate().toISOString();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('icsCalendar', () => {
  it('publishes a named calendar', () => {
    const ics = icsCalendar(input);
    const { calendar } = parse(ics);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//CITTC//cittc-site//EN');
    // X-WR-CALNAME is TEXT by convention: commas and semicolons escaped.
    expect(ics.split('\r\n')).toContain('X-WR-CALNAME:CITTC\\, eventi\\; bandi');
    expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT6H');
    const other = icsCalendar({ name: 'A\nB', prodId: '-//Other//Feed//IT', items: [] });
    expect(parse(other).calendar.getFirstPropertyValue('prodid')).toBe('-//Other//Feed//IT');
    expect(other.split('\r\n')).toContain('X-WR-CALNAME:A B');
    expect(other).not.toContain('X-PUBLISHED-TTL');
  });

  it('writes one VEVENT per item with the given UIDs and UTC instants', () => {
    const ics = icsCalendar(input);
    const { events } = parse(ics);
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
      'events/forum-2027@cittc.example.org',
      'calls/bando-2026@cittc.example.org',
    ]);
    const [forum, deadline] = events as [InstanceType<typeof ICAL.Component>, InstanceType<typeof ICAL.Component>];
    expect(utc(forum, 'dtstart')).toBe('2027-05-14T11:00:00.000Z');
    expect(utc(forum, 'dtend')).toBe('2027-05-14T16:30:00.000Z');
    expect(ics).toContain('\r\nDTSTART:20270514T110000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20270514T163000Z\r\n');
    expect(utc(deadline, 'dtstart')).toBe('2026-12-04T15:59:00.000Z');
    expect(deadline.hasProperty('dtend')).toBe(false);
  });

  it('round-trips text with commas, semicolons, newlines, backslashes and Chinese exactly', () => {
    const [forum, deadline] = parse(icsCalendar(input)).events as InstanceType<typeof ICAL.Component>[];
    expect(forum!.getFirstPropertyValue('summary')).toBe(SUMMARY);
    expect(forum!.getFirstPropertyValue('description')).toBe(DESCRIPTION);
    expect(forum!.getFirstPropertyValue('location')).toBe(LOCATION);
    expect(forum!.getFirstPropertyValue('url')).toBe('https://cittc.example.org/zh/events/forum-2027/');
    expect(deadline!.getFirstPropertyValue('summary')).toBe('Scadenza: Bando, mobilità; 2026');
    expect(deadline!.hasProperty('description')).toBe(false);
  });

  it('sets DTSTAMP to the given stamp', () => {
    const ics = icsCalendar(input);
    const [forum, deadline] = parse(ics).events as InstanceType<typeof ICAL.Component>[];
    expect(utc(forum!, 'dtstamp')).toBe('2027-04-01T08:09:10.000Z');
    expect(utc(deadline!, 'dtstamp')).toBe('2026-11-01T00:00:00.000Z');
    expect(ics).toContain('\r\nDTSTAMP:20270401T080910Z\r\n');
  });

  it('adds a display alarm only when alarmMinutesBefore is set', () => {
    const [forum, deadline] = parse(icsCalendar(input)).events as InstanceType<typeof ICAL.Component>[];
    expect(forum!.getAllSubcomponents('valarm')).toHaveLength(0);
    const alarms = deadline!.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
    const trigger = alarms[0]!.getFirstPropertyValue('trigger');
    if (!(trigger instanceof ICAL.Duration)) throw new Error('TRIGGER is not a duration');
    expect(trigger.toSeconds()).toBe(-86_400); // one day before DTSTART
    expect(alarms[0]!.getFirstPropertyValue('description')).toBe('Scadenza: Bando, mobilità; 2026');
  });

  it('folds lines at 75 octets without splitting characters, with CRLF line endings', () => {
    const ics = icsCalendar(input);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      expect(line, 'no lone surrogate half').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
  });

  it('gives identical output for the same input, whatever the clock says', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const first = icsCalendar(input);
    vi.setSystemTime(new Date('2031-07-08T09:10:11Z'));
    const second = icsCalendar({ ...input, items: input.items.map((item) => ({ ...item })) });
    expect(second).toBe(first);
    expect(first).not.toMatch(/20010203|20310708/);
  });

  it('percent-encodes commas and semicolons in URLs instead of backslash-escaping them', () => {
    const ics = icsCalendar({ name: 'x', items: [{ ...call, url: 'https://example.org/s?q=a,b;c' }] });
    expect(parse(ics).events[0]!.getFirstPropertyValue('url')).toBe('https://example.org/s?q=a%2Cb%3Bc');
  });

  it('drops an end equal to the start and control characters that TEXT forbids', () => {
    const ics = icsCalendar({ name: 'x', items: [{ ...call, end: call.start, summary: 'A\u0007B\tC' }] });
    const vevent = parse(ics).events[0]!;
    expect(vevent.hasProperty('dtend')).toBe(false);
    expect(vevent.getFirstPropertyValue('summary')).toBe('AB\tC');
  });

  it('refuses duplicate or malformed UIDs, invalid dates, an end before the start and negative alarms', () => {
    expect(() => icsCalendar({ name: 'x', items: [call, { ...call }] })).toThrow(/duplicate UID/);
    expect(() => icsCalendar({ name: 'x', items: [{ ...call, uid: '' }] })).toThrow(/UID/);
    expect(() => icsCalendar({ name: 'x', items: [{ ...call, uid: 'a b@x' }] })).toThrow(/UID/);
    expect(() => icsCalendar({ name: 'x', items: [{ ...call, stamp: new Date('x') }] })).toThrow(/stamp/);
    expect(() => icsCalendar({ name: 'x', items: [{ ...event, end: new Date('2027-05-14T10:59:59Z') }] })).toThrow(
      /ends before it starts/,
    );
    expect(() => icsCalendar({ name: 'x', items: [{ ...call, alarmMinutesBefore: -5 }] })).toThrow(/alarmMinutesBefore/);
    expect(() => icsCalendar({ name: 'x', items: [], ttlHours: 0 })).toThrow(/ttlHours/);
  });
});
