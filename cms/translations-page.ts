import { UI_LOCALE_KEY } from './ui-locale';
import { fill } from './labels';

/**
 * The filters of /admin/translations/<ui>/: rows are shown by section, language and status
 * (a language and a status together: that language has that status; a status alone: some
 * language has it), and the number shown is announced. The page's language is remembered as
 * the admin's, as the CMS remembers a choice made with ?lang=.
 */
export function initTranslationsPage() {
  const main = document.querySelector<HTMLElement>('main[data-ui]');
  const form = document.querySelector<HTMLFieldSetElement>('#filters');
  const shown = document.querySelector<HTMLElement>('#shown');
  if (!main || !form || !shown) return;
  try {
    localStorage.setItem(UI_LOCALE_KEY, main.dataset.ui!);
  } catch {
    // Storage refused: the choice is not remembered.
  }
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tbody tr[data-collection]')];
  const apply = () => {
    const value = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)?.value ?? '';
    const collection = value('collection');
    const locale = value('locale');
    const status = value('status');
    let count = 0;
    for (const row of rows) {
      const statuses = row.dataset.statuses!.split(' ').map((pair) => pair.split(':') as [string, string]);
      const visible =
        (!collection || row.dataset.collection === collection) &&
        statuses.some(([l, s]) => (!locale || l === locale) && (!status || s === status));
      row.hidden = !visible;
      if (visible) count++;
    }
    for (const cell of document.querySelectorAll<HTMLElement>('[data-locale]')) cell.hidden = Boolean(locale) && cell.dataset.locale !== locale;
    shown.textContent = fill(shown.dataset.template!, { count, total: rows.length });
  };
  form.addEventListener('change', apply);
  apply();
}
