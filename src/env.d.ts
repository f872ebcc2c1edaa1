declare namespace App {
  interface Locals {
    /** The locale of the page being rendered (URL segment). */
    locale: import('./i18n/locales').Locale;
    /** Typed translation function of that locale. */
    t: import('./i18n/translate').Translate;
  }
}

interface ImportMetaEnv {
  /**
   * True in `astro build`, where the .ics files of events and calls are made by one route
   * (src/build/calendar-files.ts); unset in `astro dev`, where each has its own. Set by
   * src/build/integration.ts from Astro's command: Vite's DEV and PROD follow
   * NODE_ENV, which a build started from a test runner has as "test".
   */
  readonly CALENDAR_FILES_AT_ONCE?: boolean;
}
