import { describe, expect, it } from 'vitest';
import { formatDateRange, formatPartialDate, parsePartialDate } from '../../../renderer/features/timeline/partial-date';

describe('partial dates', () => {
  it('reads a year, a month or a day as the whole period it names', () => {
    expect(parsePartialDate('2023')).toEqual({ iso: '2023', precision: 'year', start: Date.UTC(2023, 0, 1), end: Date.UTC(2024, 0, 1) });
    expect(parsePartialDate('2022-08')).toEqual({ iso: '2022-08', precision: 'month', start: Date.UTC(2022, 7, 1), end: Date.UTC(2022, 8, 1) });
    expect(parsePartialDate(' 2023-03-23 ')).toEqual({ iso: '2023-03-23', precision: 'day', start: Date.UTC(2023, 2, 23), end: Date.UTC(2023, 2, 24) });
    expect(parsePartialDate('2022-12')!.end).toBe(Date.UTC(2023, 0, 1));
  });

  it('refuses what is not an ISO date or not a real day', () => {
    for (const bad of ['', 'March 2023', '2023-13', '2023-02-29', '2023-04-31', '23-03-2023', '2023-3-1', '2023-03-23T10:00']) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
    expect(parsePartialDate('2024-02-29')).not.toBeNull();
  });

  it('shows a date as precisely as it was written, never padded', () => {
    expect(formatPartialDate(parsePartialDate('2022')!)).toBe('2022');
    expect(formatPartialDate(parsePartialDate('2022-08')!)).toBe('Aug 2022');
    expect(formatPartialDate(parsePartialDate('2023-03-23')!)).toBe('23 Mar 2023');
    expect(formatPartialDate(parsePartialDate('2023-05-02')!)).toBe('2 May 2023');
    expect(formatDateRange(parsePartialDate('2021-08')!, parsePartialDate('2022-08')!)).toBe('Aug 2021 – Aug 2022');
  });
});
