export interface Size {
  bytes: number;
  gzip: number;
}
export interface AssetSize extends Size {
  /** URL paths of the files ("/_astro/x.css"). */
  files: string[];
}
export interface PageWeight {
  /** URL path of the page: "/it/news/", "/404.html". */
  path: string;
  /** File below dist: "it/news/index.html". */
  file: string;
  html: Size;
  css: AssetSize;
  js: AssetSize;
  /** gzip bytes of HTML + CSS. */
  htmlCss: number;
  /** gzip bytes of HTML + CSS + JS. */
  total: number;
  /** URL paths linked by the page that are not in dist. */
  missing: string[];
}
export interface Spread {
  median: number;
  p95: number;
  max: number;
}

export function pageWeights(
  distDir: string,
  options?: { level?: number; filter?: (file: string) => boolean },
): Promise<PageWeight[]>;
export function urlPathOf(file: string): string;
export function staticImports(code: string): string[];
export function percentile(values: number[], p: number): number;
export function summarizeWeights(records: PageWeight[]): Record<'html' | 'css' | 'js' | 'htmlCss' | 'total', Spread>;
