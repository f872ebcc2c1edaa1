import { formatDate, languageName } from '../src/i18n/format';
import { localeKeys, type Locale } from '../src/i18n/locales';
import type { TranslationReport } from '../src/history/translation-report';
import { calendarDay } from '../src/lib/translation-status';
import { fill, translationLabels as T } from './labels';

/** The collection and slug of Decap's editor route (#/collections/<c>/entries/<slug>), if the hash is one. */
export function editorRoute(hash: string): { collection: string; slug: string } | undefined {
  const m = /^#\/collections\/([^/?#]+)\/entries\/([^/?#]+)/.exec(hash);
  return m ? { collection: decodeURIComponent(m[1]!), slug: decodeURIComponent(m[2]!) } : undefined;
}

/**
 * What the note says of an entry, in the editor's language: each language whose translation
 * is missing or outdated (and which language is newer, since when). Empty when all are fine.
 */
export function noteLines(report: Pick<TranslationReport, 'entries'>, collection: string, slug: string, ui: Locale): string[] {
  const entry = report.entries.find((e) => e.collection === collection && e.slug === slug);
  if (!entry) return [];
  const lines: string[] = [];
  for (const locale of localeKeys) {
    const s = entry.locales[locale];
    const name = languageName(locale, ui);
    // At the start of a line: "Cinese", not "cinese".
    const language = name.charAt(0).toUpperCase() + name.slice(1);
    if (s.status === 'missing') lines.push(fill(T.noteMissing[ui], { language }));
    else if (s.status === 'outdated') {
      lines.push(
        fill(T.noteOutdated[ui], {
          language,
          languages: (s.newer ?? []).map((l) => languageName(l, ui)).join(', '),
          date: formatDate(calendarDay(s.since!), ui),
        }),
      );
    }
  }
  return lines;
}

const STYLE = `
.admin-editor-aside { position: fixed; left: 0.5rem; bottom: 0.5rem; z-index: 10000; max-width: min(30rem, calc(100vw - 1rem));
  font: 13px/1.4 system-ui, sans-serif; color: #1b1f24; }
.admin-editor-aside > * { background: #fff; border: 1px solid #8a4b00; border-radius: 6px; padding: 0.4rem 0.6rem; margin-top: 0.25rem; }
.admin-editor-aside > :empty, .admin-editor-aside > [hidden] { display: none; }
.admin-translation-note { background: #fff4e5; }
.admin-translation-note ul { margin: 0.2rem 0; padding-inline-start: 1.2rem; }
.admin-translation-note a, .admin-minor-edit a { color: #0a5a8a; }
.admin-minor-edit { border-color: #5b6670; }
.admin-minor-edit label { display: flex; gap: 0.4rem; align-items: start; }
.admin-translation-note button { float: right; margin: -0.2rem -0.3rem 0 0.5rem; font: inherit; line-height: 1; padding: 0.15rem 0.4rem;
  background: #fff; border: 1px solid #5b6670; border-radius: 4px; cursor: pointer; }
/* Whatever an editor focuses or scrolls to stops above the note, never under it (WCAG 2.4.11). */
html.has-editor-aside, html.has-editor-aside * { scroll-padding-bottom: var(--editor-aside-height, 0px); }
`;

export interface NoteOptions {
  /** Registers a listener called after every save (Decap's postSave event). */
  onSaved(listener: () => void): void;
  /** Shown below the note while an existing entry is open in the editor (the minor-edit switch). */
  editorControls?: HTMLElement;
}

/**
 * A note in the CMS editor (Decap has no hook for one): while the address is an entry's editor
 * route, a box (role="status") names the languages whose translation is missing or outdated,
 * from /admin/translations.json (built with the site; made live by `astro dev`), and links to
 * the page of all statuses. Fetched when an editor route is first opened, and again after a
 * save.
 */
export function mountTranslationNote(ui: Locale, { onSaved, editorControls }: NoteOptions) {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const aside = document.createElement('div');
  aside.className = 'admin-editor-aside';
  const box = document.createElement('div');
  box.className = 'admin-translation-note';
  box.setAttribute('role', 'status');
  aside.append(box);
  if (editorControls) aside.append(editorControls);
  document.body.append(aside);

  let report: Promise<TranslationReport | undefined> | undefined;
  const load = () =>
    (report ??= fetch('/admin/translations.json', { cache: 'no-cache' })
      .then((r) => (r.ok ? (r.json() as Promise<TranslationReport>) : undefined))
      .catch(() => undefined));
  // The space the box takes at the bottom of the window, kept free for what is focused.
  const reserve = () => {
    const height = aside.hidden ? 0 : aside.getBoundingClientRect().height;
    document.documentElement.classList.toggle('has-editor-aside', height > 0);
    document.documentElement.style.setProperty('--editor-aside-height', `${Math.ceil(height) + 8}px`);
  };
  new ResizeObserver(reserve).observe(aside);
  let shown = '';
  let hiddenFor: string | undefined;
  const update = async () => {
    const route = editorRoute(location.hash);
    const routeKey = route && `${route.collection}/${route.slug}`;
    aside.hidden = routeKey !== undefined && routeKey === hiddenFor;
    if (editorControls) editorControls.hidden = !route;
    const data = route && (await load());
    const lines = route && data ? noteLines(data, route.collection, route.slug, ui) : [];
    const key = lines.join('\n');
    if (key !== shown) render(lines);
    shown = key;
    reserve();
  };
  const render = (lines: string[]) => {
    box.replaceChildren();
    if (lines.length === 0) return;
    // Hides the box until another entry is opened.
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', T.noteHide[ui]);
    close.addEventListener('click', () => {
      const route = editorRoute(location.hash);
      hiddenFor = route && `${route.collection}/${route.slug}`;
      aside.hidden = true;
      reserve();
    });
    const heading = document.createElement('strong');
    heading.textContent = T.noteHeading[ui];
    const list = document.createElement('ul');
    for (const line of lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    const link = document.createElement('a');
    link.href = `/admin/translations/${ui}/`;
    link.textContent = T.noteAll[ui];
    box.append(close, heading, list, link);
  };
  window.addEventListener('hashchange', () => void update());
  window.addEventListener('popstate', () => void update());
  onSaved(() => {
    report = undefined;
    void update();
  });
  void update();
}
