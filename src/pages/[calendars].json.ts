import type { APIRoute } from 'astro';
import { callCalendar, eventCalendar } from '../lib/calendar';
import { revisions } from '../history/revisions';
import { CALENDAR_BUNDLE, type CalendarBundle } from '../build/calendar-files';
import { calendarBundleKey } from '../build/cache-keys';
import { localizedEntries, type LocalizedEntry } from '../lib/localized-entries';

// The build's .ics file of every event and call, as one JSON document that
// src/build/integration.ts writes out as files and then removes (src/build/calendar-files.ts
// says why). One path, so that it can have a cache key: the keys of the files it holds. Not
// in `astro dev` or the stock build (src/build/mode.ts), where
// src/pages/[lang]/{events,calls}/[slug].ics.ts serve each file.

export async function getStaticPaths() {
  if (!__CALENDAR_FILES_AT_ONCE__) return [];
  const [events, calls] = await Promise.all([localizedEntries('events'), localizedEntries('calls')]);
  const files = [
    ...events.map((item) => ({ path: path('events', item), collection: 'events' as const, item })),
    ...calls.map((item) => ({ path: path('calls', item), collection: 'calls' as const, item })),
  ];
  return [{ params: { calendars: CALENDAR_BUNDLE.replace(/\.json$/, '') }, props: { events, calls }, cacheKey: await calendarBundleKey(files) }];
}

const path = (collection: 'events' | 'calls', item: LocalizedEntry) => `${item.locale}/${collection}/${item.slug}.ics`;

export const GET: APIRoute = async ({ props }) => {
  const revisedAt = await revisions();
  const { events, calls } = props as { events: LocalizedEntry<'events'>[]; calls: LocalizedEntry<'calls'>[] };
  const bundle: CalendarBundle = {
    files: [
      ...events.map((item) => [path('events', item), eventCalendar(item, revisedAt(item.entry))] as [string, string]),
      ...calls.map((item) => [path('calls', item), callCalendar(item, revisedAt(item.entry))] as [string, string]),
    ],
  };
  return new Response(JSON.stringify(bundle), { headers: { 'Content-Type': 'application/json' } });
};
