import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { headerRules, headersFile } from '../lib/security-headers';

/**
 * Writes dist/_headers (Netlify / Cloudflare Pages format) after the build: the security
 * headers of src/lib/security-headers.ts, with the admin's connect-src taken from the CMS
 * backend settings in the environment (CMS_BACKEND, CMS_API_ROOT…). The static server of
 * `npm start` and of the tests sends what this file says.
 */
export function headersIntegration(): AstroIntegration {
  return {
    name: 'cittc-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const file = join(fileURLToPath(dir), '_headers');
        await writeFile(file, headersFile(headerRules(process.env), { netlify: process.env.NETLIFY === 'true' }));
        logger.info('wrote _headers (Content-Security-Policy and other security headers)');
      },
    },
  };
}
