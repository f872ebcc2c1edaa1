import { defaultLocale, isLocale, localeKeys, locales, type Locale } from '../i18n/locales';

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

export interface Alternate {
  locale: Locale | 'x-default';
  hreflang: string;
  href: string;
}

/**
 * hreflang alternates of a page: one per locale (absolute URLs) plus `x-default`, which points
 * to the language chooser at "/" for home pages and to the default locale elsewhere.
 */
export function alternates(pathname: string, site: string | URL): Alternate[] {
  const list: Alternate[] = localeKeys.map((locale) => ({
    locale,
    hreflang: locales[locale].lang,
    href: new URL(localizedPath(pathname, locale), site).href,
  }));
  const isHome = /^\/[^/]+\/?$/.test(pathname) || pathname === '/';
  const xDefault = isHome ? '/' : localizedPath(pathname, defaultLocale);
  list.push({ locale: 'x-default', hreflang: 'x-default', href: new URL(xDefault, site).href });
  return list;
}

/** getStaticPaths for routes under `src/pages/[lang]/`: one page per locale. */
export function localeStaticPaths() {
  return localeKeys.map((lang) => ({ params: { lang } }));
}
