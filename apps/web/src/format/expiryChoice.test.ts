import { describe, expect, it } from 'vitest';
import { expiryFromChoice, tomorrowDate } from './expiryChoice';

const now = new Date(2030, 4, 10, 15, 30);

describe('expiryFromChoice', () => {
  it('counts days from now, and gives null for never', () => {
    expect(expiryFromChoice({ kind: 'days', days: 7 }, now)).toBe(
      new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    );
    expect(expiryFromChoice({ kind: 'never' }, now)).toBeNull();
  });

  it('takes a date as the end of that day, local time, and refuses past or missing dates', () => {
    expect(expiryFromChoice({ kind: 'date', date: '2030-05-12' }, now)).toBe(
      new Date(2030, 4, 12, 23, 59, 59).toISOString(),
    );
    expect(expiryFromChoice({ kind: 'date', date: '2030-05-10' }, now)).toBe(
      new Date(2030, 4, 10, 23, 59, 59).toISOString(),
    );
    expect(expiryFromChoice({ kind: 'date', date: '2030-05-09' }, now)).toBeUndefined();
    expect(expiryFromChoice({ kind: 'date', date: '' }, now)).toBeUndefined();
  });

  it('offers tomorrow as the first date, across a month end', () => {
    expect(tomorrowDate(now)).toBe('2030-05-11');
    expect(tomorrowDate(new Date(2030, 11, 31, 9))).toBe('2031-01-01');
  });
});
