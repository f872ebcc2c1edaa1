import { describe, expect, it } from 'vitest';
import { routesInLog } from '../../../scripts/bench/build-log.mjs';

// Lines as `astro build` prints them with 16 routes rendered at once (taken from a rebuild at
// 10,000 entries): a rendered route's "(+Nms)" comes after other routes have started.
const log = [
  ' generating static routes ',
  '23:47:29   ├─ /it/calls/index.html23:47:29   ├─ /zh/calls/index.html23:47:29   ├─ /en/courses/index.html (+792ms) ',
  '23:47:29   ├─ /it/events/calendar.ics (+871ms) ',
  '23:47:29   ├─ /it/news/news-graphene-00002/index.html (cached)',
  '23:47:29   ├─ /calendar-files.json (restored)',
  '23:47:30   ├─ /it/news/news-graphene-00001/index.html23:47:30   ├─ /zh/news/news-graphene-00001/index.html (cached)',
  '23:47:30   └─ /sitemap.xml',
].join('\n');

describe('routesInLog', () => {
  it('finds every route, each once, even when lines of routes rendered at once run together', () => {
    expect(routesInLog(log).map((r) => r.path)).toEqual([
      '/it/calls/index.html',
      '/zh/calls/index.html',
      '/en/courses/index.html',
      '/it/events/calendar.ics',
      '/it/news/news-graphene-00002/index.html',
      '/calendar-files.json',
      '/it/news/news-graphene-00001/index.html',
      '/zh/news/news-graphene-00001/index.html',
      '/sitemap.xml',
    ]);
  });

  it('counts a route as reused only when "(cached)" or "(restored)" follows its own path', () => {
    expect(routesInLog(log).filter((r) => r.reused).map((r) => r.path)).toEqual([
      '/it/news/news-graphene-00002/index.html',
      '/calendar-files.json',
      '/zh/news/news-graphene-00001/index.html',
    ]);
  });
});
