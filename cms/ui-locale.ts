import { isLocale, type Locale } from '../src/i18n/locales';
import { bestLocale } from '../src/lib/language-match';

export const UI_LOCALE_KEY = 'cittc-admin-lang';

/**
 * The admin's language: ?lang= in the URL (remembered), else the editor's last choice, else
 * the browser's languages. Decap's own UI follows it (it, zh_Hans, en), and so do the labels
 * of the fields, which come from the schema.
 */
export function pickUiLocale(search: string, stored: string | null, languages: readonly string[]): Locale {
  const fromQuery = new URLSearchParams(search).get('lang');
  if (isLocale(fromQuery)) return fromQuery;
  if (isLocale(stored)) return stored;
  return bestLocale(languages);
}
