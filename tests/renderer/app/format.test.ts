import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatStatedDate } from '../../../renderer/format';

// West of Greenwich, where midnight UTC is still the day before.
const tz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = tz;
});

describe('formatStatedDate', () => {
  it('reads a stated day as that day, in any time zone', () => {
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2023, 3, 24));
    expect(formatStatedDate('2023-04-24')).toBe(day);
  });

  it('keeps partial dates as written, and a full timestamp as the local day it was', () => {
    expect(formatStatedDate('2023')).toBe('2023');
    expect(formatStatedDate('2023-04')).toBe('2023-04');
    expect(formatStatedDate('2023-04-24T02:00:00.000Z')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2023, 3, 23)));
    expect(formatStatedDate('sometime')).toBe('sometime');
    expect(formatStatedDate('')).toBe('');
  });
});
