import { describe, expect, it } from 'vitest';
import { crossEntryProblems, parseEntryPath } from '../../../src/schema/entry-rules';
import { issues, mdx, parseEntry } from '../../support/content';

const news = mdx(`
title: "Accordo tra Bergamo e Pechino"
summary: "Firmato un accordo quadro."
date: 2026-03-05
`);

const event = (extra: string) =>
  mdx(`
title: "Forum"
summary: "Un forum."
start: "2027-03-28T01:30"
city: Napoli
country: IT
type: forum
${extra}
`);

describe('content that follows the contract', () => {
  it('builds, with YAML dates normalised to YYYY-MM-DD and defaults applied', () => {
    const result = parseEntry('news', news);
    expect(issues(result)).toEqual([]);
    expect(result.data).toMatchObject({ date: '2026-03-05', draft: false, tags: [] });
  });

  it('takes a quoted wall-clock datetime as written, and an unquoted YAML timestamp back to wall-clock', () => {
    expect(parseEntry('events', event('timezone: Asia/Shanghai')).data).toMatchObject({ start: '2027-03-28T01:30' });
    const unquoted = event('timezone: Europe/Rome').replace('"2027-03-28T01:30"', '2027-03-28T01:30:00');
    expect(parseEntry('events', unquoted).data).toMatchObject({ start: '2027-03-28T01:30' });
  });
});

describe('what Decap CMS writes for an optional field left empty', () => {
  it('builds: `null` and an empty value count as absent, defaults applied', () => {
    const call = mdx(`
title: "Bando"
summary: "Un bando."
date: 2026-03-05
deadline: "2027-01-15T17:00"
funder: "MUR"
category: funding
link: null
opens:
draft: null
tags: null
topics: null
cover: null
coverAlt: null
`);
    const result = parseEntry('calls', call);
    expect(issues(result)).toEqual([]);
    expect(result.data).toMatchObject({ draft: false, tags: [], topics: [] });
    expect(result.data).not.toHaveProperty('link', null);
    expect((result.data as Record<string, unknown>).cover).toBeUndefined();
  });

  it('still refuses a required field written empty', () => {
    expect(issues(parseEntry('calls', mdx(`\ntitle: null\nsummary: "S"\ndate: 2026-03-05\ndeadline: "2027-01-15T17:00"\nfunder: "MUR"\ncategory: funding\n`)))).toEqual([
      expect.stringContaining('title'),
    ]);
  });
});

describe('content that breaks the contract is refused with the field and the fault', () => {
  it('missing title', () => {
    expect(issues(parseEntry('news', news.replace(/^title:.*\n/m, '')))).toEqual([expect.stringMatching(/^title: /)]);
  });

  it('a date that is not a date', () => {
    expect(issues(parseEntry('news', news.replace('2026-03-05', '"5 marzo 2026"')))).toEqual([
      'date: must be a date written YYYY-MM-DD, got "5 marzo 2026"',
    ]);
    expect(issues(parseEntry('news', news.replace('2026-03-05', '"2026-02-30"')))).toEqual([
      'date: must be a date written YYYY-MM-DD, got "2026-02-30"',
    ]);
  });

  it('unknown event type', () => {
    const result = parseEntry('events', event('timezone: Europe/Rome').replace('type: forum', 'type: party'));
    expect(issues(result)).toEqual([expect.stringMatching(/^type: must be one of forum, conference, .*; got "party"$/)]);
  });

  it('a datetime without a valid IANA time zone', () => {
    for (const zone of ['CET', '"+08:00"', 'Europe/Roma', 'Beijing']) {
      expect(issues(parseEntry('events', event(`timezone: ${zone}`))), zone).toEqual([
        'timezone: must be an IANA time zone name such as Europe/Rome or Asia/Shanghai',
      ]);
    }
    expect(issues(parseEntry('events', event('')))).toEqual([expect.stringMatching(/^timezone: /)]);
    expect(issues(parseEntry('events', event('timezone: Asia/Shanghai\nend: "2027-03-28T25:00"')))).toEqual([
      expect.stringMatching(/^end: must be a date and time written YYYY-MM-DDTHH:mm/),
    ]);
  });

  it('a javascript: or data: URL, or a relative one', () => {
    for (const url of ['"javascript:alert(1)"', '"data:text/html,<script>alert(1)</script>"', '"JaVaScRiPt:alert(1)"', '/it/bandi', '"//evil.example/x"']) {
      const text = event(`timezone: Europe/Rome\nregistrationUrl: ${url}`);
      expect(issues(parseEntry('events', text)), url).toEqual(['registrationUrl: must be an absolute http:// or https:// URL']);
    }
    expect(issues(parseEntry('events', event('timezone: Europe/Rome\nregistrationUrl: "https://example.org/r"')))).toEqual([]);
  });

  it('a cover without alt text', () => {
    const withCover = news.replace('date:', 'cover: ../../media/forum.jpg\ndate:');
    expect(issues(parseEntry('news', withCover))).toEqual([
      'coverAlt: is required when a cover image is set (describe the image)',
    ]);
    expect(issues(parseEntry('news', withCover.replace('date:', 'coverAlt: "Il palco del forum"\ndate:')))).toEqual([]);
  });

  it("a cover that the entry's image helper refuses, named by its field; a cover it takes, as it returns it", () => {
    const cover = (value: string) => news.replace('date:', `cover: ${value}\ncoverAlt: "Il palco"\ndate:`);
    expect(issues(parseEntry('news', cover('../../media/programma.pdf')))).toEqual(['cover: must be an image file']);
    expect(issues(parseEntry('partners', mdx('name: CITTC\ncountry: IT\nrole: partner\nlogo: 42')))).toEqual([
      expect.stringMatching(/^logo: .*expected string/),
    ]);
    expect(parseEntry('news', cover('../../media/forum.jpg')).data).toMatchObject({ cover: '../../media/forum.jpg' });
  });

  it('an end before its start, a TRL out of range, an unknown country, an unknown menu', () => {
    expect(issues(parseEntry('events', event('timezone: Europe/Rome\nend: "2027-03-27T10:00"')))).toEqual([
      'end: must not be before start (2027-03-28T01:30)',
    ]);
    const offer = mdx(`
title: T
summary: S
kind: offer
reference: IT-1
sector: Energy
country: ZZ
trl: 12
date: 2026-01-01
`);
    expect(issues(parseEntry('offers', offer))).toEqual([
      'country: must be an ISO 3166-1 alpha-2 country code such as IT or CN',
      'trl: must be at most 9',
    ]);
    expect(issues(parseEntry('pages', mdx('title: T\nsummary: S\nmenu: sidebar')))).toEqual([
      expect.stringMatching(/^menu: must be one of main, footer, none/),
    ]);
  });

  it('a title over 200 characters', () => {
    expect(issues(parseEntry('news', news.replace('Accordo tra Bergamo e Pechino', 'a'.repeat(201))))).toEqual([
      'title: must be at most 200 characters',
    ]);
  });
});

