/**
 * The routes an `astro build` log shows, each as rendered or reused from the incremental cache.
 *
 * Astro prints "├─ <path>" when it takes a route; a route reused from the cache gets " (cached)"
 * or " (restored)" at once, a rendered one " (+12ms)" when it is done. Routes are rendered 16 at
 * a time (astro.config.mjs: build.concurrency), so the line of a rendered route is often cut
 * by the next route's "├─ ", as in "├─ /it/calls/index.html23:47:29   ├─ /zh/calls/index.html":
 * the path ends at a blank, at the time that starts the next line, or at the end of the text,
 * and a route counts as rendered unless "(cached)" or "(restored)" follows its path.
 *
 * @param {string} text a whole log or one line of it (colours removed)
 * @returns {{ path: string, reused: boolean }[]}
 */
export function routesInLog(text) {
  return [...text.matchAll(/[├└]─ (\S+?)(?=\s|\d\d:\d\d:\d\d|[├└]─|$)( \((?:cached|restored)\))?/g)].map((m) => ({
    path: m[1],
    reused: m[2] !== undefined,
  }));
}
