import { locales, type Locale } from './locales';

/**
 * The Intl locale used to format dates and numbers for each site locale. English uses
 * British conventions ("5 March 2026"), the site's audience being European and Chinese.
 */
const intlLocale: Record<Locale, string> = { it: 'it-IT', zh: 'zh-CN', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[locale], options);
    formatters.set(key, f);
  }
  return f;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date ("2026-03-05" or a Date taken as a UTC calendar day) in the locale's long
 * format: "5 marzo 2026", "2026年3月5日", "5 March 2026". No time zone shift is applied: a date
 * is the same day everywhere.
 */
export function formatDate(date: string | Date, locale: Locale, style: 'long' | 'medium' | 'short' = 'long'): string {
  let d: Date;
  if (typeof date === 'string') {
    const m = ISO_DATE.exec(date);
    if (!m) throw new RangeError(`formatDate: "${date}" is not a YYYY-MM-DD date`);
    d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  } else {
    d = date;
  }
  return formatter(locale, { dateStyle: style, timeZone: 'UTC' }).format(d);
}

/** The machine-readable form of a calendar date, for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * An instant as a date and time in a given IANA time zone, in the locale's format, with the
 * zone's short name: "5 marzo 2026 alle ore 17:00 CET", "2026年3月5日 GMT+8 17:00"…
 */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return formatter(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(instant);
}

/** An instant as a time of day (24-hour) in a given IANA time zone: "17:00". */
export function formatTime(instant: Date, locale: Locale, timeZone: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant);
}

/** The `<html lang>` of a locale, re-exported here for templates that only format. */
export const htmlLang = (locale: Locale) => locales[locale].lang;

/** The name of a locale's language in another locale's words: languageName('zh', 'it') → "cinese". */
export function languageName(of: Locale, inLocale: Locale): string {
  return new Intl.DisplayNames([intlLocale[inLocale]], { type: 'language' }).of(locales[of].lang.split('-')[0]!) ?? of;
}

const regionNames = new Map<Locale, Intl.DisplayNames>();
/** A country's name in a locale's words, from its ISO 3166-1 code: countryName('CN', 'it') → "Cina". */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale[locale]], { type: 'region' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}