describe('file paths', () => {
  it('accepts <locale>/<slug>.mdx and .md', () => {
    expect(parseEntryPath('news', 'zh/accordo-2026.mdx')).toEqual({ locale: 'zh', slug: 'accordo-2026' });
    expect(parseEntryPath('pages', 'en/about.md')).toEqual({ locale: 'en', slug: 'about' });
  });

  it('refuses a locale folder other than it, zh, en', () => {
    expect(() => parseEntryPath('news', 'fr/accordo.mdx')).toThrow(
      'content/news/fr/accordo.mdx: the locale folder "fr" is not one of it, zh, en',
    );
    expect(() => parseEntryPath('news', 'zh-CN/accordo.mdx')).toThrow(/locale folder "zh-CN"/);
    expect(() => parseEntryPath('news', 'accordo.mdx')).toThrow(/one folder deep/);
  });

  it('refuses a slug with capitals, spaces or non-ASCII, or too long', () => {
    for (const slug of ['Accordo', 'accordo bergamo', 'città', '合作', 'a_b', 'x'.repeat(81)]) {
      expect(() => parseEntryPath('news', `it/${slug}.mdx`), slug).toThrow(/the slug ".*" must be 1–80 characters of lowercase ASCII/);
    }
  });
});

describe('rules across entries', () => {
  it('refuses a page slug that collides with a section name', () => {
    const problems = crossEntryProblems('pages', [
      { id: 'it/news', filePath: 'content/pages/it/news.mdx', data: {} },
      { id: 'it/about', filePath: 'content/pages/it/about.mdx', data: {} },
    ]);
    expect(problems).toEqual([
      'content/pages/it/news.mdx: the page slug "news" collides with the section or route /<locale>/news/; choose another slug',
    ]);
  });

  it('refuses two offers with the same reference, but not one offer in two languages', () => {
    const problems = crossEntryProblems('offers', [
      { id: 'it/laser', filePath: 'content/offers/it/laser.mdx', data: { reference: 'IT-2026-001' } },
      { id: 'zh/laser', filePath: 'content/offers/zh/laser.mdx', data: { reference: 'IT-2026-001' } },
      { id: 'it/battery', filePath: 'content/offers/it/battery.mdx', data: { reference: 'IT-2026-001' } },
    ]);
    expect(problems).toEqual([
      'content/offers/it/laser.mdx: field "reference": "IT-2026-001" is already used by content/offers/it/battery.mdx; it must be unique',
      'content/offers/zh/laser.mdx: field "reference": "IT-2026-001" is already used by content/offers/it/battery.mdx; it must be unique',
    ]);
  });

  it('refuses one offer whose languages disagree on its reference', () => {
    const problems = crossEntryProblems('offers', [
      { id: 'it/laser', data: { reference: 'IT-2026-001' } },
      { id: 'en/laser', data: { reference: 'IT-2026-009' } },
    ]);
    expect(problems).toEqual([
      expect.stringContaining('field "reference" differs between the languages of one entry (IT-2026-001 / IT-2026-009)'),
    ]);
  });
});

describe('files Decap writes for untranslated locales', () => {
  it('are recognised as placeholders: language-neutral fields only, no text', async () => {
    const { isUntranslatedPlaceholder } = await import('../../../src/schema/entry-rules');
    expect(isUntranslatedPlaceholder('news', { date: '2026-11-01', draft: false, tags: [] })).toBe(true);
    expect(isUntranslatedPlaceholder('news', { date: '2026-11-01', title: 'Titolo' })).toBe(false);
    expect(isUntranslatedPlaceholder('events', { start: '2027-01-01T10:00', city: 'Napoli' })).toBe(false);
    expect(isUntranslatedPlaceholder('partners', { country: 'IT', role: 'promoter' })).toBe(true);
  });
});
