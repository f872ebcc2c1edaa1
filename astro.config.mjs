// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defaultLocale, localeKeys } from './src/i18n/locales.ts';
import { siteConfig } from './src/config/site.ts';
import { cittcBuild } from './src/build/integration.ts';
import { stockBuild } from './src/build/mode.ts';
import { markdownOptions, shikiConfig } from './src/schema/markdown.ts';

// Thin on purpose: locales come from src/i18n/locales.ts, site settings from src/config.
export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  // Everything the build does beyond Astro's own steps, in one integration that owns their
  // order (src/build/integration.ts); `npm run build -- --stock` leaves out all that exists
  // only for speed (src/build/mode.ts).
  integrations: [mdx(), cittcBuild({ site: siteConfig.url })],
  // Sätteri, Astro's own Markdown pipeline (MDX inherits it), with the check that stops the
  // build on a body that could run code and responsive body images (src/schema/markdown.ts).
  // Code blocks highlighted whole however busy the machine (wholeTokenization in markdown.ts).
  markdown: { processor: satteri(markdownOptions), shikiConfig },
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
  // Rebuilds reuse entry pages whose cache key (src/build/cache-keys.ts), code and content are
  // unchanged. ASTRO_INCREMENTAL=0 turns it off (the benchmark compares both), as the stock build does.
  experimental: { incrementalBuild: !stockBuild && process.env.ASTRO_INCREMENTAL !== '0' },
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
      // copied back from the cache; src/build/stale-output.ts removes what is left over. The
      // stock build empties it, as Astro does by default.
      emptyOutDir: stockBuild,
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
