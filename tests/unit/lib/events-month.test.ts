import { describe, expect, it } from 'vitest';
import { addMonths, eventMonths, monthNeighbours, monthRange, type EventView } from '../../../src/lib/events';

describe('month arithmetic', () => {
  it('steps across year ends both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-05', 12)).toBe('2027-05');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });
});

describe('months of the month view', () => {
  const events = ['2027-03-28', '2026-05-20', '2027-06-07', '2026-11-30'];

  it('run from the first event to a year after the build when the build falls between the events', () => {
    const range = monthRange(events, '2026-12-03');
    expect(range[0]).toBe('2026-05');
    expect(range.at(-1)).toBe('2027-12');
    expect(range).toHaveLength(20);
    expect(range).toContain('2026-12');
  });

  it('start at the build month when every event is later, and reach the last event beyond a year', () => {
    const range = monthRange(['2028-02-01', '2026-07-15'], '2026-01-31');
    expect(range[0]).toBe('2026-01');
    expect(range.at(-1)).toBe('2028-02');
  });

  it('reach a year after the build when every event is past', () => {
    const range = monthRange(events, '2029-08-01');
    expect(range[0]).toBe('2026-05');
    expect(range.at(-1)).toBe('2030-08');
  });

  it('are the build month and the next twelve without events', () => {
    expect(monthRange([], '2026-12-31')).toEqual([
      '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06',
      '2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12',
    ]);
    expect(monthRange([], '2026-12-31', 2)).toEqual(['2026-12', '2027-01', '2027-02']);
  });

  it('have no gaps and no repeats', () => {
    const range = monthRange(events, '2026-12-03');
    for (let i = 1; i < range.length; i++) expect(addMonths(range[i - 1]!, 1)).toBe(range[i]);
  });
});

describe('previous and next month', () => {
  const range = ['2026-11', '2026-12', '2027-01'];

  it('are the neighbours in the range, across a year end', () => {
    expect(monthNeighbours(range, '2026-12')).toEqual({ prev: '2026-11', next: '2027-01' });
  });

  it('are missing at the ends of the range and outside it', () => {
    expect(monthNeighbours(range, '2026-11')).toEqual({ prev: undefined, next: '2026-12' });
    expect(monthNeighbours(range, '2027-01')).toEqual({ prev: '2026-12', next: undefined });
    expect(monthNeighbours(range, '2027-02')).toEqual({});
  });
});

describe('events by month', () => {
  const view = (date: string) => ({ date }) as unknown as EventView;
  const localDate = (v: EventView) => (v as unknown as { date: string }).date;

  it('puts each event on its day, keeps empty months of the range and drops events outside it', () => {
    const a = view('2027-03-28');
    const b = view('2027-03-28');
    const c = view('2027-05-14');
    const outside = view('2026-01-10');
    const months = eventMonths([a, outside, b, c], localDate, ['2027-03', '2027-04', '2027-05']);
    expect(months.map((m) => m.month)).toEqual(['2027-03', '2027-04', '2027-05']);
    expect([...months[0]!.byDay]).toEqual([['2027-03-28', [a, b]]]);
    expect(months[1]!.byDay.size).toBe(0);
    expect([...months[2]!.byDay]).toEqual([['2027-05-14', [c]]]);
  });
});
