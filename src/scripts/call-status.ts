import { callStatus } from '../lib/status';

type Status = ReturnType<typeof callStatus>;

/**
 * Recomputes the status of every call on the page from its deadline and the visitor's clock:
 * updates the label and, on the calls list, moves the card to its new group. Runs on load
 * and every minute.
 */
export function refreshCallStatuses(): void {
  const update = () => {
    const now = new Date();
    for (const el of document.querySelectorAll<HTMLElement>('cittc-call-status')) {
      const deadline = new Date(el.dataset.deadline!);
      const opens = el.dataset.opens ? new Date(el.dataset.opens) : undefined;
      const status: Status = callStatus({ deadline, opens, now });
      const labels = JSON.parse(el.dataset.labels ?? '{}') as Record<Status, string>;
      if (el.classList.contains(`status-${status}`)) continue;
      el.className = `status status-${status}`;
      el.textContent = labels[status] ?? el.textContent;
      const card = el.closest<HTMLElement>('[data-call]');
      const group = document.querySelector<HTMLElement>(`[data-call-group="${status}"]`);
      if (card && group) {
        group.append(card);
        group.closest('section')?.removeAttribute('hidden');
      }
    }
  };
  update();
  setInterval(update, 60_000);
}
