import type { LoaderContext } from 'astro/loaders';

/** A key no entry has (ids are <locale>/<slug>). */
const NO_ENTRY = '\0cittc:save-held';

/**
 * Astro saves the content store (devalue of every entry: tens of megabytes at 10,000 entries,
 * a second or more of the main thread; docs/performance.md) 500 ms after the last change to
 * it, and once more when the sync ends. A rebuild changes it only at the start (Astro's own
 * version stamps) and for the few files edited, so while the loaders read thousands of
 * unchanged files the timer would run out and the whole store be saved in the middle of the
 * sync, for nothing. Deleting an id that no entry has changes nothing but starts the timer again; done
 * every 200 ms while a collection loads, the store is saved once, when the sync ends (the last
 * loader to finish lets the timer run, and Astro saves whatever is pending before "Synced
 * content"). Should Astro stop restarting the timer on a delete, the saves happen as before.
 */
export function saveHeldWhileLoading(store: Pick<LoaderContext['store'], 'delete'>, everyMs = 200): () => void {
  // At once too: Astro's timer may have started before this load did, and reading unchanged
  // files keeps the event loop busy; when it frees, the interval must be due before the save.
  store.delete(NO_ENTRY);
  const timer = setInterval(() => store.delete(NO_ENTRY), everyMs);
  return () => clearInterval(timer);
}
