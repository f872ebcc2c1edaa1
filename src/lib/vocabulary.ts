import { defaultLocale, localeKeys, type Locale } from '../i18n/locales.ts';
import type { VocabularyName } from '../schema/vocabularies';
import { byCodePoint } from './order.ts';
import { termKey } from './term-key.ts';

/** One term of a vocabulary: its stable key and its label in each language that has one. */
export interface Term {
  key: string;
  labels: Partial<Record<Locale, string>>;
  /** The file it comes from, for reports. */
  file: string;
}

/** A term's label in `locale`; without one, the default language's, then the first there is. */
export function termLabel(term: Term, locale: Locale): string {
  return term.labels[locale] ?? term.labels[defaultLocale] ?? localeKeys.map((l) => term.labels[l]).find(Boolean) ?? term.key;
}

/**
 * A vocabulary (sectors, topics): finds the term a value written in content names, and gives
 * its label in a page's language. A value names a term when it is the term's key or one of its
 * labels, in any language, compared as keywords are (termKey: case, width, Unicode form,
 * spacing): `sector: advanced-materials`, `tags: [先进材料]` and `tags: [Advanced Materials]`
 * all name the same term. A value that names no term is shown as written (the contract
 * accepts free text).
 */
export class Vocabulary {
  readonly name: VocabularyName;
  readonly terms: readonly Term[];
  readonly #byName = new Map<string, Term>();

  // No parameter property: Node runs this file as it is (npm run translations), stripping types only.
  constructor(name: VocabularyName, terms: Term[]) {
    this.name = name;
    this.terms = [...terms].sort((a, b) => byCodePoint(a.key, b.key));
    // Keys first, so that a label never takes the place of another term's key.
    for (const term of this.terms) this.#byName.set(termKey(term.key), term);
    for (const term of this.terms) {
      for (const l of localeKeys) {
        const text = term.labels[l];
        if (text && !this.#byName.has(termKey(text))) this.#byName.set(termKey(text), term);
      }
    }
  }

  /** The term a value names, if any. */
  match(value: string): Term | undefined {
    return this.#byName.get(termKey(value));
  }

  /** What a page in `locale` shows for a value: the term's label, or the value as written. */
  label(value: string, locale: Locale): string {
    const term = this.match(value);
    return term ? termLabel(term, locale) : value;
  }

  /** The key a value is filed under (filters, URLs): the term's key, or the value's own keyword key. */
  key(value: string): string {
    return this.match(value)?.key ?? termKey(value);
  }

  /** Terms that lack a label in a language (the site shows another language's label instead). */
  missingLabels(): { term: Term; locale: Locale }[] {
    return this.terms.flatMap((term) => localeKeys.filter((l) => !term.labels[l]).map((locale) => ({ term, locale })));
  }

  /**
   * Labels shared by two different terms: such a label names only the first term (by key), so
   * the second cannot be reached by it.
   */
  ambiguousLabels(): { label: string; terms: [Term, Term] }[] {
    const owner = new Map<string, Term>();
    const found: { label: string; terms: [Term, Term] }[] = [];
    for (const term of this.terms) {
      for (const text of [term.key, ...localeKeys.map((l) => term.labels[l])]) {
        if (!text) continue;
        const first = owner.get(termKey(text));
        if (first && first !== term) found.push({ label: text, terms: [first, term] });
        else owner.set(termKey(text), term);
      }
    }
    return found;
  }
}
