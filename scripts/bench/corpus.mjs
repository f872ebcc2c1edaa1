/**
 * Synthetic content for the benchmark: N entries spread over every collection, each written in
 * it, zh and en as content/<collection>/<locale>/<slug>.mdx, with front matter that passes the
 * content contract (../shared/CONTENT-CONTRACT.md, src/schema/collections.ts) and bodies made
 * of parallel sentences from ./phrases.mjs. Deterministic: the same seed, N and "now" give the
 * same files, so runs are comparable.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as P from './phrases.mjs';

const LOCALES = /** @type {const} */ (['it', 'zh', 'en']);
const DAY = 86_400_000;

/**
 * Share of each collection in N entries; `pages` get a fixed handful (they appear in menus).
 * News, calls, events and offers weigh most, as on the real site.
 */
export const COLLECTION_WEIGHTS = { news: 26, calls: 18, events: 20, offers: 18, courses: 8, bulletins: 5, partners: 5 };

/** Same values as src/schema/collections.ts (kept literal: this script does not load TypeScript). */
const CALL_CATEGORIES = ['funding', 'mobility', 'tender', 'partnership', 'award', 'other'];
const EVENT_TYPES = ['forum', 'conference', 'business-matching', 'visit', 'seminar', 'workshop', 'webinar', 'fair'];
const COURSE_FORMATS = ['onsite', 'online', 'blended'];
const IP_STATUSES = ['patent-granted', 'patent-pending', 'know-how', 'copyright', 'none'];
const PARTNERSHIPS = ['licensing', 'joint-venture', 'research-cooperation', 'investment', 'commercial-agreement'];

/** Mulberry32: a small seeded PRNG, good enough for test data. */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** k distinct items of a list, in list order. */
  const sample = (list, k) => {
    const idx = list.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, k).sort((x, y) => x - y).map((i) => list[i]);
  };
  return { next, int, pick, chance, sample };
}

/**
 * How many entries of each collection N entries make: a handful of pages first (1 below 20
 * entries, up to 5), the rest shared by COLLECTION_WEIGHTS (largest remainders).
 */
export function allocate(n) {
  const pages = n < 20 ? Math.min(1, n) : Math.min(5, Math.max(2, Math.round(n / 300)));
  const rest = n - pages;
  const total = Object.values(COLLECTION_WEIGHTS).reduce((s, w) => s + w, 0);
  const exact = Object.entries(COLLECTION_WEIGHTS).map(([c, w]) => [c, (rest * w) / total]);
  const counts = Object.fromEntries(exact.map(([c, x]) => [c, Math.floor(x)]));
  let left = rest - Object.values(counts).reduce((s, x) => s + x, 0);
  for (const [c] of [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1))) {
    if (left-- <= 0) break;
    counts[c]++;
  }
  return { ...counts, pages };
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const pad = (n, w = 5) => String(n).padStart(w, '0');
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** A phrase [it, zh, en] in one language with its slots filled from the entry's context. */
function fill(triple, lang, ctx) {
  const i = LOCALES.indexOf(lang);
  return triple[i]
    .replaceAll('{Topic}', cap(ctx.topic[lang]))
    .replaceAll('{topic}', ctx.topic[lang])
    .replaceAll('{city2}', ctx.city2[lang])
    .replaceAll('{city}', ctx.city[lang])
    .replaceAll('{year}', String(ctx.year))
    .replaceAll('{n}', String(ctx.n))
    .replaceAll('{partner}', ctx.partner ? fill(ctx.partner, lang, { ...ctx, partner: undefined }) : '');
}

/** Sentences joined as the language writes them (no space between Chinese sentences). */
const join2 = (lang, parts) => parts.join(lang === 'zh' ? '' : ' ');

/** A Markdown list whose items end with ";" and the last with "." (Chinese punctuation in zh). */
function list(lang, items) {
  const [semi, stop] = lang === 'zh' ? ['；', '。'] : [';', '.'];
  return items.map((t, i) => `- ${t.replace(/[;.；。]$/u, '')}${i === items.length - 1 ? stop : semi}`).join('\n');
}

