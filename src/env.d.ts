declare namespace App {
  interface Locals {
    /** The locale of the page being rendered (URL segment). */
    locale: import('./i18n/locales').Locale;
    /** Typed translation function of that locale. */
    t: import('./i18n/translate').Translate;
  }
}

/**
 * True in `astro build`, where the .ics files of events and calls are made by one route
 * (src/build/calendar-files.ts); false in `astro dev`, where each has its own, and in the stock
 * build (src/build/mode.ts). Defined by src/build/integration.ts from Astro's command: Vite's
 * DEV and PROD follow NODE_ENV, which a build started from a test runner has as "test".
 */
declare const __CALENDAR_FILES_AT_ONCE__: boolean;
