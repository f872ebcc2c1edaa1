import { DateTime } from 'luxon';
import type { UiKey } from '../i18n/dictionaries';
import { siteConfig } from '../config/site';
import { localeKeys, locales, type Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/translate';
import type { LocalizedEntry } from './localized-entries';

/**
 * Structured data (schema.org JSON-LD) for search engines. Builders return plain objects;
 * jsonLdScript() turns one into the text of a `<script type="application/ld+json">`:
 *
 *   <script type="application/ld+json" set:html={jsonLdScript(eventJsonLd(item, url, start, end))} />
 *
 * Choices:
 * - The centre is an `Organization` (its work is technology transfer; training is one of its
 *   activities, so `EducationalOrganization` would misdescribe it).
 * - Its seven promoters are `member`s: schema.org allows organisations as members of an
 *   organisation, and the centre is the joint undertaking of its promoters. They are not
 *   `parentOrganization`s: the centre is not a department of Netval or of a university.
 * - Every builder names the centre with the same `@id` (<site>/#organization), so crawlers
 *   join the organizer/publisher of an entry to the organisation described on the home page.
 * - `inLanguage` is the language the text is written in: the SOURCE locale of the entry (a
 *   Chinese URL showing the Italian text as a fallback is in Italian).
 */

const CONTEXT = 'https://schema.org';

export type JsonLd = Record<string, unknown>;

/** The `@id` of the centre in every JSON-LD object of the site. */
export const organizationId = (site: string | URL = siteConfig.url) => new URL('/#organization', site).href;

/** The seven promoters: UI string of the name, schema.org type, country. */
const PROMOTERS: { name: UiKey; type: string; country: 'IT' | 'CN' }[] = [
  { name: 'footer.promoter.mur', type: 'GovernmentOrganization', country: 'IT' },
  { name: 'footer.promoter.unibg', type: 'CollegeOrUniversity', country: 'IT' },
  { name: 'footer.promoter.netval', type: 'Organization', country: 'IT' },
  { name: 'footer.promoter.unina', type: 'CollegeOrUniversity', country: 'IT' },
  { name: 'footer.promoter.cittadellascienza', type: 'Organization', country: 'IT' },
  { name: 'footer.promoter.most', type: 'GovernmentOrganization', country: 'CN' },
  { name: 'footer.promoter.bmstc', type: 'GovernmentOrganization', country: 'CN' },
];

/** A reference to the centre (for organizer, publisher…), named in `locale`. */
function centreRef(locale: Locale, site: string | URL): JsonLd {
  return {
    '@type': 'Organization',
    '@id': organizationId(site),
    name: useTranslations(locale)('site.name'),
    url: new URL(`/${locale}/`, site).href,
  };
}

/**
 * The centre, described in `locale`: name (and its names in the other languages), home page,
 * description, founding year and the seven promoters as members.
 */
export function organizationJsonLd(locale: Locale, site: string | URL = siteConfig.url): JsonLd {
  const t = useTranslations(locale);
  const otherNames = localeKeys.filter((l) => l !== locale).map((l) => useTranslations(l)('site.name'));
  return {
    '@context': CONTEXT,
    ...centreRef(locale, site),
    alternateName: [...new Set([t('site.shortName'), ...otherNames])].filter((n) => n !== t('site.name')),
    description: t('site.description'),
    foundingDate: '2010',
    member: PROMOTERS.map((p) => ({
      '@type': p.type,
      name: t(p.name),
      address: { '@type': 'PostalAddress', addressCountry: p.country },
    })),
  };
}

/** Throws unless `url` is an absolute http(s) URL; returns it normalised. */
function absolute(url: string, what: string): string {
  const parsed = new URL(url); // throws on a relative URL
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`${what}: not an http(s) URL: ${url}`);
  return parsed.href;
}

/**
 * A news article. `url` is the absolute URL of its page; `imageUrl` the absolute URL of its
 * cover as published (give it when the entry has a cover). `dateModified` is `updated`, else
 * the publication date. `keywords`: its topics and tags as the page shows them (termLabels).
 */
