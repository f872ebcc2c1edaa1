import { execSync } from 'node:child_process';

/**
 * When the content was last changed: SOURCE_DATE_EPOCH (the reproducible-builds convention)
 * or the time of the Git commit being built. Used as DTSTAMP of calendars, so two builds of
 * one commit give identical files.
 */
function contentStamp(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH ?? (() => {
    try {
      return execSync('git log -1 --format=%ct', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      return '';
    }
  })();
  return epoch ? new Date(Number(epoch) * 1000) : new Date(0);
}

/**
 * Site-wide settings that are not UI text. Values that differ between deployments come
 * from the environment at build time, so a deploy changes them without a code change.
 */
export const siteConfig = {
  /** Public origin of the site, used for canonical and hreflang URLs. */
  url: process.env.SITE_URL || 'https://www.cittc.example.org',
  /**
   * China ICP filing number (e.g. "京ICP备12345678号-1"). Shown in the footer, linked to the
   * MIIT filing site, only when set: required once the site is hosted in mainland China.
   */
  icpNumber: process.env.ICP_NUMBER?.trim() ?? '',
  /**
   * A translation whose text another language has changed since says so on its page, with the
   * date and a link to the newer version (src/history/translation-notes.ts). TRANSLATION_NOTE=off
   * (or 0, false) leaves the note out.
   */
  translationNote: !['off', '0', 'false'].includes((process.env.TRANSLATION_NOTE ?? '').trim().toLowerCase()),
  /** Where expressions of interest and questions go. */
  contactEmail: process.env.CONTACT_EMAIL || 'info@cittc.example.org',
  /** The MIIT filing lookup that an ICP number links to. */
  icpUrl: 'https://beian.miit.gov.cn/',
  /**
   * "Now" for everything computed at build time (call status, upcoming events, expired
   * offers). BUILD_TIME (ISO 8601) pins it, for reproducible builds and tests.
   */
  buildTime: process.env.BUILD_TIME ? new Date(process.env.BUILD_TIME) : new Date(),
  contentStamp: contentStamp(),
} as const;
