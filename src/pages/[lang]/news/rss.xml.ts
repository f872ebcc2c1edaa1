import { keyedPaths } from '../../../build/cache-keys';
import { feedGet, feedPaths } from '../../../lib/feeds';

// Keyed by the entries it lists (src/build/cache-keys.ts): reused while they are unchanged.
export const getStaticPaths = async () => keyedPaths('news/rss.xml', await feedPaths('news'));
export const GET = feedGet('news');
