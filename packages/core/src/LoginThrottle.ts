import type { Clock } from './Clock';
import { RateLimitedError } from './DomainError';

export interface LoginThrottleOptions {
  readonly clock: Clock;
  /** Failures allowed before delays start. */
  readonly freeFailures: number;
  /** The first delay; each further failure doubles it. */
  readonly baseDelayMs: number;
  /** The longest delay. */
  readonly maxDelayMs: number;
  /** A key with no attempt for this long starts over. */
  readonly forgetAfterMs: number;
  /** Keys kept at most; the least recently used go first, so memory stays bounded. */
  readonly maxKeys?: number;
}

interface Entry {
  failures: number;
  lastAt: number;
  notBefore: number;
}

/**
 * Exponential backoff of sign-in attempts per key (an account, an address). Nobody is locked
 * out: after `freeFailures` failures each attempt has to wait, twice as long after each further
 * failure, up to `maxDelayMs`. An attempt counts as a failure from the moment it starts (so a
 * burst of parallel guesses cannot all slip in before the first one fails) and is taken back
 * with `succeeded`.
 */
export class LoginThrottle {
  readonly #options: LoginThrottleOptions;
  readonly #entries = new Map<string, Entry>();

  constructor(options: LoginThrottleOptions) {
    this.#options = options;
  }

  /** Throws `RateLimitedError` while `key` must wait; otherwise counts one attempt. */
  begin(key: string): void {
    const now = this.#options.clock.now();
    let entry = this.#entries.get(key);
    if (entry && now - entry.lastAt >= this.#options.forgetAfterMs) entry = undefined;
    if (entry && now < entry.notBefore) {
      throw new RateLimitedError(Math.max(1, Math.ceil((entry.notBefore - now) / 1000)));
    }
    const failures = (entry?.failures ?? 0) + 1;
    const over = failures - this.#options.freeFailures;
    const delay =
      over > 0
        ? Math.min(
            this.#options.maxDelayMs,
            this.#options.baseDelayMs * 2 ** Math.min(over - 1, 40),
          )
        : 0;
    this.#entries.delete(key);
    this.#entries.set(key, { failures, lastAt: now, notBefore: now + delay });
    this.#evict();
  }

  /** The attempt begun for `key` succeeded: forget the key's failures. */
  succeeded(key: string): void {
    this.#entries.delete(key);
  }

  /**
   * The attempt begun for `key` succeeded but the key is shared (an address): take back only
   * that attempt, keeping earlier failures.
   */
  takeBack(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    entry.failures -= 1;
    if (entry.failures <= this.#options.freeFailures) entry.notBefore = 0;
    if (entry.failures <= 0) this.#entries.delete(key);
  }

  #evict(): void {
    const maxKeys = this.#options.maxKeys ?? 100_000;
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= maxKeys) return;
      this.#entries.delete(key);
    }
  }
}
