import type { UiKey } from '../i18n/dictionaries';
import type { Locale } from '../i18n/locales';
import { localizedEntries } from './localized-entries';

export interface NavLink {
  /** Link text (already translated). */
  label: string;
  href: string;
}

/** The sections of the main menu, in order; each has an index page at /<locale>/<path>/. */
export const sections: { label: UiKey; path: string }[] = [
  { label: 'nav.news', path: 'news' },
  { label: 'nav.calls', path: 'calls' },
  { label: 'nav.events', path: 'events' },
  { label: 'nav.courses', path: 'courses' },
  { label: 'nav.offers', path: 'offers' },
  { label: 'nav.bulletins', path: 'bulletins' },
];

/**
 * Pages placed in a menu by their `menu` field, ordered by `order` then title: the main menu
 * follows the sections, the footer menu sits in the footer.
 */
export async function pageMenu(locale: Locale, menu: 'main' | 'footer'): Promise<NavLink[]> {
  const pages = (await localizedEntries('pages')).filter((p) => p.locale === locale && p.entry.data.menu === menu);
  return pages
    .sort((a, b) => a.entry.data.order - b.entry.data.order || a.entry.data.title.localeCompare(b.entry.data.title, locale))
    .map((p) => ({ label: p.entry.data.title, href: `/${locale}/${p.slug}/` }));
}

/** Whether a link is the current page or one of its sub-pages (home only matches itself). */
export function isCurrent(pathname: string, href: string, locale: Locale): boolean {
  return href === `/${locale}/` ? pathname === href : pathname.startsWith(href);
}
