/**
 * Value rules of the content contract (../shared/CONTENT-CONTRACT.md), as plain functions so
 * that the Astro schemas, the CMS config and the tests share them.
 */

/** Locale folder names allowed under content/<collection>/. */
export const SLUG_PATTERN = /^[a-z0-9-]{1,80}$/;
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/;
/** The same patterns as Decap CMS `pattern` strings (no flags, anchored). */
export const SLUG_PATTERN_SOURCE = SLUG_PATTERN.source;

function validCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A `date` value as "YYYY-MM-DD", or undefined when it is not one. YAML turns an unquoted
 * 2026-03-05 into a Date at UTC midnight; that is accepted and turned back.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = DATE_PATTERN.exec(value.trim());
  if (!m || !validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return m[0];
}

/**
 * A `datetime` value as the wall-clock "YYYY-MM-DDTHH:mm", or undefined. An unquoted YAML
 * timestamp without offset (2027-01-15T17:00:00) is parsed as UTC by YAML; its UTC fields are
 * the wall-clock time the editor wrote, so they are taken back as such.
 */
export function normalizeDateTime(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 16);
  if (typeof value !== 'string') return undefined;
  const m = DATETIME_PATTERN.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (!validCalendarDate(y, mo, d) || h > 23 || mi > 59) return undefined;
  return value.trim().slice(0, 16);
}

/**
 * True for an IANA time zone name such as Europe/Rome or Asia/Shanghai (aliases included),
 * false for abbreviations and offsets ("CET", "+08:00", "GMT+8").
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (value !== 'UTC' && !/^[A-Z][A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(value)) return false;
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(value, known);
  }
  return known;
}
/** Zones already checked (every entry names one: the check runs thousands of times). */
const knownZones = new Map<string, boolean>();

/** Canonical IANA zones offered to editors (Intl's list; UTC first). */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC');
  return ['Europe/Rome', 'Asia/Shanghai', 'UTC', ...zones.filter((z) => z !== 'Europe/Rome' && z !== 'Asia/Shanghai')];
}

/**
 * Whether a URL is one the contract accepts: absolute http(s), or mailto: where allowed.
 * Everything else (javascript:, data:, vbscript:, relative, protocol-relative) is refused.
 */
export function isSafeUrl(value: unknown, { mailto = false } = {}): value is string {
  if (typeof value !== 'string' || value !== value.trim() || /[\s\u0000-\u001f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname !== '';
  return mailto && url.protocol === 'mailto:' && url.pathname.includes('@');
}

let countries: string[] | undefined;
/** ISO 3166-1 alpha-2 codes known to Intl (region names exist for them), sorted. */
export function countryCodes(): string[] {
  if (!countries) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const found: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        // Exclude user-assigned and grouping codes (EU, UN, EZ, QO, X*, ZZ): not countries.
        if (/^(?:AA|Q[M-Z]|X.|ZZ|EU|EZ|UN)$/.test(code)) continue;
        if (names.of(code)) found.push(code);
      }
    }
    countries = found;
  }
  return countries;
}

/** Unicode bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): invisible
 * characters that make text display in another order than it is stored ("Trojan Source"). */
export const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;

/** Why a text holds a direction control, or undefined when it holds none. */
export function bidiProblem(text: string): string | undefined {
  const match = bidiControls.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `contains the invisible Unicode direction control U+${code}, which can make text read differently from what it is; remove it`;
}

/** The media-folder name of a path written in content: "../../media/a/b.pdf" or "/content/media/a/b.pdf" → "a/b.pdf". */
export function mediaName(src: string): string {
  return src.replace(/^(?:\.\.\/)+media\//, '').replace(/^\/?content\/media\//, '').replace(/^\//, '');
}

/** Whether a reference names another host or a scheme (https:, data:, //cdn…) rather than a file of the site. */
export const isRemoteReference = (value: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//');