/** YAML front matter: strings JSON-quoted (valid YAML), dates bare, arrays as flow sequences. */
function frontMatter(data) {
  const lines = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (Array.isArray(v)) return `${k}: [${v.map((x) => JSON.stringify(x)).join(', ')}]`;
      if (typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${k}: ${JSON.stringify(v)}`;
      return `${k}: ${v}`;
    });
  return `---\n${lines.join('\n')}\n---\n`;
}

/**
 * The body choices of one entry (indices into the phrase banks), drawn once and rendered in
 * each language, so the three files are translations of one another.
 */
function bodyPlan(rng, collection) {
  const heads = P.HEADINGS[collection];
  const items = P.ITEMS[collection];
  const introDetails = rng.int(1, 2);
  // Distinct middle sentences for the whole body, shuffled, then shared out between paragraphs.
  const details = rng.sample(P.DETAIL.map((_, i) => i), introDetails + 4);
  for (let i = details.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [details[i], details[j]] = [details[j], details[i]];
  }
  const heading = rng.int(0, heads.length - 1);
  return {
    intro: [rng.int(0, P.INTRO.length - 1), ...details.slice(0, introDetails)],
    heading,
    items: rng.sample(items.map((_, i) => i), Math.min(items.length, rng.int(3, 5))),
    middle: details.slice(introDetails, introDetails + 2),
    closing: rng.int(0, P.CLOSING.length - 1),
    second:
      heads.length > 1 && rng.chance(0.3)
        ? { heading: (heading + rng.int(1, heads.length - 1)) % heads.length, detail: details.slice(introDetails + 2) }
        : null,
    callout: rng.chance(0.1) ? rng.int(0, P.CALLOUTS.length - 1) : null,
    cta: rng.chance(0.1) ? rng.int(0, P.CTA_LABELS.length - 1) : null,
  };
}

function body(plan, collection, lang, ctx) {
  const f = (t) => fill(t, lang, ctx);
  const parts = [
    join2(lang, [f(P.INTRO[plan.intro[0]]), ...plan.intro.slice(1).map((i) => f(P.DETAIL[i]))]),
    `## ${f(P.HEADINGS[collection][plan.heading])}`,
    list(lang, plan.items.map((i) => f(P.ITEMS[collection][i]))),
    join2(lang, [...plan.middle.map((i) => f(P.DETAIL[i])), f(P.CLOSING[plan.closing])]),
  ];
  if (plan.second) {
    parts.push(`## ${f(P.HEADINGS[collection][plan.second.heading])}`, join2(lang, plan.second.detail.map((i) => f(P.DETAIL[i]))));
  }
  if (plan.callout !== null) parts.push(`<Callout type="info">${f(P.CALLOUTS[plan.callout])}</Callout>`);
  if (plan.cta !== null) parts.push(`<CtaLink href="https://cittc.example/contact" label="${f(P.CTA_LABELS[plan.cta])}" />`);
  parts.push(f(P.DISCLAIMER));
  return `\n${parts.join('\n\n')}\n`;
}

/**
 * Writes distinct JPEGs into content/media/bench/ with sharp, for the image pipeline to resize
 * and re-encode: a gradient with soft discs and light grain, so that they encode about like the
 * sample photographs (pure noise would make AVIF encoding many times slower than real photos).
 * @returns {Promise<string[]>} media-folder names ("bench/cover-01.jpg")
 */
