import 'i18next';
import type it from './ui/it.json';

// Typed keys: t('nav.home') compiles, t('nav.hmoe') does not (checked by `astro check`).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof it };
    keySeparator: false;
    nsSeparator: false;
    returnNull: false;
  }
}
