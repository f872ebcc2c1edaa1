/**
 * <cittc-search>: the search island. Pagefind (its JS, WASM and index) is fetched only when
 * the visitor focuses the search field or opens a ?q= link: nothing is downloaded before.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
/** Per filter, per value: a number of pages. */
type FilterCounts = Record<string, Record<string, number>>;
/** Per filter, the values any one of which a page must have. */
type Filters = Record<string, { any: string[] }>;
interface PagefindSearch {
  results: { data(): Promise<PagefindResultData> }[];
  /** The results each value would leave if it were added to the filters. */
  filters: FilterCounts;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(q: string, o: Record<string, unknown>): Promise<PagefindSearch>;
  debouncedSearch(q: string, o: Record<string, unknown>, ms: number): Promise<PagefindSearch | null>;
}

const FILTER_ORDER = ['section', 'year', 'type', 'format', 'category', 'sector', 'ipStatus', 'partnership', 'tag'];

class Search extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #strings: Record<string, string> = {};
  #input!: HTMLInputElement;
  /** The number of pages of each value in the whole index. */
  #totals: FilterCounts = {};
  /** Counts the searches, so that one overtaken by a newer one shows nothing. */
  #run = 0;

  connectedCallback() {
    this.#strings = JSON.parse(this.dataset.strings ?? '{}');
    this.#input = this.querySelector('input[type=search]')!;
    const form = this.querySelector('form')!;
    const query = new URLSearchParams(location.search).get('q') ?? '';
    this.#input.value = query;
    this.#input.addEventListener('focus', () => void this.#load(), { once: true });
    this.#input.addEventListener('input', () => void this.#search());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#search();
    });
    this.querySelector('select')!.addEventListener('change', () => void this.#search());
    if (query) void this.#search();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      // This language's own index: data-bundle (src/lib/search-bundle.ts).
      const path = `${this.dataset.bundle!}pagefind.js`;
      const pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
      await pagefind.options({ excerptLength: 24 });
      await pagefind.init();
      await this.#renderFilters(pagefind);
      return pagefind;
    })();
    return this.#pagefind;
  }

  /**
   * One group of checkboxes per filter, its legend and values in the page's language (the index
   * holds the values as the page shows them), ordered as that language orders words (pinyin
   * for Chinese), each with its number of results.
   */
  async #renderFilters(pagefind: Pagefind) {
    this.#totals = await pagefind.filters();
    const { compare } = new Intl.Collator(document.documentElement.lang, { numeric: true });
    const groups = this.querySelector('.search-filter-groups')!;
    for (const name of FILTER_ORDER.filter((n) => this.#totals[n])) {
      const group = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = this.#strings[name] ?? name;
      group.append(legend);
      for (const value of Object.keys(this.#totals[name]!).sort(compare)) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.addEventListener('change', () => void this.#search());
        label.append(box, document.createElement('span'));
        group.append(label);
      }
      groups.append(group);
    }
    this.#showCounts(this.#totals);
    this.querySelector<HTMLElement>('.search-controls')!.hidden = false;
  }

  /**
   * Writes each value's number of results beside it and the number of active filters in the
   * summary. Values with no result are hidden (unless checked: it stays to be unchecked), and
   * so is a group left with none.
   */
  #showCounts(counts: FilterCounts) {
    for (const group of this.querySelectorAll<HTMLFieldSetElement>('.search-filter-groups fieldset')) {
      let shown = 0;
      for (const label of group.querySelectorAll('label')) {
        const box = label.querySelector('input')!;
        const count = counts[box.name]?.[box.value] ?? 0;
        label.querySelector('span')!.textContent = `${box.value} (${count})`;
        label.hidden = count === 0 && !box.checked;
        if (!label.hidden) shown++;
      }
      group.hidden = shown === 0;
    }
    const active = this.querySelectorAll('.search-filter-groups input:checked').length;
    const s = this.#strings;
    this.querySelector('.search-filters summary')!.textContent =
      active === 0 ? s.filtersNone! : active === 1 ? s.filtersOne! : s.filtersMany!.replace('{{count}}', String(active));
  }

  /** The checked values: within a group any of them (a page has one section), across groups all. */
  #filters(): Filters {
    const out: Filters = {};
    for (const box of this.querySelectorAll<HTMLInputElement>('.search-filter-groups input:checked')) {
      (out[box.name] ??= { any: [] }).any.push(box.value);
    }
    return out;
  }

  /**
   * What each value would give if checked: Pagefind's counts for the groups with nothing
   * checked; for a group with checked values (which widen rather than narrow), the counts of
   * the search without that group's values.
   */
  async #counts(pagefind: Pagefind, query: string, search: PagefindSearch, filters: Filters): Promise<FilterCounts> {
    const counts = { ...search.filters };
    for (const name of Object.keys(filters)) {
      const { [name]: _, ...others } = filters;
      counts[name] = (await pagefind.search(query, { filters: others })).filters[name] ?? {};
    }
    return counts;
  }

  async #search() {
    const query = this.#input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    const status = this.querySelector('.search-status')!;
    const list = this.querySelector('.search-results')!;
    const run = ++this.#run;
    if (!query) {
      status.textContent = '';
      list.replaceChildren();
      if (this.#pagefind) this.#showCounts(this.#totals);
      return;
    }
    status.textContent = this.#strings.loading ?? '';
    const pagefind = await this.#load();
    const sort = this.querySelector('select')!.value;
    const filters = this.#filters();
    const search = await pagefind.debouncedSearch(query, { filters, sort: sort ? { date: 'desc' } : undefined }, 150);
    if (!search) return; // superseded by a newer keystroke
    const [results, counts] = await Promise.all([
      Promise.all(search.results.slice(0, 20).map((r) => r.data())),
      this.#counts(pagefind, query, search, filters),
    ]);
    if (run !== this.#run) return; // a newer search has started meanwhile
    this.#showCounts(counts);
    list.replaceChildren(...results.map((r) => this.#item(r)));
    const template = results.length ? this.#strings.results : this.#strings.noResults;
    status.textContent = (template ?? '').replace('{{count}}', String(search.results.length)).replace('{{query}}', query);
  }

  #item(result: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const title = document.createElement('a');
    title.href = result.url;
    title.className = 'search-title';
    title.textContent = result.meta.title ?? result.url;
    const meta = document.createElement('p');
    meta.className = 'card-meta';
    meta.textContent = [result.meta.section, result.meta.date].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
    excerpt.innerHTML = result.excerpt;
    li.append(title, meta, excerpt);
    const subs = result.sub_results.filter((s) => s.url !== result.url && s.url.includes('#')).slice(0, 3);
    if (subs.length) {
      const ul = document.createElement('ul');
      for (const sub of subs) {
        const item = document.createElement('li');
        const a = document.createElement('a');
        a.href = sub.url;
        a.textContent = sub.title;
        item.append(a);
        ul.append(item);
      }
      li.append(ul);
    }
    return li;
  }
}

if (!customElements.get('cittc-search')) customElements.define('cittc-search', Search);
