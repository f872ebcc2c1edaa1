import { termKey } from './term-key';

/** One group of a list filter: radio buttons over the values of a data attribute of the cards. */
export interface FilterGroup {
  /** The data attribute of the cards (data-<name>) and the radio group's name. */
  name: string;
  legend: string;
  options: { value: string; label: string }[];
}

/**
 * A value as it is written in data attributes and radio values: its keyword key (letters of any
 * script, digits and "-"; no spaces, so that `~=` matches whole values).
 */
export const filterValue = (value: string) => termKey(value);

/**
 * The CSS that makes list filters work without JavaScript or a server: when a radio of a
 * group is checked, cards whose data attribute does not contain that value are hidden.
 * One rule per group and value; the values come from the content at build time.
 */
export function filterCss(groups: { name: string; values: string[] }[]): string {
  const rules: string[] = [];
  for (const { name, values } of groups) {
    for (const value of [...new Set(values)].sort()) {
      const v = filterValue(value);
      rules.push(
        `.filterable:has(input[name="${name}"][value="${v}"]:checked) .card:not([data-${name}~="${v}"]) { display: none; }`,
      );
    }
  }
  return rules.join('\n') + '\n';
}
