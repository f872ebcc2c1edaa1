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
  /** The MIIT filing lookup that an ICP number links to. */
  icpUrl: 'https://beian.miit.gov.cn/',
} as const;