export function newsArticleJsonLd(
  item: LocalizedEntry<'news'>,
  url: string,
  imageUrl?: string,
  site: string | URL = siteConfig.url,
  keywords: readonly string[] = [],
): JsonLd {
  const { title, summary, date, updated } = item.entry.data;
  const centre = centreRef(item.locale, site);
  const article: JsonLd = {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: title,
    description: summary,
    url: absolute(url, 'newsArticleJsonLd'),
    mainEntityOfPage: absolute(url, 'newsArticleJsonLd'),
    datePublished: date,
    dateModified: updated ?? date,
    inLanguage: locales[item.sourceLocale].lang,
    author: centre,
    publisher: centre,
  };
  if (imageUrl) article.image = [absolute(imageUrl, 'newsArticleJsonLd image')];
  if (keywords.length > 0) article.keywords = keywords.join(', ');
  return article;
}

/** An instant as ISO 8601 with the UTC offset of `timeZone` then: 2026-05-20T09:30:00+02:00. */
export function isoInZone(instant: Date, timeZone: string): string {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new Error(`isoInZone: invalid instant or time zone "${timeZone}"`);
  return dt.toISO({ suppressMilliseconds: true })!;
}

export type AttendanceMode = 'Online' | 'Offline' | 'Mixed';

/**
 * How an event is attended. The content has one boolean: `online`. An online webinar is
 * online only; any other event marked online (a forum streamed live) is held in its city
 * and online at once; an event not marked online is in person.
 */
export function attendanceMode(data: { online?: boolean; type: string }): AttendanceMode {
  if (data.online !== true) return 'Offline';
  return data.type === 'webinar' ? 'Online' : 'Mixed';
}

/**
 * An event. `startInstant`/`endInstant` are its times as instants (toInstant(start,
 * timezone)); they are written with the offset of the event's own zone. `imageUrl`: the
 * absolute URL of its cover, when it has one.
 */
export function eventJsonLd(
  item: LocalizedEntry<'events'>,
  url: string,
  startInstant: Date,
  endInstant?: Date,
  imageUrl?: string,
  site: string | URL = siteConfig.url,
): JsonLd {
  const data = item.entry.data;
  const pageUrl = absolute(url, 'eventJsonLd');
  const mode = attendanceMode(data);
  const place: JsonLd = {
    '@type': 'Place',
    ...(data.venue ? { name: data.venue } : {}),
    address: { '@type': 'PostalAddress', addressLocality: data.city, addressCountry: data.country },
  };
  const virtual: JsonLd = { '@type': 'VirtualLocation', url: data.registrationUrl ?? pageUrl };
  const event: JsonLd = {
    '@context': CONTEXT,
    '@type': 'Event',
    name: data.title,
    description: data.summary,
    url: pageUrl,
    inLanguage: locales[item.sourceLocale].lang,
    startDate: isoInZone(startInstant, data.timezone),
    ...(endInstant ? { endDate: isoInZone(endInstant, data.timezone) } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
    location: mode === 'Online' ? virtual : mode === 'Offline' ? place : [place, virtual],
    organizer: centreRef(item.locale, site),
  };
  if (data.registrationUrl) event.offers = { '@type': 'Offer', url: data.registrationUrl };
  if (imageUrl) event.image = [absolute(imageUrl, 'eventJsonLd image')];
  return event;
}

/**
 * A training course with its one edition (CourseInstance): mode onsite/online/blended as in
 * the content, start and end dates, where it is held; the languages it is taught in.
 */
export function courseJsonLd(item: LocalizedEntry<'courses'>, url: string): JsonLd {
  const data = item.entry.data;
  const pageUrl = absolute(url, 'courseJsonLd');
  const instance: JsonLd = {
    '@type': 'CourseInstance',
    courseMode: data.format,
    startDate: data.start,
    endDate: data.end,
  };
  if (data.location) instance.location = data.location;
  const course: JsonLd = {
    '@context': CONTEXT,
    '@type': 'Course',
    name: data.title,
    description: data.summary,
    url: pageUrl,
    provider: { '@type': 'Organization', name: data.provider },
    inLanguage: data.languages.map((l) => locales[l].lang),
    hasCourseInstance: [instance],
  };
  if (data.registrationUrl) course.offers = { '@type': 'Offer', url: data.registrationUrl, ...(data.fee ? { description: data.fee } : {}) };
  return course;
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: JSON in which `<`, `>` and
 * `&` are written as \u escapes, so no value ("</script>", "<!--") can end the element or
 * open a comment, and U+2028/U+2029 are escaped for old parsers. JSON.parse reads it back
 * unchanged.
 */
export function jsonLdScript(obj: unknown): string {
  return JSON.stringify(obj)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
