import { describe, expect, it } from 'vitest';
import { RateLimitedError } from './DomainError';
import { RateLimiter } from './RateLimiter';

describe('RateLimiter', () => {
  it('allows `limit` attempts per window, then reports when to retry', () => {
    let now = 0;
    const limiter = new RateLimiter({ clock: { now: () => now }, limit: 2, windowMs: 60_000 });
    limiter.hit('k');
    limiter.hit('k');
    now = 15_000;
    let error: unknown;
    try {
      limiter.hit('k');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(45);
    limiter.hit('other');
    now = 60_000;
    limiter.hit('k');
  });

  it('forgets a key on reset and bounds the number of keys it keeps', () => {
    const limiter = new RateLimiter({
      clock: { now: () => 0 },
      limit: 1,
      windowMs: 1000,
      maxKeys: 2,
    });
    limiter.hit('a');
    limiter.reset('a');
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c');
    // 'a' was evicted as the oldest, so it may try again.
    limiter.hit('a');
    expect(() => limiter.hit('c')).toThrow(RateLimitedError);
  });
});
