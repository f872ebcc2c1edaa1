import { keyedPaths } from '../../../build/cache-keys';
import { feedGet, feedPaths } from '../../../lib/feeds';

// Keyed by the entries it lists (src/build/cache-keys.ts): reused while they are unchanged.
export const getStaticPaths = async () => keyedPaths('events/rss.xml', await feedPaths('events'));
export const GET = feedGet('events');
