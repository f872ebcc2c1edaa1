import type { Locale } from '../i18n/locales';
import { entriesIn } from './entry-lists';
import type { LocalizedEntry } from './localized-entries';
import { callStatus } from './status';
import { dateStartInstant, toInstant } from './time';

export type CallStatus = ReturnType<typeof callStatus>;

export interface CallView {
  item: LocalizedEntry<'calls'>;
  deadline: Date;
  opens?: Date;
  zone: string;
  status: CallStatus;
}

/** A call with its deadline as an instant and its status at `now`. */
export function callView(item: LocalizedEntry<'calls'>, now: Date): CallView {
  const { deadline, opens, timezone } = item.entry.data;
  const zone = timezone;
  const view: CallView = { item, zone, deadline: toInstant(deadline, zone), status: 'open' };
  if (opens) view.opens = dateStartInstant(opens, zone);
  view.status = callStatus({ deadline: view.deadline, opens: view.opens, now });
  return view;
}

/** The order of the groups on the calls page. */
export const CALL_GROUPS: CallStatus[] = ['closing-soon', 'open', 'upcoming', 'closed'];

/**
 * A locale's calls grouped by status: open ones nearest deadline first, closed ones most
 * recent first; own translations before fallbacks within each group.
 */
export async function groupedCalls(locale: Locale, now: Date): Promise<Record<CallStatus, CallView[]>> {
  const views = (await entriesIn('calls', locale)).map((item) => callView(item, now));
  const groups = Object.fromEntries(CALL_GROUPS.map((s) => [s, [] as CallView[]])) as Record<CallStatus, CallView[]>;
  for (const view of views) groups[view.status].push(view);
  for (const status of CALL_GROUPS) {
    const sign = status === 'closed' ? -1 : 1;
    // Own translations before fallbacks; within each, by deadline (stable sort).
    groups[status].sort(
      (a, b) => Number(a.item.isFallback) - Number(b.item.isFallback) || sign * (a.deadline.getTime() - b.deadline.getTime()),
    );
  }
  return groups;
}
