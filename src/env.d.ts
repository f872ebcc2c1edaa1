declare namespace App {
  interface Locals {
    /** The locale of the page being rendered (URL segment). */
    locale: import('./i18n/locales').Locale;
    /** Typed translation function of that locale. */
    t: import('./i18n/translate').Translate;
  }
}
