import { z } from 'astro/zod';
import { localeKeys, type Locale } from '../i18n/locales.ts';
import type { Trilingual } from './labels';
import { bidiProblem, SLUG_PATTERN } from './values.ts';

/**
 * Vocabularies: lists of terms that entries share across languages, kept as content so that
 * editors add a term in the CMS without a code change. One YAML file per term in
 * content/<vocabulary>/<key>.yml:
 *
 *   key: advanced-materials        # stable: entries and URLs name the term by it
 *   it: Materiali avanzati
 *   zh: 先进材料
 *   en: Advanced materials
 *
 * - sectors: the `sector` of technology offers and requests;
 * - topics: themes shared by entries in every language (news, calls, events…), each with one
 *   page per language at /<locale>/news/tags/<key>/.
 *
 * The key is the file name; `key` inside the file, which the CMS writes, must agree with it.
 * A label may be missing in a language: the site then shows another language's label and the
 * build reports it.
 */
export const vocabularyNames = ['sectors', 'topics'] as const;
export type VocabularyName = (typeof vocabularyNames)[number];

const L = (it: string, zh: string, en: string): Trilingual => ({ it, zh, en });

/** Names and hints of the vocabularies as editors see them in the CMS. */
export const vocabularyLabels: Record<VocabularyName, { label: Trilingual; singular: Trilingual }> = {
  sectors: { label: L('Settori', '技术领域', 'Sectors'), singular: L('Settore', '技术领域', 'Sector') },
  topics: { label: L('Temi', '主题', 'Topics'), singular: L('Tema', '主题', 'Topic') },
};

/** Labels of the fields of a term, in the editor's language. */
export const termFieldLabels = {
  key: {
    label: L('Chiave', '键名', 'Key'),
    hint: L(
      'Minuscole ASCII, cifre e "-", es. advanced-materials. Non cambiarla dopo la pubblicazione: le voci e gli indirizzi la usano.',
      '小写英文字母、数字和“-”，如 advanced-materials。发布后请勿修改：条目和网址都引用它。',
      'Lowercase ASCII, digits and "-", e.g. advanced-materials. Do not change it once published: entries and addresses use it.',
    ),
  },
  it: { label: L('Nome in italiano', '意大利语名称', 'Name in Italian') },
  zh: { label: L('Nome in cinese', '中文名称', 'Name in Chinese') },
  en: { label: L('Nome in inglese', '英语名称', 'Name in English') },
} satisfies Record<'key' | Locale, { label: Trilingual; hint?: Trilingual }>;

const label = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .superRefine((value, ctx) => {
    const problem = bidiProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The schema of one term's file: an optional key (the file name) and a label per language, at least one. */
export const termSchema = z
  .object({
    key: z.string().regex(SLUG_PATTERN, 'must be lowercase ASCII letters, digits and "-", 1–80 characters').optional(),
    ...Object.fromEntries(localeKeys.map((l) => [l, label.optional()])),
  })
  .superRefine((data, ctx) => {
    if (!localeKeys.some((l) => (data as Record<string, unknown>)[l])) {
      ctx.addIssue({ code: 'custom', path: [localeKeys[0]!], message: `a term needs a label in at least one language (${localeKeys.join(', ')})` });
    }
  }) as unknown as z.ZodType<{ key?: string } & Partial<Record<Locale, string>>>;
