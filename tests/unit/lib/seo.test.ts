import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/locales';
import type { LocalizedEntry } from '../../../src/lib/localized-entries';
import {
  attendanceMode,
  courseJsonLd,
  eventJsonLd,
  jsonLdScript,
  newsArticleJsonLd,
  organizationJsonLd,
} from '../../../src/lib/seo';
import { toInstant } from '../../../src/lib/time';

const SITE = 'https://example.org';

function item<C extends 'news' | 'events' | 'courses'>(
  data: Record<string, unknown>,
  { locale = 'en', sourceLocale = locale }: { locale?: Locale; sourceLocale?: Locale } = {},
) {
  return {
    locale,
    slug: 'x',
    sourceLocale,
    isFallback: locale !== sourceLocale,
    translations: [sourceLocale],
    entry: { id: `${sourceLocale}/x`, data: { title: 'A title', summary: 'A summary', ...data } },
  } as unknown as LocalizedEntry<C>;
}

const event = (data: Record<string, unknown>) =>
  item<'events'>({ type: 'forum', city: 'Napoli', country: 'IT', timezone: 'Europe/Rome', start: '2026-05-20T09:30', ...data });

/** The JSON-LD objects a crawler reads from an HTML document. */
function jsonLdIn(html: string): unknown[] {
  const scripts: string[] = [];
  let current: string | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'script' && attrs.type === 'application/ld+json') current = '';
    },
    ontext(text) {
      if (current !== undefined) current += text;
    },
    onclosetag(name) {
      if (name === 'script' && current !== undefined) {
        scripts.push(current);
        current = undefined;
      }
    },
  });
  parser.end(html);
  return scripts.map((s) => JSON.parse(s));
}

describe('organizationJsonLd', () => {
  it('describes the centre in the page language with its seven promoters as members', () => {
    const org = organizationJsonLd('zh', SITE);
    expect(org).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': 'https://example.org/#organization',
      name: '中国—意大利技术转移中心',
      url: 'https://example.org/zh/',
    });
    expect(org.alternateName).toEqual(expect.arrayContaining(['Centro per il Trasferimento Tecnologico Italia-Cina', 'China-Italy Technology Transfer Centre']));
    const members = org.member as { '@type': string; name: string; address: { addressCountry: string } }[];
    expect(members.map((m) => m.name)).toEqual([
      '意大利大学与科研部',
      '贝加莫大学',
      '意大利大学科研成果转化网络（Netval）',
      '那不勒斯费德里科二世大学',
      '那不勒斯科学城',
      '中华人民共和国科学技术部',
      '北京市科学技术委员会',
    ]);
    expect(members.map((m) => m.address.addressCountry).join('')).toBe('ITITITITITCNCN');
    expect(members.filter((m) => m['@type'] === 'CollegeOrUniversity')).toHaveLength(2);
    expect(org).not.toHaveProperty('parentOrganization');
  });
});

describe('newsArticleJsonLd', () => {
  it('gives headline, dates, language and publisher', () => {
    const ld = newsArticleJsonLd(item<'news'>({ date: '2026-05-27', updated: '2026-06-03' }), 'https://example.org/en/news/x/', undefined, SITE);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'A title',
      description: 'A summary',
      url: 'https://example.org/en/news/x/',
      datePublished: '2026-05-27',
      dateModified: '2026-06-03',
      inLanguage: 'en',
      publisher: { '@type': 'Organization', '@id': 'https://example.org/#organization', name: 'China-Italy Technology Transfer Centre' },
    });
    expect(ld).not.toHaveProperty('image');
  });

  it('falls back to the publication date for dateModified', () => {
    expect(newsArticleJsonLd(item<'news'>({ date: '2026-05-27' }), 'https://example.org/en/news/x/').dateModified).toBe('2026-05-27');
  });

  it('names the language the text is written in, not the URL’s, on a fallback page', () => {
    const fallback = item<'news'>({ date: '2026-05-27' }, { locale: 'zh', sourceLocale: 'it' });
    expect(newsArticleJsonLd(fallback, 'https://example.org/zh/news/x/').inLanguage).toBe('it');
    const chinese = item<'news'>({ date: '2026-05-27' }, { locale: 'zh' });
    expect(newsArticleJsonLd(chinese, 'https://example.org/zh/news/x/').inLanguage).toBe('zh-CN');
  });

  it('includes the cover as an absolute image URL and refuses relative URLs', () => {
    const news = item<'news'>({ date: '2026-05-27', cover: {} });
    const ld = newsArticleJsonLd(news, 'https://example.org/en/news/x/', 'https://example.org/_astro/cover.jpg');
    expect(ld.image).toEqual(['https://example.org/_astro/cover.jpg']);
    expect(() => newsArticleJsonLd(news, 'https://example.org/en/news/x/', '/_astro/cover.jpg')).toThrow();
    expect(() => newsArticleJsonLd(news, '/en/news/x/')).toThrow();
  });
});

