import type { Locale } from '../i18n/locales';
import type { LocalizedEntry } from './localized-entries';
import { byCodePoint } from './order';
import { termKey } from './term-key';
import type { Vocabulary } from './vocabulary';

/**
 * The topics and tags of entries as pages show them.
 *
 * - `topics` hold keys of the topics vocabulary, the same in every language of an entry; a
 *   page shows each topic's label in its own language.
 * - `tags` are free keywords in the entry's own language and script. A tag that names a topic
 *   (its key, or one of its labels) is that topic.
 *
 * Both lead to /<locale>/news/tags/<key>/: a topic's key is its vocabulary key; a free tag's
 * is termKey(tag).
 */

export interface EntryTerm {
  /** URL segment and identity: the topic's key, or the free tag's termKey. */
  key: string;
  /** What a page in the requested language shows. */
  label: string;
  /** Whether it is a topic of the vocabulary (shared across languages) or a free tag. */
  topic: boolean;
}

/** An entry's topics, then its free tags, each once, labelled for a page in `locale`. */
export function entryTerms(data: { tags?: readonly string[]; topics?: readonly string[] }, topics: Vocabulary, locale: Locale): EntryTerm[] {
  const seen = new Map<string, EntryTerm>();
  for (const value of [...(data.topics ?? []), ...(data.tags ?? [])]) {
    const term = topics.match(value);
    const found: EntryTerm = term ? { key: term.key, label: topics.label(term.key, locale), topic: true } : { key: termKey(value), label: value, topic: false };
    const id = `${found.topic}:${found.key}`;
    if (!seen.has(id)) seen.set(id, found);
  }
  return [...seen.values()];
}

/** The labels of an entry's topics and tags, for feeds, JSON-LD keywords and search filters. */
export const termLabels = (data: { tags?: readonly string[]; topics?: readonly string[] }, topics: Vocabulary, locale: Locale) =>
  entryTerms(data, topics, locale).map((t) => t.label);

export interface TermGroup<E> {
  key: string;
  label: string;
  topic: boolean;
  items: E[];
}

/**
 * The topics and tags of a locale's list, each with the entries that carry it, most used first
 * (then by label).
 *
 * A topic groups every entry of the list, fallbacks included: its label is in the page's
 * language whatever the entry's. A free tag groups only the locale's own translations: tags
 * are words of one language, and an Italian tag has no page among the Chinese ones. Spellings
 * of one tag (case, width, spacing) are one group, shown in its most used spelling.
 */
export function termGroups<E extends LocalizedEntry>(items: readonly E[], topics: Vocabulary, locale: Locale): TermGroup<E>[] {
  const groups = new Map<string, TermGroup<E> & { spellings: Map<string, number> }>();
  for (const item of items) {
    const data = item.entry.data as { tags?: string[]; topics?: string[] };
    for (const term of entryTerms(data, topics, locale)) {
      if (!term.topic && item.isFallback) continue;
      const id = `${term.topic}:${term.key}`;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { ...term, items: [], spellings: new Map() }));
      group.items.push(item);
      group.spellings.set(term.label, (group.spellings.get(term.label) ?? 0) + 1);
    }
  }
  return [...groups.values()]
    .map(({ spellings, ...group }) => ({
      ...group,
      label: [...spellings].sort(([a, x], [b, y]) => y - x || byCodePoint(a, b))[0]![0],
    }))
    .sort((a, b) => b.items.length - a.items.length || byCodePoint(a.label, b.label) || byCodePoint(a.key, b.key));
}
