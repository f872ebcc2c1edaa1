import type { ImageMetadata } from 'astro';
import type {
  CALL_CATEGORIES,
  COURSE_FORMATS,
  COURSE_LANGUAGES,
  EVENT_TYPES,
  IP_STATUSES,
  MENUS,
  OFFER_KINDS,
  PARTNER_ROLES,
  PARTNERSHIPS,
} from './collections';

/**
 * The parsed front matter of each collection, as pages use it. The zod schemas are generated
 * from field specs at run time, so TypeScript cannot infer these: keep them in step with
 * collections.ts when a field is added (a page using an undeclared field fails `astro check`).
 */
interface Common {
  title: string;
  summary: string;
  draft: boolean;
  /** Free keywords, in the entry's own language. */
  tags: string[];
  /** Keys of the topics vocabulary (content/topics/), the same in every language. */
  topics: string[];
  cover?: ImageMetadata;
  coverAlt?: string;
}

export interface CollectionData {
  news: Common & { date: string; updated?: string };
  calls: Common & {
    date: string;
    deadline: string;
    timezone: string;
    opens?: string;
    funder: string;
    link?: string;
    category: (typeof CALL_CATEGORIES)[number];
  };
  events: Common & {
    start: string;
    end?: string;
    timezone: string;
    type: (typeof EVENT_TYPES)[number];
    city: string;
    country: string;
    venue?: string;
    online: boolean;
    registrationUrl?: string;
    registrationDeadline?: string;
  };
  courses: Common & {
    start: string;
    end: string;
    applicationDeadline?: string;
    timezone: string;
    format: (typeof COURSE_FORMATS)[number];
    location?: string;
    languages: (typeof COURSE_LANGUAGES)[number][];
    fee?: string;
    provider: string;
    registrationUrl?: string;
  };
  bulletins: Common & { issue: number; date: string; pdf?: string };
  offers: Common & {
    kind: (typeof OFFER_KINDS)[number];
    reference: string;
    sector: string;
    country: string;
    trl?: number;
    ipStatus?: (typeof IP_STATUSES)[number];
    partnerSought: (typeof PARTNERSHIPS)[number][];
    date: string;
    expires?: string;
  };
  pages: Common & { order: number; menu: (typeof MENUS)[number] };
  partners: { name: string; country: string; role: (typeof PARTNER_ROLES)[number]; url?: string; logo?: ImageMetadata };
}
