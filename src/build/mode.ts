/**
 * The stock build: `npm run build -- --stock` (scripts/build.mjs sets CITTC_STOCK=1 for Astro's
 * process) builds the site with Astro's own parts only. Astro's glob loader reads the content,
 * bodies are rendered in the loader's thread, the content store is saved on Astro's own timer
 * and compiled into the bundle, images are made by Astro's image step after the pages, each
 * calendar file is a route of its own, QR codes are made in the rendering thread, no page has a
 * cache key (incremental builds are off) and dist/ is emptied before the build. What stays is
 * what makes the site, not its speed: the content rules, the body policy, the admin bundle, the
 * security headers, the link check and the search index.
 *
 * It is the plain path to fall back on when an Astro upgrade breaks one of the internals the
 * fast path uses (docs/build.md lists them), and the reference the fast build is compared with
 * (tests/e2e/stock-build.test.ts).
 */
export const stockBuild = process.env.CITTC_STOCK === '1';
