/**
 * The Decap CMS admin at /admin, bundled by the site build from decap-cms-app (no CDN script:
 * React 19 has no UMD build, and CDNs are blocked or slow in China). Its configuration is
 * generated from src/schema, the same source as the site's content collections.
 */
import CMS from 'decap-cms-app';
import type { CmsConfig } from 'decap-cms-core';
import { localeKeys, locales } from '../src/i18n/locales';
import { collectionNames } from '../src/schema/collections';
import { cmsConfig, decapUiLocale, type BackendSettings } from '../src/schema/decap';
import { editorComponents } from './editor-components';
import { adminLabels } from './labels';
import { escapeMdx, unescapeMdx } from './mdx-escape';
import { markMinorSaves, minorEditControl, savesMakeCommits } from './minor-edit';
import { previewTemplate } from './previews';
import { mountTranslationNote } from './translation-note';
import { pickUiLocale, UI_LOCALE_KEY } from './ui-locale';

const settings = document.getElementById('cms-settings')!.dataset;
const backend = JSON.parse(settings.backend!) as BackendSettings;

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();
const ui = pickUiLocale(location.search, storage?.getItem(UI_LOCALE_KEY) ?? null, navigator.languages ?? [navigator.language]);
storage?.setItem(UI_LOCALE_KEY, ui);
document.documentElement.lang = locales[ui].lang;

// MDX-safe bodies: `{`, `}` and `<` typed by an editor are escaped on save (see mdx-escape.ts).
CMS.registerWidgetValueSerializer('markdown', {
  serialize: (value: unknown) => (typeof value === 'string' ? escapeMdx(value) : value),
  deserialize: (value: unknown) => (typeof value === 'string' ? unescapeMdx(value) : value),
});

for (const component of editorComponents(ui)) CMS.registerEditorComponent(component as never);
for (const name of collectionNames) CMS.registerPreviewTemplate(name, previewTemplate(name, ui) as never);
if (settings.previewCss) CMS.registerPreviewStyle(settings.previewCss);

const config = cmsConfig({ ui, backend, siteUrl: settings.siteUrl });
for (const collection of config.collections) {
  const body = collection.fields.find((f) => f.name === 'body') as Record<string, unknown> | undefined;
  if (body) body.editor_components = ['figure', 'callout', 'cta-link', 'code-block'];
}

/** A small language picker for the admin UI; Decap has none of its own. */
function mountLanguagePicker() {
  const nav = document.createElement('nav');
  nav.className = 'admin-lang';
  nav.setAttribute('aria-label', adminLabels.adminLanguage[ui]);
  for (const locale of localeKeys) {
    const a = document.createElement('a');
    a.href = `?lang=${locale}${location.hash}`;
    a.lang = locales[locale].lang;
    a.textContent = locales[locale].label;
    if (locale === ui) a.setAttribute('aria-current', 'true');
    nav.append(a);
  }
  document.body.append(nav);
}
mountLanguagePicker();

// The translation status of the entry being edited, and the minor-edit switch (see their modules).
const onSaved = (listener: () => void) => CMS.registerEventListener({ name: 'postSave', handler: () => void listener() });
const minorEdit = minorEditControl(ui, savesMakeCommits(backend), onSaved);
markMinorSaves(CMS as never, ['proxy', 'github', 'gitlab', 'gitea'], minorEdit.isMinor);
mountTranslationNote(ui, { onSaved, editorControls: minorEdit.element });

void decapUiLocale;
CMS.init({ config: config as unknown as CmsConfig });