async function writeImages(root, count, seed) {
  if (count <= 0) return [];
  const { default: sharp } = await import('sharp');
  const dir = join(root, 'content/media/bench');
  await mkdir(dir, { recursive: true });
  const width = 1200;
  const height = 800;
  const names = [];
  for (let k = 1; k <= count; k++) {
    const rng = createRng(seed * 7919 + k);
    const from = [rng.int(20, 235), rng.int(20, 235), rng.int(20, 235)];
    const to = [rng.int(20, 235), rng.int(20, 235), rng.int(20, 235)];
    const discs = Array.from({ length: 12 }, () => ({
      x: rng.int(0, width),
      y: rng.int(0, height),
      r: rng.int(40, 240),
      color: [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)],
    }));
    const pixels = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const t = (x / width + y / height) / 2;
        let c = from.map((v, i) => v + (to[i] - v) * t);
        for (const d of discs) {
          const dist = Math.hypot(x - d.x, y - d.y);
          if (dist < d.r) {
            const a = 0.5 * (1 - dist / d.r);
            c = c.map((v, i) => v * (1 - a) + d.color[i] * a);
          }
        }
        const grain = (rng.next() - 0.5) * 6;
        const o = (y * width + x) * 3;
        for (let i = 0; i < 3; i++) pixels[o + i] = Math.max(0, Math.min(255, c[i] + grain));
      }
    }
    const name = `bench/cover-${pad(k, 2)}.jpg`;
    await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 82 }).toFile(join(root, 'content/media', name));
    names.push(name);
  }
  return names;
}

/** Entries already in content/ (the sample content, when kept): { collection: count }. */
export async function countEntries(contentDir) {
  const counts = {};
  for (const collection of await readdir(contentDir).catch(() => [])) {
    if (collection === 'media') continue;
    const slugs = new Set();
    for (const locale of LOCALES) {
      for (const file of await readdir(join(contentDir, collection, locale)).catch(() => [])) {
        if (/\.mdx?$/.test(file)) slugs.add(file.replace(/\.mdx?$/, ''));
      }
    }
    counts[collection] = slugs.size;
  }
  return counts;
}

/**
 * Writes N synthetic entries (3 files each) under <root>/content.
 * @param {{ root: string, entries: number, seed?: number, now: Date, images?: number }} options
 *   `images`: distinct generated cover images (default: 1 per 100 entries, at most 20).
 * @returns {Promise<{ counts: Record<string, number>, files: number, covers: number, images: string[], editTarget: string }>}
 *   `editTarget`: a generated news file (it) whose body the rebuild test changes.
 */
