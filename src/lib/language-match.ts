import { isLocale, type Locale } from '../i18n/locales';

/**
 * The site locale that best matches a browser's preferred languages (navigator.languages),
 * taken in the browser's order: Italian → it, any Chinese (zh, zh-TW, zh-Hant-HK…) → zh,
 * English → en; a language the site lacks is skipped; nothing matched → en, the lingua
 * franca of the centre's international visitors.
 */
export function bestLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}
