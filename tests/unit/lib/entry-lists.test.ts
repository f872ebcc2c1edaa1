import { describe, expect, it } from 'vitest';
import { monthWeeks } from '../../../src/lib/events';
import { filterCss, filterValue } from '../../../src/lib/filters';
import { paginate } from '../../../src/lib/entry-lists';

describe('lists', () => {
  it('paginate by ten, with at least one (possibly empty) page', () => {
    const pages = paginate(Array.from({ length: 23 }, (_, i) => i));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(pages[2]).toEqual([20, 21, 22]);
    expect(paginate([])).toEqual([[]]);
  });

  it('file filter values under their keyword key', () => {
    expect(filterValue('CN')).toBe('cn');
    expect(filterValue('Advanced manufacturing')).toBe('advanced-manufacturing');
    expect(filterValue('先进 材料')).toBe('先进-材料');
  });
});

describe('filter stylesheet', () => {
  it('hides the cards that do not carry the checked value, one rule per value', () => {
    const css = filterCss([{ name: 'type', values: ['webinar', 'forum', 'webinar'] }, { name: 'country', values: ['IT'] }]);
    expect(css.trim().split('\n')).toEqual([
      '.filterable:has(input[name="type"][value="forum"]:checked) .card:not([data-type~="forum"]) { display: none; }',
      '.filterable:has(input[name="type"][value="webinar"]:checked) .card:not([data-type~="webinar"]) { display: none; }',
      '.filterable:has(input[name="country"][value="it"]:checked) .card:not([data-country~="it"]) { display: none; }',
    ]);
  });
});

describe('month grid', () => {
  it('starts weeks on Monday and pads outside the month', () => {
    // March 2027 starts on a Monday and has 31 days: five weeks, the last with 3 days.
    const march = monthWeeks(2027, 3);
    expect(march).toHaveLength(5);
    expect(march[0]![0]).toBe('2027-03-01');
    expect(march[3]![6]).toBe('2027-03-28');
    expect(march[4]!.filter(Boolean)).toEqual(['2027-03-29', '2027-03-30', '2027-03-31']);
    // February 2026 starts on a Sunday.
    expect(monthWeeks(2026, 2)[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
  });
});
