import type { APIRoute } from 'astro';
import { siteConfig } from '../config/site';

// /robots.txt: everything may be crawled but the CMS admin; points crawlers to the sitemap.
export const GET: APIRoute = () =>
  new Response(['User-agent: *', 'Allow: /', 'Disallow: /admin/', '', `Sitemap: ${new URL('/sitemap.xml', siteConfig.url).href}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
