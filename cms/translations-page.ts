import { formatDate, languageName } from '../src/i18n/format';
import { isLocale, localeKeys, locales, type Locale } from '../src/i18n/locales';
import type { EntryReport, TranslationReport } from '../src/history/translation-report';
import { calendarDay, type LocaleStatus, type Status } from '../src/lib/translation-status';
import { collectionLabels } from '../src/schema/labels';
import { fill, translationLabels as T } from './labels';
import { UI_LOCALE_KEY } from './ui-locale';

/** Where an entry's public page is in a language (pages live at /<locale>/<slug>/). */
export const publicPath = (collection: string, slug: string, locale: Locale) =>
  collection === 'pages' ? `/${locale}/${slug}/` : `/${locale}/${collection}/${slug}/`;

/** The entry in the CMS editor, in the admin's language. */
export const editorPath = (collection: string, slug: string, ui: Locale) => `/admin/?lang=${ui}#/collections/${collection}/entries/${slug}`;

/** The words under a status: since when another language is newer, when it changed, or what readers get. */
export function statusDetail(s: LocaleStatus, ui: Locale): string {
  const date = (iso: string) => formatDate(calendarDay(iso), ui);
  if (s.status === 'outdated') return fill(T.newer[ui], { languages: (s.newer ?? []).map((l) => languageName(l, ui)).join(', '), date: date(s.since!) });
  if (s.status === 'up-to-date' && s.updated) return fill(T.updated[ui], { date: date(s.updated) });
  if (s.status === 'missing') return T.fallback[ui];
  return '';
}

const statusLabels = (ui: Locale): Record<Status, string> => ({
  missing: T.missing[ui],
  outdated: T.outdated[ui],
  'up-to-date': T.upToDate[ui],
  unknown: T.unknown[ui],
});

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

/** One row of the table: section, entry (to the CMS editor), and each language's status with its public page. */
function row(e: EntryReport, ui: Locale): HTMLTableRowElement {
  const labels = statusLabels(ui);
  const title = e.titles[ui] ?? localeKeys.map((l) => e.titles[l]).find(Boolean) ?? e.slug;
  const names = (list: readonly Locale[]) => list.map((l) => languageName(l, ui)).join(', ');
  const head = element(
    'th',
    { scope: 'row' },
    element('a', { href: editorPath(e.collection, e.slug, ui) }, title, element('span', { class: 'visually-hidden' }, ` (${T.edit[ui]})`)),
    element('span', { class: 'slug' }, e.slug),
  );
  if (e.drafts.length > 0) head.append(element('span', { class: 'badge' }, T.draft[ui] + (e.drafts.length < localeKeys.length ? `: ${names(e.drafts)}` : '')));
  const tr = element('tr', { 'data-collection': e.collection }, element('td', {}, collectionLabels[e.collection].label[ui]), head);
  tr.dataset.statuses = localeKeys.map((l) => `${l}:${e.locales[l].status}`).join(' ');
  for (const l of localeKeys) {
    const s = e.locales[l];
    const cell = element('td', { class: `status-${s.status}`, 'data-locale': l }, element('span', { class: 'status' }, labels[s.status]));
    const detail = statusDetail(s, ui);
    if (detail) cell.append(element('span', { class: 'detail' }, detail));
    if (e.published) {
      cell.append(
        element(
          'a',
          { href: publicPath(e.collection, e.slug, l), hreflang: locales[l].lang },
          T.viewPage[ui],
          element('span', { class: 'visually-hidden' }, ` ${fill(T.inLanguage[ui], { title, language: languageName(l, ui) })}`),
        ),
      );
    }
    tr.append(cell);
  }
  return tr;
}

/**
 * The page /admin/translations/<ui>/: its rows, made from /admin/translations.json (built with
 * the site; made at each request by `astro dev`), and its filters: rows shown by section,
 * language and status (a language and a status together: that language has that status; a
 * status alone: some language has it), the number shown announced. The page's language is
 * remembered as the admin's, as the CMS remembers a choice made with ?lang=.
 */
export async function initTranslationsPage() {
  const main = document.querySelector<HTMLElement>('main[data-ui]');
  const form = document.querySelector<HTMLFieldSetElement>('#filters');
  const shown = document.querySelector<HTMLElement>('#shown');
  const body = document.querySelector<HTMLTableSectionElement>('#entries');
  if (!main || !form || !shown || !body || !isLocale(main.dataset.ui)) return;
  const ui = main.dataset.ui;
  try {
    localStorage.setItem(UI_LOCALE_KEY, ui);
  } catch {
    // Storage refused: the choice is not remembered.
  }
  const report = (await (await fetch('/admin/translations.json', { cache: 'no-cache' })).json()) as TranslationReport;
  const rows = report.entries.map((e) => row(e, ui));
  body.append(...rows);

  const apply = () => {
    const value = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)?.value ?? '';
    const collection = value('collection');
    const locale = value('locale');
    const status = value('status');
    let count = 0;
    for (const tr of rows) {
      const statuses = tr.dataset.statuses!.split(' ').map((pair) => pair.split(':') as [string, string]);
      const visible =
        (!collection || tr.dataset.collection === collection) && statuses.some(([l, s]) => (!locale || l === locale) && (!status || s === status));
      tr.hidden = !visible;
      if (visible) count++;
    }
    for (const cell of document.querySelectorAll<HTMLElement>('[data-locale]')) cell.hidden = Boolean(locale) && cell.dataset.locale !== locale;
    shown.textContent = fill(shown.dataset.template!, { count, total: rows.length });
  };
  form.addEventListener('change', apply);
  apply();
}
