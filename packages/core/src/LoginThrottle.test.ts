import { describe, expect, it } from 'vitest';
import { RateLimitedError } from './DomainError';
import { LoginThrottle } from './LoginThrottle';

function throttle() {
  let now = 0;
  const limiter = new LoginThrottle({
    clock: { now: () => now },
    freeFailures: 3,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    forgetAfterMs: 60_000,
    maxKeys: 2,
  });
  return { limiter, advance: (ms: number) => (now += ms) };
}

const waitOf = (attempt: () => void): number | null => {
  try {
    attempt();
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return error.retryAfterSeconds;
    throw error;
  }
};

describe('LoginThrottle', () => {
  it('lets a few failures through, then doubles the wait up to its cap', () => {
    const { limiter, advance } = throttle();
    for (let i = 0; i < 3; i++) expect(waitOf(() => limiter.begin('k'))).toBeNull();
    // The fourth attempt starts the delays: 1 s, then 2, 4, 8, 8.
    expect(waitOf(() => limiter.begin('k'))).toBeNull();
    const waits: (number | null)[] = [];
    for (const expected of [1, 2, 4, 8, 8]) {
      waits.push(waitOf(() => limiter.begin('k')));
      advance(expected * 1000);
      expect(waitOf(() => limiter.begin('k'))).toBeNull();
    }
    expect(waits).toEqual([1, 2, 4, 8, 8]);
  });

  it('forgets a key after a success or after a quiet period, and keeps keys apart', () => {
    const { limiter, advance } = throttle();
    for (let i = 0; i < 4; i++) limiter.begin('a');
    expect(waitOf(() => limiter.begin('a'))).toBe(1);
    expect(waitOf(() => limiter.begin('b'))).toBeNull();
    limiter.succeeded('a');
    expect(waitOf(() => limiter.begin('a'))).toBeNull();
    for (let i = 0; i < 4; i++) limiter.begin('c');
    advance(60_000);
    expect(waitOf(() => limiter.begin('c'))).toBeNull();
  });

  it('takes back one attempt of a shared key', () => {
    const { limiter } = throttle();
    for (let i = 0; i < 4; i++) limiter.begin('address');
    limiter.takeBack('address');
    expect(waitOf(() => limiter.begin('address'))).toBeNull();
  });
});
