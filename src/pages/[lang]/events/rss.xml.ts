import { feedEndpoint } from '../../../lib/feeds';

export const { getStaticPaths, GET } = feedEndpoint('events');
