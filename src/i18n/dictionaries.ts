import it from './ui/it.json';
import zh from './ui/zh.json';
import en from './ui/en.json';
import type { Locale } from './locales';

/** The UI dictionary shape: Italian (the default locale) is the reference. */
export type UiDictionary = typeof it;
export type UiKey = keyof UiDictionary;

/** The raw dictionaries, one flat JSON object per locale. */
export const dictionaries: Record<Locale, Record<string, string>> = { it, zh, en };

/**
 * Problems of a set of dictionaries compared with the reference (`it`): keys missing or extra
 * in another locale, empty strings, and `{{placeholders}}` that differ from the reference.
 * Returns human-readable messages; an empty list means the dictionaries are sound.
 */
export function dictionaryProblems(dicts: Record<string, Record<string, unknown>>, reference = 'it'): string[] {
  const ref = dicts[reference] ?? {};
  const problems: string[] = [];
  const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');
  for (const [locale, dict] of Object.entries(dicts)) {
    for (const key of Object.keys(ref)) {
      if (!(key in dict)) problems.push(`${locale}: missing key "${key}"`);
    }
    for (const [key, value] of Object.entries(dict)) {
      if (!(key in ref)) problems.push(`${locale}: extra key "${key}" (not in ${reference})`);
      else if (typeof value !== 'string' || value.trim() === '') problems.push(`${locale}: empty string for "${key}"`);
      else if (placeholders(value) !== placeholders(String(ref[key]))) {
        problems.push(`${locale}: placeholders of "${key}" differ from ${reference}`);
      }
    }
  }
  return problems;
}

// Fail at import (so at build and in dev) rather than show a bare key to a visitor.
const problems = dictionaryProblems(dictionaries);
if (problems.length > 0) {
  throw new Error(`UI dictionaries in src/i18n/ui/ are inconsistent:\n  ${problems.join('\n  ')}`);
}
