/**
 * The site's locales, declared once. astro.config.mjs, routes, the CMS config and the tests
 * all import this module; nothing else names a locale.
 *
 * `key` is the URL segment and the content folder name; `lang` is the BCP-47 tag written to
 * `<html lang>` (Pagefind and screen readers read it), which for Chinese is `zh-CN` so that
 * Simplified glyphs and word segmentation are chosen.
 */
export const locales = {
  it: { lang: 'it', label: 'Italiano', dir: 'ltr', ogLocale: 'it_IT' },
  zh: { lang: 'zh-CN', label: '简体中文', dir: 'ltr', ogLocale: 'zh_CN' },
  en: { lang: 'en', label: 'English', dir: 'ltr', ogLocale: 'en_GB' },
} as const satisfies Record<string, { lang: string; label: string; dir: 'ltr' | 'rtl'; ogLocale: string }>;

export type Locale = keyof typeof locales;

/** The default locale: Italian. Content must exist in it; other locales fall back to it. */
export const defaultLocale = 'it' satisfies Locale;

/** All locale keys, default first. */
export const localeKeys = Object.keys(locales) as Locale[];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(locales, value);
}
