import type { ConfigData } from 'html-validate';

/**
 * html-validate configuration of the built site: the recommended preset, changed only where a
 * rule contradicts a deliberate choice of the site (each exception says why).
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // <title> is the entry's whole title followed by the site's name (SeoHead.astro): titles
    // are written by editors, some are longer than 70 characters (official names of
    // ministries, call titles) and must not be cut, since the title is also what screen
    // readers announce and what bookmarks keep. The 70-character limit is a search-snippet
    // heuristic, not a validity or accessibility rule; search engines shorten titles themselves.
    'long-title': 'off',
    // Heading ids are made from the heading's text (Markdown, any language), e.g.
    // "2027年重点工作": valid HTML ids (no whitespace, unique), but the strict mode wants ids to
    // start with an ASCII letter. Relaxed mode still checks what HTML requires.
    'valid-id': ['error', { relaxed: true }],
  },
};
