/**
 * Today's date, YYYY-MM-DD, in the Rome calendar (the site's reference zone, the one the build
 * marks "today" in), from the visitor's clock.
 */
export function romeToday(now: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The events' month grid brought to the visitor's today, for pages built some time ago.
 *
 * On the month view's entry page (/<l>/events/month/, the build's month; its table carries
 * data-first and data-last, the months that have a page), a visitor whose month is another
 * one that has a page is sent there, with location.replace so that Back skips the entry page.
 * On any month page, the "today" mark (aria-current="date" and its visible label) moves from
 * the build's date to the visitor's, or goes away when today is not in the month shown.
 */
export function showToday(): void {
  const table = document.querySelector<HTMLTableElement>('table.month[data-month]');
  if (!table) return;
  const today = romeToday(new Date());
  const month = today.slice(0, 7);
  const { first, last } = table.dataset;
  if (first && last && month !== table.dataset.month && first <= month && month <= last) {
    location.replace(`${month}/`);
    return;
  }
  const marked = table.querySelector<HTMLElement>('td[aria-current]');
  const cell = table.querySelector<HTMLElement>(`td[data-date="${today}"]`);
  if (marked === cell) return;
  let label = marked?.querySelector('.today-mark');
  marked?.removeAttribute('aria-current');
  marked?.classList.remove('today');
  if (!cell) return label?.remove();
  if (!label) {
    label = document.createElement('span');
    label.className = 'today-mark';
    label.textContent = table.dataset.todayLabel ?? '';
  }
  cell.setAttribute('aria-current', 'date');
  cell.classList.add('today');
  cell.querySelector('.day')!.after(label);
}
