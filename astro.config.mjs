// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defaultLocale, localeKeys } from './src/i18n/locales.ts';
import { siteConfig } from './src/config/site.ts';
import { headersIntegration } from './src/integrations/headers.ts';
import { markdownOptions } from './src/schema/markdown.ts';
import { linkCheckIntegration } from './src/integrations/link-check.ts';
import { pagesFinalIntegration } from './src/integrations/pages-final.ts';
import { contentStoreIntegration } from './src/integrations/content-store.ts';
import { staleOutputIntegration } from './src/integrations/stale-output.ts';
import { adminBundleIntegration } from './src/integrations/admin-bundle.ts';
import { calendarFilesIntegration } from './src/integrations/calendar-files.ts';
import { imageCacheGuardIntegration } from './src/integrations/image-cache-guard.ts';
import { earlyImagesIntegration } from './src/integrations/early-images.ts';

/**
 * Files of this build that are not a route's output (the calendar files), handed to the
 * stale-output sweep; then the files of dist/ after the sweep, handed to the link check (one
 * walk, not two).
 */
const builtFiles = {};

// Thin on purpose: locales come from src/i18n/locales.ts, site settings from src/config.
export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  // The search index is built by npm run build (scripts/build.mjs) from the pages this build
  // made, while astro build ends (pages-final.ts; src/lib/search-index.ts).
  // The content store is read from disk while pages are generated, not compiled as code
  // (src/integrations/content-store.ts says why). The CMS admin's bundle is built once per
  // version of its sources (admin-bundle.ts). The .ics files of events and calls are written
  // in one go from one route (calendar-files.ts). A lost image cache makes pages render again
  // (image-cache-guard.ts). Optimised images are made while pages render, on the core the
  // rendering leaves idle (early-images.ts). dist/ is kept between builds and what a build
  // did not produce is removed after it (stale-output.ts), before the link check.
  integrations: [
    mdx(),
    // First of the build:done hooks: scripts/build.mjs starts the search index from here.
    pagesFinalIntegration(),
    contentStoreIntegration(),
    imageCacheGuardIntegration(),
    earlyImagesIntegration(),
    adminBundleIntegration(),
    headersIntegration(),
    calendarFilesIntegration(builtFiles),
    staleOutputIntegration(builtFiles),
    linkCheckIntegration(siteConfig.url, builtFiles),
  ],
  // Sätteri, Astro's own Markdown pipeline (MDX inherits it), with the check that stops the
  // build on a body that could run code and responsive body images (src/schema/markdown.ts).
  markdown: { processor: satteri(markdownOptions) },
  i18n: {
    locales: localeKeys,
    defaultLocale,
    // Every public URL carries its locale (/it/…, /zh/…, /en/…) because every public page lives
    // under src/pages/[lang]/; "/" is our own chooser and src/middleware.ts sets the locale.
    // Astro's own routing ("prefix always") would answer every page outside a locale with 404,
    // which the dev server did for the CMS admin at /admin/.
    routing: 'manual',
  },
  // Dev and preview servers stay on the loopback interface.
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Rebuilds reuse entry pages whose cache key (src/lib/cache-keys.ts), code and content are
  // unchanged. ASTRO_INCREMENTAL=0 turns it off (the benchmark compares both).
  experimental: { incrementalBuild: process.env.ASTRO_INCREMENTAL !== '0' },
  build: {
    // Stylesheets always as files: cacheable across pages, and no inline <style> to hash
    // for the Content-Security-Policy.
    inlineStylesheets: 'never',
    // Routes rendered at once (Astro's default is 1). Rendering is one thread either way, but
    // with one route at a time the thread waits for each page's writes (dist/ and the
    // incremental cache) before it starts the next. 16 renders fastest of the values measured
    // (docs/performance.md, "Rendering").
    concurrency: 16,
  },
  vite: {
    // The CMS admin's script (cms/main.ts, loaded by /admin/ under astro dev) is not an import of
    // any page, so Vite would find Decap and React only when a browser first asks for it, bundle
    // them, and reload the admin midway; scanned at start-up, they are bundled before.
    optimizeDeps: { entries: ['cms/main.ts'] },
    // Under `npm run cms` (CITTC_EDITING=1) no page reloads itself when files change: a save
    // writes into content/, and a reload would empty the editor the moment Decap opens the saved
    // entry. Pages still show the new content when reloaded by hand.
    ...(process.env.CITTC_EDITING === '1' ? { server: { hmr: false } } : {}),
    build: {
      // Scripts always as files too (Vite would inline small ones), for the same reason.
      assetsInlineLimit: 0,
      // dist/ is not emptied: pages an incremental build reuses stay in place instead of being
      // copied back from the cache; src/integrations/stale-output.ts removes what is left over.
      emptyOutDir: false,
      rolldownOptions: {
        // Rolldown warns about Astro's "use astro:head-inject" directive once per MDX file
        // (withastro/astro#18087): 12 lines per entry, ~360,000 lines at 10,000 entries.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
