import type { Locale } from '../src/i18n/locales';
import { MINOR_MARKER } from '../src/lib/translation-status';
import { LOCAL_BACKEND_URL, type BackendSettings } from '../src/schema/decap';
import { translationLabels as T } from './labels';

/*
 * "Minor edit": a save whose commit message carries [minor], so that it makes no other
 * language outdated (src/lib/translation-status.ts). Decap's commit messages come from fixed
 * templates (backend.commit_messages: {{collection}}, {{slug}}, {{path}}, {{author-…}}) with no
 * value of the entry or of the save, so the marker is added where the message is handed to
 * the backend: each backend's persistEntry(entry, options), whose options carry the message,
 * is wrapped once Decap creates it (the registry's `init`, reached with CMS.getBackend).
 * Decap commits only with a Git backend, or with decap-server started in Git mode; with the
 * local file-system mode (npm run cms) nothing is committed, and an editor who commits the
 * files by hand writes [minor] in that commit's message.
 */

export interface PersistOptions {
  commitMessage: string;
  newEntry?: boolean;
  [option: string]: unknown;
}

/** The options of a save with the marker added to its commit message, when the save is minor (never a new entry). */
export function withMinorMarker(options: PersistOptions, minor: boolean): PersistOptions {
  if (!minor || options.newEntry || options.commitMessage.includes(MINOR_MARKER)) return options;
  return { ...options, commitMessage: `${options.commitMessage} ${MINOR_MARKER}` };
}

type Implementation = { persistEntry(entry: unknown, options: PersistOptions): Promise<unknown> };
type Registry = { getBackend(name: string): { init: (...args: never[]) => unknown } | undefined };

/** Wraps the named backends so that a save made while `isMinor()` carries the marker. */
export function markMinorSaves(cms: Registry, names: readonly string[], isMinor: () => boolean) {
  // Decap's backend registry is not a documented API: when it changes, the admin says so
  // instead of saving without the marker.
  const changed = (what: string) =>
    new Error(`the "minor edit" of the admin (cms/minor-edit.ts) relies on an internal of Decap CMS that has changed: ${what}. Keep the version of decap-cms-app in package-lock.json until minor-edit.ts is adapted.`);
  if (typeof cms.getBackend !== 'function') throw changed('CMS.getBackend is not a function');
  const registered = names.map((name) => cms.getBackend(name));
  if (registered.every((backend) => typeof backend?.init !== 'function')) throw changed(`none of the backends ${names.join(', ')} is registered with an init function`);
  for (const backend of registered) {
    if (typeof backend?.init !== 'function') continue;
    const init = backend.init;
    backend.init = (...args) => {
      const implementation = init(...args) as Implementation;
      if (typeof implementation?.persistEntry !== 'function') throw changed('a backend has no persistEntry');
      const persist = implementation.persistEntry.bind(implementation);
      implementation.persistEntry = (entry, options) => persist(entry, withMinorMarker(options, isMinor()));
      return implementation;
    };
  }
}

/**
 * Whether a save in this admin makes a commit: on localhost Decap uses decap-server when it
 * answers (as Decap decides), which commits in its Git mode only; otherwise the configured
 * Git backend does.
 */
export async function savesMakeCommits(backend: BackendSettings): Promise<'commit' | 'by-hand'> {
  const local = ['localhost', '127.0.0.1'].includes(location.hostname);
  const proxy = backend.name === 'proxy' ? (backend.proxy_url ?? LOCAL_BACKEND_URL) : local ? LOCAL_BACKEND_URL : undefined;
  if (!proxy) return 'commit';
  // decap-server answers one request at a time and gives up on those that wait over 3 s (while
  // the CMS loads every collection, say): asked again then.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const response = await fetch(proxy, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
      const info = (await response.json()) as { type?: string };
      if (info.type) return info.type === 'local_git' ? 'commit' : 'by-hand';
    } catch {
      // Not answering: the configured backend is used.
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return backend.name === 'proxy' ? 'by-hand' : 'commit';
}

/**
 * The switch shown in the editor of an existing entry: a checkbox when saves make commits
 * (its state is read by markMinorSaves; it is cleared after each save), else a line saying how
 * to mark a minor edit when committing by hand.
 */
export function minorEditControl(ui: Locale, mode: Promise<'commit' | 'by-hand'>, onSaved: (listener: () => void) => void) {
  const element = document.createElement('div');
  element.className = 'admin-minor-edit';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.name = 'minor-edit';
  void mode.then((how) => {
    if (how === 'commit') {
      const label = document.createElement('label');
      label.append(input, T.minorEdit[ui]);
      element.append(label);
    } else element.textContent = T.minorEditByHand[ui];
  });
  onSaved(() => (input.checked = false));
  return { element, isMinor: () => input.checked };
}
