import type { APIRoute } from 'astro';
import { currentTranslationReport } from '../../history/translation-report';

/**
 * The translation report as JSON (src/history/translation-report.ts), for the note the CMS shows
 * in the editor of an entry whose translation is missing or outdated (cms/translation-note.ts).
 * Built with the site; under `astro dev` made at every request from the working copy.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await currentTranslationReport({ live: import.meta.env.DEV })), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
