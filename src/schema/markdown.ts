import type { satteri } from '@astrojs/markdown-satteri';
import { bodyImages } from './body-images.ts';
import { bodyPolicy } from './body-policy.ts';

/**
 * The options of the site's Markdown pipeline (Sätteri, Astro's own; MDX inherits it): the
 * check that stops the build on a body that could run code (body-policy.ts) and responsive
 * body images (body-images.ts). One definition for astro.config.mjs and for the thread that
 * renders bodies while content is synced (markdown-on-worker.ts), so that both render alike.
 */
export const markdownOptions = {
  mdastPlugins: [bodyPolicy],
  hastPlugins: [bodyImages],
} satisfies Parameters<typeof satteri>[0];

/**
 * Code blocks are highlighted whole, however busy the machine. Shiki stops tokenizing a line
 * after 500 ms (its `tokenizeTimeLimit`) and leaves the rest of the line unhighlighted; the
 * first code block of a build also compiles its grammar within that time, so on a loaded
 * machine the same body could give other HTML from one build to the next. Astro passes no
 * such option; Shiki tokenizes with the options its transformers' `preprocess` receives, and
 * 0 means no limit. Used by astro.config.mjs (markdown.shikiConfig) and by the worker that
 * renders bodies at sync (src/build/markdown-worker.ts), which adds it back: a function does
 * not pass to a thread.
 */
export const wholeTokenization = {
  name: 'cittc:whole-tokenization',
  preprocess(_code: string, options: { tokenizeTimeLimit?: number }) {
    options.tokenizeTimeLimit = 0;
  },
};

/** The site's shikiConfig (Astro fills in the rest: theme, languages…). */
export const shikiConfig = { transformers: [wholeTokenization] };