export async function generateCorpus({ root, entries, seed = 1, now, images }) {
  const rng = createRng(seed);
  const counts = allocate(entries);
  const contentDir = join(root, 'content');
  const mediaDir = join(contentDir, 'media');
  const sampleJpegs = (await readdir(mediaDir).catch(() => [])).filter((f) => /\.jpe?g$/i.test(f)).sort();
  const generated = await writeImages(root, images ?? Math.min(20, Math.ceil(entries / 100)), seed);
  const samplePdf = (await readdir(mediaDir).catch(() => [])).find((f) => f.endsWith('.pdf'));
  const t0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const day = (offset) => iso(t0 + offset * DAY);
  const at = (offset, time) => `${day(offset)}T${time}`;

  let files = 0;
  let covers = 0;
  let serial = 0; // across collections: every 20th entry gets a cover
  let editTarget = '';
  // Generated bulletins continue the numbering of the sample issues, if kept.
  const firstIssue = ((await countEntries(contentDir)).bulletins ?? 0) + 1;

  for (const [collection, count] of Object.entries(counts)) {
    for (let i = 1; i <= count; i++) {
      serial++;
      const topic = rng.pick(P.TOPICS);
      const city = rng.pick(P.CITIES);
      let city2 = rng.pick(P.CITIES);
      while (city2 === city) city2 = rng.pick(P.CITIES);
      const ctx = { topic, city, city2, year: now.getUTCFullYear(), n: rng.int(12, 48), partner: rng.pick(P.ORGS) };
      const tags = [...new Set([topic.tag, ...rng.sample(P.EXTRA_TAGS, rng.int(0, 2))])];
      const title = rng.pick(P.TITLES[collection] ?? [['', '', '']]);
      const summary = rng.pick(P.SUMMARIES[collection] ?? [['', '', '']]);
      // Language-neutral fields, and per-language ones as functions of the language.
      /** @type {Record<string, unknown>} */
      let data = {};
      /** @type {Record<string, (lang: string) => unknown>} */
      let localized = {};
      let slug = '';

      switch (collection) {
        case 'news': {
          const offset = -rng.int(0, 4 * 365);
          ctx.year = new Date(t0 + offset * DAY).getUTCFullYear();
          slug = `news-${topic.slug}-${pad(i)}`;
          data = { date: day(offset), updated: rng.chance(0.2) ? day(offset + rng.int(1, 20)) : undefined, tags };
          break;
        }
        case 'calls': {
          const published = rng.int(-3 * 365, 60);
          const opens = published + rng.int(0, 30);
          const deadline = opens + rng.int(14, 200);
          ctx.year = new Date(t0 + published * DAY).getUTCFullYear();
          slug = `call-${topic.slug}-${pad(i)}`;
          data = {
            date: day(published),
            opens: rng.chance(0.7) ? day(opens) : undefined,
            deadline: at(deadline, rng.pick(['12:00', '17:00', '23:59'])),
            timezone: rng.pick(['Europe/Rome', 'Europe/Rome', 'Asia/Shanghai']),
            category: rng.pick(CALL_CATEGORIES),
            link: `https://cittc.example/calls/${slug}`,
            tags,
          };
          const funder = rng.pick(P.FUNDERS);
          localized = { funder: (lang) => fill(funder, lang, ctx) };
          break;
        }
        case 'events': {
          const type = rng.pick(EVENT_TYPES);
          const start = rng.int(-3 * 365, 540);
          const time = rng.pick(['09:00', '09:30', '10:00', '14:00', '15:00', '18:00']);
          const days = type === 'fair' || type === 'forum' || type === 'visit' ? rng.int(0, 2) : 0;
          const endTime = days ? '18:00' : `${String(Number(time.slice(0, 2)) + rng.int(1, 4)).padStart(2, '0')}:${time.slice(3)}`;
          const online = type === 'webinar' || rng.chance(0.15);
          ctx.year = new Date(t0 + start * DAY).getUTCFullYear();
          slug = `event-${topic.slug}-${pad(i)}`;
          data = {
            start: at(start, time),
            end: rng.chance(0.85) ? at(start + days, endTime) : undefined,
            timezone: city.tz,
            type,
            country: city.country,
            online,
            registrationUrl: rng.chance(0.6) ? `https://cittc.example/events/${slug}/register` : undefined,
            registrationDeadline: rng.chance(0.4) ? at(start - rng.int(2, 14), '23:59') : undefined,
            tags,
          };
          const venue = type === 'webinar' ? null : rng.pick(P.VENUES);
          localized = { city: (lang) => city[lang], venue: (lang) => (venue ? fill(venue, lang, ctx) : undefined) };
          break;
        }
        case 'courses': {
          const start = rng.int(-2 * 365, 365);
          const format = rng.pick(COURSE_FORMATS);
          const fee = rng.chance(0.3) ? null : rng.pick([150, 350, 480, 1200]);
          ctx.year = new Date(t0 + start * DAY).getUTCFullYear();
          slug = `course-${topic.slug}-${pad(i)}`;
          data = {
            start: day(start),
            end: day(start + rng.int(1, 30)),
            applicationDeadline: rng.chance(0.8) ? at(start - rng.int(7, 45), '23:59') : undefined,
            timezone: city.tz,
            format,
            languages: rng.sample(['it', 'zh', 'en'], rng.int(1, 3)),
            registrationUrl: rng.chance(0.7) ? `https://cittc.example/courses/${slug}` : undefined,
            tags,
          };
          const provider = rng.pick(P.PROVIDERS);
          localized = {
            location: (lang) => (format === 'online' ? { it: 'On line', zh: '线上', en: 'Online' }[lang] : city[lang]),
            fee: (lang) =>
              fee === null ? { it: 'Gratuito', zh: '免费', en: 'Free' }[lang] : { it: `€ ${fee}`, zh: `${fee}欧元`, en: `€${fee}` }[lang],
            provider: (lang) => fill(provider, lang, ctx),
          };
          break;
        }
        case 'bulletins': {
          const issue = firstIssue + i - 1;
          // Monthly issues, the last one this month.
          const offset = -(count - i) * 30 - rng.int(0, 5);
          ctx.n = issue;
          slug = `issue-${issue}`;
          data = { issue, date: day(offset), pdf: samplePdf && i % 5 === 0 ? `../../media/${samplePdf}` : undefined, tags: ['newsletter', topic.tag] };
          break;
        }
        case 'offers': {
          const kind = rng.chance(0.7) ? 'offer' : 'request';
          const offset = -rng.int(0, 3 * 365);
          const country = rng.chance(0.9) ? rng.pick(['IT', 'CN']) : rng.pick(['DE', 'FR', 'SG', 'ES']);
          ctx.year = new Date(t0 + offset * DAY).getUTCFullYear();
          slug = `${kind}-${topic.slug}-${pad(i)}`;
          data = {
            kind,
            // Unique across all offers (the schema refuses a repeated reference).
            reference: `${country}-${ctx.year}-B${pad(i)}`,
            sector: topic.sector,
            country,
            trl: kind === 'offer' ? rng.int(3, 9) : undefined,
            ipStatus: kind === 'offer' ? rng.pick(IP_STATUSES) : undefined,
            partnerSought: rng.sample(PARTNERSHIPS, rng.int(1, 3)),
            date: day(offset),
            expires: rng.chance(0.8) ? day(offset + rng.int(180, 900)) : undefined,
            tags,
          };
          break;
        }
        case 'pages': {
          slug = `guide-${topic.slug}-${i}`;
          data = { order: 50 + i, menu: i === 1 ? 'footer' : 'none' };
          break;
        }
        case 'partners': {
          slug = `partner-${pad(i)}`;
          const org = rng.pick(P.ORGS);
          data = {
            country: city.country,
            role: rng.chance(0.05) ? 'promoter' : 'partner',
            url: rng.chance(0.8) ? `https://partner-${pad(i)}.example.org` : undefined,
          };
          localized = { name: (lang) => fill(org, lang, ctx) };
          break;
        }
      }

      // Every 20th entry (but partners) has a cover: a generated image every 4th time, else a sample JPEG.
      let cover;
      if (collection !== 'partners' && serial % 20 === 7 && (generated.length || sampleJpegs.length)) {
        const useGenerated = generated.length && (covers % 4 === 0 || !sampleJpegs.length);
        cover = useGenerated ? generated[Math.floor(covers / 4) % generated.length] : sampleJpegs[covers % sampleJpegs.length];
        covers++;
      }
      const alt = rng.pick(P.COVER_ALTS);
      const plan = bodyPlan(rng, collection);

      for (const lang of LOCALES) {
        const text = {};
        for (const [k, fn] of Object.entries(localized)) text[k] = fn(lang);
        const fm =
          collection === 'partners'
            ? { name: text.name, ...data }
            : {
                title: fill(title, lang, ctx),
                summary: fill(summary, lang, ctx),
                ...data,
                ...text,
                cover: cover ? `../../media/${cover}` : undefined,
                coverAlt: cover ? fill(alt, lang, ctx) : undefined,
              };
        const bodyText =
          collection === 'partners'
            ? `\n${fill(rng.pick(P.PARTNER_BODIES), lang, ctx)}\n\n${list(lang, plan.items.map((i2) => fill(P.ITEMS.partners[i2 % P.ITEMS.partners.length], lang, ctx)))}\n`
            : body(plan, collection, lang, ctx);
        const dir = join(contentDir, collection, lang);
        await mkdir(dir, { recursive: true });
        const file = join(dir, `${slug}.mdx`);
        await writeFile(file, frontMatter(fm) + bodyText);
        files++;
        if (!editTarget && collection === 'news' && lang === 'it') editTarget = file;
      }
    }
  }
  return { counts, files, covers, images: generated, editTarget };
}

/**
 * Changes the body text of one entry (a sentence appended before its last line), as an editor
 * would: front matter untouched, so only that entry's content changes.
 */
export async function editEntryBody(file, note = 'Aggiornamento: il testo di questa notizia è stato modificato.') {
  const text = await readFile(file, 'utf8');
  const lines = text.trimEnd().split('\n');
  lines.splice(lines.length - 1, 0, note, '');
  await writeFile(file, `${lines.join('\n')}\n`);
}