describe('eventJsonLd', () => {
  it('writes start and end with the offset of the event’s own zone', () => {
    const beijing = event({ timezone: 'Asia/Shanghai', start: '2026-09-16T09:00', end: '2026-09-16T18:00' });
    const ld = eventJsonLd(beijing, 'https://example.org/en/events/x/', toInstant('2026-09-16T09:00', 'Asia/Shanghai'), toInstant('2026-09-16T18:00', 'Asia/Shanghai'));
    expect(ld.startDate).toBe('2026-09-16T09:00:00+08:00');
    expect(ld.endDate).toBe('2026-09-16T18:00:00+08:00');
    const summer = eventJsonLd(event({}), 'https://example.org/en/events/x/', toInstant('2026-05-20T09:30', 'Europe/Rome'));
    expect(summer.startDate).toBe('2026-05-20T09:30:00+02:00');
    expect(summer).not.toHaveProperty('endDate');
    const winter = eventJsonLd(event({ start: '2026-11-05T14:30' }), 'https://example.org/en/events/x/', toInstant('2026-11-05T14:30', 'Europe/Rome'));
    expect(winter.startDate).toBe('2026-11-05T14:30:00+01:00');
  });

  it('places an in-person event in its venue, city and country, organised by the centre', () => {
    const ld = eventJsonLd(event({ venue: 'Città della Scienza' }), 'https://example.org/it/events/x/', toInstant('2026-05-20T09:30', 'Europe/Rome'), undefined, undefined, SITE);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'A title',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Città della Scienza',
        address: { '@type': 'PostalAddress', addressLocality: 'Napoli', addressCountry: 'IT' },
      },
      organizer: { '@id': 'https://example.org/#organization', name: 'China-Italy Technology Transfer Centre' },
    });
    expect(ld).not.toHaveProperty('offers');
  });

  it('puts an online webinar at a virtual location with its registration URL, also as offer', () => {
    const webinar = event({ type: 'webinar', online: true, registrationUrl: 'https://reg.example.com/w' });
    const ld = eventJsonLd(webinar, 'https://example.org/en/events/x/', toInstant('2026-05-20T09:30', 'Europe/Rome'));
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(ld.location).toEqual({ '@type': 'VirtualLocation', url: 'https://reg.example.com/w' });
    expect(ld.offers).toEqual({ '@type': 'Offer', url: 'https://reg.example.com/w' });
  });

  it('gives a streamed forum both a place and a virtual location', () => {
    expect(attendanceMode({ type: 'forum', online: true })).toBe('Mixed');
    expect(attendanceMode({ type: 'webinar' })).toBe('Offline');
    const ld = eventJsonLd(event({ online: true }), 'https://example.org/en/events/x/', toInstant('2026-05-20T09:30', 'Europe/Rome'));
    expect(ld.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect((ld.location as { '@type': string }[]).map((l) => l['@type'])).toEqual(['Place', 'VirtualLocation']);
    // Without a registration URL the virtual location is the event page.
    expect((ld.location as { url?: string }[])[1]!.url).toBe('https://example.org/en/events/x/');
  });
});

describe('courseJsonLd', () => {
  it('describes the course, its provider, teaching languages and its edition', () => {
    const course = item<'courses'>({
      start: '2027-03-01',
      end: '2027-04-26',
      format: 'online',
      languages: ['en', 'zh'],
      provider: 'University of Bergamo',
      location: 'Online',
      registrationUrl: 'https://reg.example.com/c',
    });
    expect(courseJsonLd(course, 'https://example.org/en/courses/x/')).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'A title',
      description: 'A summary',
      url: 'https://example.org/en/courses/x/',
      provider: { '@type': 'Organization', name: 'University of Bergamo' },
      inLanguage: ['en', 'zh-CN'],
      hasCourseInstance: [{ '@type': 'CourseInstance', courseMode: 'online', startDate: '2027-03-01', endDate: '2027-04-26', location: 'Online' }],
      offers: { '@type': 'Offer', url: 'https://reg.example.com/c' },
    });
  });
});

describe('jsonLdScript', () => {
  it('cannot be broken out of by content: a crawler reads back exactly the object', () => {
    const obj = { '@type': 'NewsArticle', headline: 'Evil </script><script>alert(1)</script> <!-- & \u2028 ok' };
    const text = jsonLdScript(obj);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(obj);
    const html = `<html><head><script type="application/ld+json">${text}</script></head><body><p>After</p></body></html>`;
    expect(jsonLdIn(html)).toEqual([obj]);
    // Without the escaping the same content would end the element early.
    expect(() => jsonLdIn(`<script type="application/ld+json">${JSON.stringify(obj)}</script>`)).toThrow();
  });
});
