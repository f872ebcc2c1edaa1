/**
 * The identity of a free keyword (a tag, a sector written as free text) and its URL segment,
 * in any language and script: /zh/news/tags/汽车/, /it/news/tags/università/.
 *
 * Two spellings are one keyword when they differ only in:
 * - case ("AI", "ai");
 * - width or Unicode normalisation (full-width "ＡＩ", a decomposed "a" + U+0300 for "à"):
 *   NFKC folds both;
 * - the spaces and punctuation between words ("machine learning", "Machine-Learning",
 *   "machine/learning"): runs of anything but letters, marks and digits become one "-".
 *
 * So the key is the URL segment itself, and two different keywords never share a URL. Letters
 * of every script stay as they are (browsers percent-encode them on the wire, and show them
 * decoded in the address bar). A keyword with no letter or digit at all ("!!!") gets a key
 * made of its code points, so it still has a page of its own.
 */
export function termKey(value: string): string {
  const folded = value.normalize('NFKC').toLowerCase();
  const key = folded.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (key) return key;
  return `u-${[...folded.trim()].map((c) => c.codePointAt(0)!.toString(16)).join('-') || 'empty'}`;
}
