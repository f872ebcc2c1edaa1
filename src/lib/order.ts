/**
 * Code-point order of strings (slugs, file paths, ISO dates, tags). Unlike localeCompare()
 * without a locale, it does not depend on the build machine's LANG / LC_ALL (Node takes its
 * default collation from them), so two machines build the same lists in the same order.
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
