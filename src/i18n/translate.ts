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

/**
 * i18next's t() with a fast path: a key asked without options whose string has no
 * interpolation or nesting is the dictionary's string itself, which i18next would return too
 * after a much longer walk (t() runs ~100 times a page). Anything else goes to i18next.
 */
function fastT(locale: Locale): Translate {
  const full = fixedT(locale);
  const plain = new Map(
    Object.entries(dictionaries[locale]).filter(([, text]) => !text.includes('{{') && !text.includes('$t(')),
  );
  const t = (key: unknown, ...rest: unknown[]) =>
    rest.length === 0 && typeof key === 'string' && plain.has(key) ? plain.get(key) : (full as unknown as (...a: unknown[]) => unknown)(key, ...rest);
  return Object.assign(t, full) as unknown as Translate;
}

const cache = new Map<Locale, Translate>(localeKeys.map((l) => [l, fastT(l)]));

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
