import { describe, expect, it } from 'vitest';
import { formatEditTime } from './formatEditTime';

describe('formatEditTime', () => {
  const now = new Date(2026, 2, 10, 15, 0);

  it('says today, yesterday or the date, with the time', () => {
    expect(formatEditTime(new Date(2026, 2, 10, 9, 5).toISOString(), now, 'en-GB')).toBe(
      'today at 09:05',
    );
    expect(formatEditTime(new Date(2026, 2, 9, 23, 59).toISOString(), now, 'en-GB')).toBe(
      'yesterday at 23:59',
    );
    expect(formatEditTime(new Date(2026, 1, 3, 17, 40).toISOString(), now, 'en-GB')).toBe(
      'on 3 Feb 2026 at 17:40',
    );
  });

  it('gives nothing for a timestamp it cannot read', () => {
    expect(formatEditTime('not a date', now)).toBe('');
  });
});
