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
