import type { Clock } from '../Clock';
import type { Timers } from './Timers';

interface Scheduled {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

/** A clock and timers that move only when told, for tests of time-driven behaviour. */
export class ManualClock implements Clock, Timers {
  #now: number;
  #order = 0;
  readonly #scheduled = new Set<Scheduled>();

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  schedule(run: () => void, delayMs: number): () => void {
    const entry: Scheduled = { at: this.#now + Math.max(0, delayMs), order: this.#order++, run };
    this.#scheduled.add(entry);
    return () => {
      this.#scheduled.delete(entry);
    };
  }

  /** Timers waiting to run. */
  get pending(): number {
    return this.#scheduled.size;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due at its own moment, in order,
   * and letting the asynchronous work each one starts settle before the next.
   */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      let next: Scheduled | undefined;
      for (const entry of this.#scheduled) {
        if (entry.at > until) continue;
        if (!next || entry.at < next.at || (entry.at === next.at && entry.order < next.order)) {
          next = entry;
        }
      }
      if (!next) break;
      this.#scheduled.delete(next);
      this.#now = Math.max(this.#now, next.at);
      next.run();
      await settle();
    }
    this.#now = until;
    await settle();
  }
}

const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
};
