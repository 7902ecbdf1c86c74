import type { Clock } from '../Clock';

export interface PageViewCounterOptions {
  readonly clock: Clock;
  /** Stores one view of the page (the search index boosts often viewed pages). */
  readonly count: (pageId: string) => void;
  /** Opening the same page again within this time is not another view. Default 1 hour. */
  readonly windowMs?: number;
  /** Most (user, page) pairs remembered; older ones are forgotten first. Default 50,000. */
  readonly maxRemembered?: number;
}

/**
 * Counts page views for popularity: one per person and page per window, so reconnects, reloads
 * and a page left open in several tabs do not inflate a page's standing.
 */
export class PageViewCounter {
  readonly #clock: Clock;
  readonly #count: (pageId: string) => void;
  readonly #windowMs: number;
  readonly #maxRemembered: number;
  /** `user page` → when it was counted; Map order is insertion order, oldest first. */
  readonly #counted = new Map<string, number>();

  constructor(options: PageViewCounterOptions) {
    this.#clock = options.clock;
    this.#count = options.count;
    this.#windowMs = options.windowMs ?? 3_600_000;
    this.#maxRemembered = options.maxRemembered ?? 50_000;
  }

  /** Records that `userId` opened `pageId`; returns whether it counted as a new view. */
  record(userId: string, pageId: string): boolean {
    const now = this.#clock.now();
    const key = `${userId} ${pageId}`;
    const last = this.#counted.get(key);
    if (last !== undefined && now - last < this.#windowMs) return false;
    this.#counted.delete(key);
    this.#counted.set(key, now);
    while (this.#counted.size > this.#maxRemembered) {
      const oldest = this.#counted.keys().next().value;
      if (oldest === undefined) break;
      this.#counted.delete(oldest);
    }
    this.#count(pageId);
    return true;
  }
}
