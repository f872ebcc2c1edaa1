import { f, type FieldSpec } from './fields.ts';

/**
 * The content model: every collection of ../shared/CONTENT-CONTRACT.md with its fields, in
 * the order editors see them. The Astro collections (src/content.config.ts, via zod.ts) and
 * the Decap CMS config (cms/config.ts, via decap.ts) are both generated from this module.
 */

export const CALL_CATEGORIES = ['funding', 'mobility', 'tender', 'partnership', 'award', 'other'] as const;
export const EVENT_TYPES = ['forum', 'conference', 'business-matching', 'visit', 'seminar', 'workshop', 'webinar', 'fair'] as const;
export const COURSE_FORMATS = ['onsite', 'online', 'blended'] as const;
export const COURSE_LANGUAGES = ['it', 'zh', 'en'] as const;
export const OFFER_KINDS = ['offer', 'request'] as const;
export const IP_STATUSES = ['patent-granted', 'patent-pending', 'know-how', 'copyright', 'none'] as const;
export const PARTNERSHIPS = ['licensing', 'joint-venture', 'research-cooperation', 'investment', 'commercial-agreement'] as const;
export const MENUS = ['main', 'footer', 'none'] as const;
export const PARTNER_ROLES = ['promoter', 'partner'] as const;

/** Fields of every collection but partners. */
const common: FieldSpec[] = [
  f.string('title', { required: true, max: 200 }),
  f.text('summary', { required: true, max: 300 }),
  f.boolean('draft'),
  f.tags('tags'),
  f.terms('topics', 'topics'),
  f.image('cover'),
  // Required when `cover` is set: checked across fields in zod.ts.
  f.string('coverAlt', { max: 300 }),
];

export const collectionFields = {
  news: [...common, f.date('date', { required: true }), f.date('updated')],
  calls: [
    ...common,
    f.date('date', { required: true }),
    f.datetime('deadline', { required: true }),
    f.timezone('timezone', { default: 'Europe/Rome' }),
    f.date('opens'),
    f.string('funder', { required: true, max: 200 }),
    f.url('link'),
    f.select('category', CALL_CATEGORIES, { required: true }),
  ],
  events: [
    ...common,
    f.datetime('start', { required: true }),
    f.datetime('end'),
    f.timezone('timezone', { required: true }),
    f.select('type', EVENT_TYPES, { required: true }),
    f.string('city', { required: true, max: 100 }),
    f.country('country', { required: true }),
    f.string('venue', { max: 200 }),
    f.boolean('online'),
    f.url('registrationUrl'),
    f.datetime('registrationDeadline'),
  ],
  courses: [
    ...common,
    f.date('start', { required: true }),
    f.date('end', { required: true }),
    f.datetime('applicationDeadline'),
    f.timezone('timezone', { default: 'Europe/Rome' }),
    f.select('format', COURSE_FORMATS, { required: true }),
    f.string('location', { max: 200 }),
    f.multiselect('languages', COURSE_LANGUAGES, { required: true }),
    f.string('fee', { max: 100 }),
    f.string('provider', { required: true, max: 200 }),
    f.url('registrationUrl'),
  ],
  bulletins: [...common, f.integer('issue', { required: true, min: 1 }), f.date('date', { required: true }), f.file('pdf')],
  offers: [
    ...common,
    f.select('kind', OFFER_KINDS, { required: true }),
    f.string('reference', { required: true, i18n: 'duplicate', max: 40 }),
    f.term('sector', 'sectors', { required: true, max: 100 }),
    f.country('country', { required: true }),
    f.integer('trl', { min: 1, max: 9 }),
    f.select('ipStatus', IP_STATUSES),
    f.multiselect('partnerSought', PARTNERSHIPS),
    f.date('date', { required: true }),
    f.date('expires'),
  ],
  pages: [...common, f.integer('order', { default: 100 }), f.select('menu', MENUS, { default: 'none' })],
  partners: [
    f.string('name', { required: true, max: 200 }),
    f.country('country', { required: true }),
    f.select('role', PARTNER_ROLES, { required: true }),
    f.url('url'),
    f.image('logo'),
  ],
} satisfies Record<string, FieldSpec[]>;

export type CollectionName = keyof typeof collectionFields;
export const collectionNames = Object.keys(collectionFields) as CollectionName[];

/** Field shown as an entry's name in the CMS and in error messages. */
export function identifierField(collection: CollectionName): 'title' | 'name' {
  return collection === 'partners' ? 'name' : 'title';
}

/**
 * First path segments that a page slug may not take, because pages live at /<locale>/<slug>/
 * beside the sections and the site's own routes.
 */
export const RESERVED_PAGE_SLUGS = [...collectionNames, 'search', 'feeds', 'rss', 'admin', '404', 'tags', 'page', 'calendar'];

/** Collections whose entries must carry a unique value in a field, across all entries. */
export const UNIQUE_FIELDS: Partial<Record<CollectionName, string>> = { offers: 'reference' };
