import i18next from 'i18next';
import { dictionaries } from './dictionaries';
import { defaultLocale, localeKeys, locales, type Locale } from './locales';

/**
 * The one i18next instance of the site. Keys are flat ("nav.home"), so key and namespace
 * separators are off. Initialised synchronously from the bundled dictionaries: no backend,
 * no language detection (the URL decides the locale).
 */
const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(localeKeys.map((l) => [l, { translation: dictionaries[l] }])),
  lng: defaultLocale,
  fallbackLng: false,
  supportedLngs: localeKeys,
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnNull: false,
  // Astro escapes interpolated text itself; escaping here too would double-escape.
  interpolation: { escapeValue: false },
});

const fixedT = (locale: Locale) => instance.getFixedT(locale);

/** A locale's translation function, with typed keys (see i18next.d.ts). */
export type Translate = ReturnType<typeof fixedT>;

const cache = new Map<Locale, Translate>(localeKeys.map((l) => [l, fixedT(l)]));

/** The translation function of a locale, with typed keys (see i18next.d.ts). */
export function useTranslations(locale: Locale): Translate {
  return cache.get(locale)!;
}

/**
 * Every locale with its settings and translation function, for the few pages that speak all
 * three languages at once (the language chooser, the 404 page).
 */
export function allLocales() {
  return localeKeys.map((locale) => ({ locale, ...locales[locale], t: useTranslations(locale) }));
}
