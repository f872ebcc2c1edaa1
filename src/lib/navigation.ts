import type { UiKey } from '../i18n/dictionaries';
import type { Locale } from '../i18n/locales';

export interface NavItem {
  /** UI string key of the link text. */
  label: UiKey;
  /** Path below the locale prefix, without slashes at either end ('' is the home page). */
  path: string;
}

/**
 * The main navigation. Sections add themselves here when their routes exist, so the menu
 * never links to a page that is not built.
 */
export const mainNav: NavItem[] = [{ label: 'nav.home', path: '' }];

export function navHref(locale: Locale, item: NavItem): string {
  return item.path ? `/${locale}/${item.path}/` : `/${locale}/`;
}

/** Whether a nav item is the current page or one of its sub-pages. */
export function isCurrent(pathname: string, locale: Locale, item: NavItem): boolean {
  const href = navHref(locale, item);
  return item.path ? pathname.startsWith(href) : pathname === href;
}
