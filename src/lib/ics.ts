import ical, { ICalAlarmType, ICalCalendarMethod, escape } from 'ical-generator';

/**
 * iCalendar (RFC 5545) feeds of events, call deadlines and courses, built with ical-generator.
 * Builds must be reproducible: the output depends only on the input. ical-generator defaults
 * an event's UID (random), DTSTAMP and DTSTART (current time) but we always set all three, and
 * nothing else reads the clock. Times are written in UTC ("…Z"), so no VTIMEZONE is needed.
 *
 * Fixes over plain ical-generator 11 output:
 * - the calendar name (NAME, X-WR-CALNAME) is put on one line and text-escaped (ical-generator
 *   writes it raw, so a comma or newline in it would corrupt the feed);
 * - `,` `;` `\` in URLs are percent-encoded (ical-generator backslash-escapes URI values,
 *   which readers then keep as part of the link);
 * - control characters not allowed in TEXT values (all but tab and newlines) are dropped;
 * - the last line ends with CRLF like every other line.
 */

/** One VEVENT. Callers build these from content entries; see icsCalendar(). */
export interface IcsItem {
  /** Stable and unique in the feed, e.g. "events/<slug>@cittc.example.org". */
  uid: string;
  start: Date;
  /** Omitted: the event is a point in time (RFC 5545 §3.6.1), e.g. a call deadline. */
  end?: Date;
  /** Only timed items are supported: dates become instants via src/lib/time.ts. */
  allDay?: false;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** DTSTAMP: the entry's last-modified instant, so the same content gives the same feed. */
  stamp: Date;
  /** Adds a DISPLAY alarm this many minutes before `start` (call-deadline reminders). */
  alarmMinutesBefore?: number;
}

/** Options of icsCalendar(). */
export interface IcsCalendarOptions {
  /** The calendar's name in subscribers' apps (X-WR-CALNAME, NAME). */
  name: string;
  /** PRODID value; defaults to DEFAULT_PROD_ID. */
  prodId?: string;
  items: IcsItem[];
  /** Suggested refresh interval (REFRESH-INTERVAL, X-PUBLISHED-TTL), in hours. */
  ttlHours?: number;
}

/** The PRODID written when none is given: identifies the site as the feed's producer. */
export const DEFAULT_PROD_ID = '-//CITTC//cittc-site//EN';

const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (text: string) => text.replace(FORBIDDEN_CONTROLS, '');
const uriSafe = (url: string) =>
  url.replace(/[,;\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

function checkDate(date: Date, field: string, uid: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new Error(`icsCalendar: \`${field}\` of "${uid}" is not a valid Date`);
  }
  return date;
}

/**
 * An iCalendar file (METHOD:PUBLISH, one VEVENT per item, in the given order) as a string
 * with CRLF line endings and lines folded at 75 octets. Deterministic for the same input.
 * Throws on an empty or duplicate UID, an invalid Date, `end` before `start` or a negative
 * alarm offset, rather than publish a feed calendar apps would reject or mis-sort.
 */
export function icsCalendar({ name, prodId = DEFAULT_PROD_ID, items, ttlHours }: IcsCalendarOptions): string {
  if (ttlHours !== undefined && !(Number.isFinite(ttlHours) && ttlHours > 0)) {
    throw new Error(`icsCalendar: ttlHours must be a positive number, got ${ttlHours}`);
  }
  const calendar = ical({
    // ical-generator writes "PRODID:-" + prodId.
    prodId: prodId.replace(/^-/, ''),
    method: ICalCalendarMethod.PUBLISH,
    // A name is one line: line breaks become spaces, then TEXT escaping (RFC 7986 NAME).
    name: escape(clean(name).replace(/\s*[\r\n]+\s*/g, ' '), false),
    ttl: ttlHours === undefined ? null : Math.round(ttlHours * 3600),
  });
  const seen = new Set<string>();
  for (const item of items) {
    const { uid } = item;
    if (!uid || /[\s,;\\]/.test(uid) || FORBIDDEN_CONTROLS.test(uid)) {
      throw new Error(`icsCalendar: UID "${uid}" must be non-empty, without spaces, commas, semicolons or backslashes`);
    }
    if (seen.has(uid)) throw new Error(`icsCalendar: duplicate UID "${uid}"`);
    seen.add(uid);
    const start = checkDate(item.start, 'start', uid);
    const end = item.end === undefined ? undefined : checkDate(item.end, 'end', uid);
    if (end && end.getTime() < start.getTime()) throw new Error(`icsCalendar: "${uid}" ends before it starts`);
    const alarm = item.alarmMinutesBefore;
    if (alarm !== undefined && !(Number.isFinite(alarm) && alarm >= 0)) {
      throw new Error(`icsCalendar: alarmMinutesBefore of "${uid}" must be a number ≥ 0, got ${alarm}`);
    }
    calendar.createEvent({
      id: uid,
      start,
      // An end equal to the start means the same as no end (RFC 5545 §3.6.1).
      end: end && end.getTime() > start.getTime() ? end : null,
      stamp: checkDate(item.stamp, 'stamp', uid),
      summary: clean(item.summary),
      description: item.description === undefined ? null : clean(item.description),
      location: item.location === undefined ? null : clean(item.location),
      url: item.url === undefined ? null : uriSafe(item.url),
      alarms: alarm === undefined ? [] : [{ type: ICalAlarmType.display, triggerBefore: Math.round(alarm * 60) }],
    });
  }
  return calendar.toString() + '\r\n';
}
