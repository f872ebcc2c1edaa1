import { isLocale, localeKeys, type Locale } from '../i18n/locales';

/** The locale named by the first segment of a path, or undefined ("/" and "/admin/" have none). */
export function localeFromPath(pathname: string): Locale | undefined {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : undefined;
}

/**
 * The same page in another locale: every public URL carries its locale as first segment, and
 * one slug is one entry across locales, so swapping the segment is enough.
 */
export function localizedPath(pathname: string, locale: Locale): string {
  const parts = pathname.split('/');
  if (isLocale(parts[1])) {
    parts[1] = locale;
    return parts.join('/');
  }
  return `/${locale}${pathname.startsWith('/') ? '' : '/'}${pathname}`;
}

/** getStaticPaths for routes under `src/pages/[lang]/`: one page per locale. */
export function localeStaticPaths() {
  return localeKeys.map((lang) => ({ params: { lang } }));
}
