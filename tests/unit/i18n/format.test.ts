import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../../../src/i18n/format';

describe('formatDate', () => {
  it('writes a calendar date in each locale’s long format', () => {
    expect(formatDate('2026-03-05', 'it')).toBe('5 marzo 2026');
    expect(formatDate('2026-03-05', 'zh')).toBe('2026年3月5日');
    expect(formatDate('2026-03-05', 'en')).toBe('5 March 2026');
  });

  it('keeps the same day whatever the time zone of the build machine', () => {
    expect(formatDate('2026-12-31', 'en')).toBe('31 December 2026');
    expect(formatDate(new Date(Date.UTC(2027, 0, 1)), 'it')).toBe('1 gennaio 2027');
  });

  it('rejects what is not a YYYY-MM-DD date', () => {
    expect(() => formatDate('05/03/2026', 'it')).toThrow(/not a YYYY-MM-DD date/);
  });
});

describe('formatDateTime and formatTime', () => {
  // 16:00 UTC on 5 March 2026: 17:00 in Rome (CET), 00:00 next day in Beijing.
  const instant = new Date(Date.UTC(2026, 2, 5, 16, 0));

  it('shows the wall-clock time of the zone asked for', () => {
    expect(formatTime(instant, 'it', 'Europe/Rome')).toBe('17:00');
    expect(formatTime(instant, 'zh', 'Asia/Shanghai')).toBe('00:00');
  });

  it('includes the date in the locale’s words and the zone', () => {
    const rome = formatDateTime(instant, 'it', 'Europe/Rome');
    expect(rome).toContain('5 marzo 2026');
    expect(rome).toContain('17:00');
    const beijing = formatDateTime(instant, 'zh', 'Asia/Shanghai');
    expect(beijing).toContain('2026年3月6日');
    expect(beijing).toContain('00:00');
  });
});
