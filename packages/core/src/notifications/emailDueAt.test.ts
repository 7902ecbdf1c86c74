import { describe, expect, it } from 'vitest';
import { emailDueAt, isTimeZone } from './emailDueAt';

const utc = { batchMs: 60_000, digestHour: 8, timeZone: 'UTC' };
const at = (iso: string) => Date.parse(iso);

describe('emailDueAt', () => {
  it('sends instant email once the batching window after the oldest is over', () => {
    expect(emailDueAt(at('2026-03-04T10:00:00Z'), 'instant', utc)).toBe(at('2026-03-04T10:01:00Z'));
  });

  it('sends the daily digest at the next digest hour, the same day or the next', () => {
    expect(emailDueAt(at('2026-03-04T07:59:00Z'), 'daily', utc)).toBe(at('2026-03-04T08:00:00Z'));
    expect(emailDueAt(at('2026-03-04T08:00:00Z'), 'daily', utc)).toBe(at('2026-03-05T08:00:00Z'));
    expect(emailDueAt(at('2026-03-04T23:30:00Z'), 'daily', utc)).toBe(at('2026-03-05T08:00:00Z'));
  });

  it('sends the weekly digest on the next Monday at the digest hour', () => {
    // 2026-03-04 is a Wednesday; 2026-03-09 a Monday.
    expect(emailDueAt(at('2026-03-04T10:00:00Z'), 'weekly', utc)).toBe(at('2026-03-09T08:00:00Z'));
    expect(emailDueAt(at('2026-03-09T07:00:00Z'), 'weekly', utc)).toBe(at('2026-03-09T08:00:00Z'));
    expect(emailDueAt(at('2026-03-09T08:30:00Z'), 'weekly', utc)).toBe(at('2026-03-16T08:00:00Z'));
  });

  it('reads the hour on the wall clock of the time zone, across daylight-saving changes', () => {
    const paris = { ...utc, timeZone: 'Europe/Paris' };
    // Winter: UTC+1.
    expect(emailDueAt(at('2026-03-04T10:00:00Z'), 'daily', paris)).toBe(at('2026-03-05T07:00:00Z'));
    // Summer time starts on 2026-03-29: 08:00 is then 06:00 UTC.
    expect(emailDueAt(at('2026-03-28T10:00:00Z'), 'daily', paris)).toBe(at('2026-03-29T06:00:00Z'));
    const newYork = { ...utc, timeZone: 'America/New_York', digestHour: 2 };
    // 02:00 does not exist on 2026-03-08 in New York: the digest goes just after the jump.
    expect(emailDueAt(at('2026-03-07T12:00:00Z'), 'daily', newYork)).toBe(
      at('2026-03-08T07:00:00Z'),
    );
  });

  it('knows time zones by their IANA names', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
