import type { Clock } from './Clock';
import { RateLimitedError } from './DomainError';

export interface RateLimiterOptions {
  readonly clock: Clock;
  /** Attempts allowed per key within the window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Keys kept at most; the oldest windows are dropped first so memory stays bounded. */
  readonly maxKeys?: number;
}

/** Fixed-window attempt counter per key (for example per client address or per email). */
export class RateLimiter {
  readonly #options: RateLimiterOptions;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimiterOptions) {
    this.#options = options;
  }

  /** Counts one attempt for `key`; throws `RateLimitedError` once the window's limit is spent. */
  hit(key: string): void {
    const now = this.#options.clock.now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.#options.windowMs) {
      this.#windows.delete(key);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
      this.#evict();
    }
    if (window.count >= this.#options.limit) {
      const retryAfterMs = window.start + this.#options.windowMs - now;
      throw new RateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    }
    window.count += 1;
  }

  /** Forgets a key, e.g. after a successful login. */
  reset(key: string): void {
    this.#windows.delete(key);
  }

  #evict(): void {
    const maxKeys = this.#options.maxKeys ?? 100_000;
    for (const key of this.#windows.keys()) {
      if (this.#windows.size <= maxKeys) return;
      this.#windows.delete(key);
    }
  }
}
