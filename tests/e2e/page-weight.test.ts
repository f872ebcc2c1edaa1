import { describe, expect, it } from 'vitest';
import { pageWeights, type PageWeight } from '../../scripts/bench/page-weight.mjs';

/*
 * Page-weight budgets of the built site (sizes, not times), measured as `npm run bench` measures
 * them (scripts/bench/page-weight.mjs): gzip of the HTML, of the stylesheets a page links and of
 * the scripts it loads, as on a first visit.
 *
 * - Every public page: at most 25 KB of HTML + CSS (gzip).
 * - Content pages ship no JavaScript but the search loader (the header's "/" and Ctrl-K
 *   shortcut, src/scripts/search-shortcut.ts) and the deadline script of calls
 *   (src/scripts/call-status.ts), and the month view of events its today script
 *   (src/scripts/month-now.ts). The search page itself also loads its search script, and "/"
 *   the language chooser; /admin/ is the CMS.
 */

const budgetHtmlCss = 25 * 1024;
/** Built chunks of the scripts content pages may load (Vite names them after their component). */
const allowedOnContentPages = [
  /^\/_astro\/Header\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/,
  /^\/_astro\/CallStatus\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/,
  /^\/_astro\/_MonthView\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/,
];
const notContentPage = (path: string) => path === '/' || path.startsWith('/admin/') || /^\/(it|zh|en)\/search\/$/.test(path);

const weights: PageWeight[] = await pageWeights('dist');
const publicPages = weights.filter((page) => !page.path.startsWith('/admin/'));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('page-weight budgets', () => {
  it('measures every page of the build', () => {
    expect(publicPages.length).toBeGreaterThan(200);
    expect(publicPages.flatMap((page) => page.missing.map((file) => `${page.path} → ${file}`))).toEqual([]);
  });

  it('keeps every public page within 25 KB of HTML + CSS (gzip)', () => {
    const over = publicPages
      .filter((page) => page.htmlCss > budgetHtmlCss)
      .map((page) => `${page.path}: ${kb(page.htmlCss)} (HTML ${kb(page.html.gzip)}, CSS ${kb(page.css.gzip)})`);
    expect(over, `over ${kb(budgetHtmlCss)}`).toEqual([]);
  });

  it('ships no JavaScript on content pages but the search loader and the deadline script', () => {
    const contentPages = publicPages.filter((page) => !notContentPage(page.path));
    expect(contentPages.length).toBeGreaterThan(200);
    const extra = contentPages.flatMap((page) =>
      page.js.files.filter((file) => !allowedOnContentPages.some((re) => re.test(file))).map((file) => `${page.path} loads ${file}`),
    );
    expect(extra).toEqual([]);
    // Both allowed scripts exist and are where they belong: the loader on every page with the
    // site header (all but the trilingual /404.html), the deadline script only on call pages
    // and the home pages that list calls.
    const withoutLoader = contentPages.filter((page) => !page.js.files.some((file) => allowedOnContentPages[0]!.test(file)));
    expect(withoutLoader.map((page) => page.path)).toEqual(['/404.html']);
    const withDeadline = contentPages.filter((page) => page.js.files.some((file) => allowedOnContentPages[1]!.test(file)));
    expect(withDeadline.map((page) => page.path)).toContain('/it/calls/');
    expect(withDeadline.every((page) => /^\/(it|zh|en)\/(calls\/|$)/.test(page.path))).toBe(true);
    // The today script of the month view, only there.
    const withMonth = contentPages.filter((page) => page.js.files.some((file) => allowedOnContentPages[2]!.test(file)));
    expect(withMonth.map((page) => page.path)).toContain('/it/events/month/');
    expect(withMonth.every((page) => /^\/(it|zh|en)\/events\/month\/(\d{4}-\d{2}\/)?$/.test(page.path))).toBe(true);
  });
});
