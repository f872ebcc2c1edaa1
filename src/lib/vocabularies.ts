import { getCollection } from 'astro:content';
import { localeKeys, type Locale } from '../i18n/locales';
import type { VocabularyName } from '../schema/vocabularies';
import { Vocabulary, type Term } from './vocabulary';

const loaded = new Map<VocabularyName, Promise<Vocabulary>>();

/**
 * A vocabulary as the site uses it, read once per build from content/<name>/ (see
 * src/schema/vocabularies.ts). A `key` written in a file that differs from its file name stops
 * the build, naming the file; terms without a label in some language are reported once (the
 * pages show another language's label meanwhile).
 */
export function vocabulary(name: VocabularyName): Promise<Vocabulary> {
  let result = loaded.get(name);
  if (!result) {
    result = getCollection(name).then((entries) => {
      const terms: Term[] = entries.map((entry) => {
        const data = entry.data as { key?: string } & Partial<Record<Locale, string>>;
        const file = entry.filePath ?? `content/${name}/${entry.id}.yml`;
        if (data.key !== undefined && data.key !== entry.id) {
          throw new Error(`${file}: field "key": "${data.key}" differs from the file name "${entry.id}"; rename the file or fix the key`);
        }
        return { key: entry.id, file, labels: Object.fromEntries(localeKeys.flatMap((l) => (data[l] ? [[l, data[l]]] : []))) };
      });
      const vocab = new Vocabulary(name, terms);
      for (const { term, locale } of vocab.missingLabels()) {
        console.warn(`[vocabulary] ${term.file}: no label in "${locale}"; pages in that language show "${vocab.label(term.key, locale)}"`);
      }
      for (const { label, terms: [first, second] } of vocab.ambiguousLabels()) {
        console.warn(`[vocabulary] ${second.file}: "${label}" is also a name of ${first.file}; content that writes it names "${first.key}"`);
      }
      return vocab;
    });
    loaded.set(name, result);
  }
  return result;
}

/** Both vocabularies, for pages that show sectors and topics. */
export async function vocabularies(): Promise<Record<VocabularyName, Vocabulary>> {
  const [sectors, topics] = await Promise.all([vocabulary('sectors'), vocabulary('topics')]);
  return { sectors, topics };
}
