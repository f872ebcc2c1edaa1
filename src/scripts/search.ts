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
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    q: string,
    o: Record<string, unknown>,
    ms: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const FILTER_ORDER = ['section', 'year', 'type', 'format', 'category', 'sector', 'ipStatus', 'partnership', 'tag'];

class Search extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #strings: Record<string, string> = {};
  #input!: HTMLInputElement;

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

  async #renderFilters(pagefind: Pagefind) {
    const available = await pagefind.filters();
    const box = this.querySelector<HTMLFieldSetElement>('.search-filters')!;
    for (const name of FILTER_ORDER.filter((n) => available[n])) {
      const group = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = this.#strings[name] ?? name;
      group.append(legend);
      for (const [value, count] of Object.entries(available[name]!).sort(([a], [b]) => a.localeCompare(b))) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.addEventListener('change', () => void this.#search());
        label.append(box, `${value} (${count})`);
        group.append(label);
      }
      box.append(group);
    }
    this.querySelector<HTMLElement>('.search-controls')!.hidden = false;
  }

  #filters(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const box of this.querySelectorAll<HTMLInputElement>('.search-filters input:checked')) {
      (out[box.name] ??= []).push(box.value);
    }
    return out;
  }

  async #search() {
    const query = this.#input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    const status = this.querySelector('.search-status')!;
    const list = this.querySelector('.search-results')!;
    if (!query) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    status.textContent = this.#strings.loading ?? '';
    const pagefind = await this.#load();
    const sort = this.querySelector('select')!.value;
    const search = await pagefind.debouncedSearch(query, { filters: this.#filters(), sort: sort ? { date: 'desc' } : undefined }, 150);
    if (!search) return; // superseded by a newer keystroke
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
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
