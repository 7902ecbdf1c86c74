import type { Clock } from '../Clock';
import type { Timers } from './Timers';

export interface RevisionSchedulerOptions {
  readonly clock: Clock;
  readonly timers: Timers;
  /** A revision is taken once a page has had no edit for this long. */
  readonly idleMs: number;
  /** …and at the latest this long after the first edit since the last revision. */
  readonly maxMs: number;
  readonly capture: (pageId: string) => Promise<unknown>;
  readonly onError: (error: unknown, pageId: string) => void;
}

interface Period {
  firstAt: number;
  lastAt: number;
  dueAt: number;
  cancel: (() => void) | null;
}

/**
 * Decides when an editing period of a page becomes a revision: when edits pause for `idleMs`,
 * and at least every `maxMs` while they continue. One timer per page with edits pending; it is
 * not moved on every keystroke but re-armed when it fires early.
 */
export class RevisionScheduler {
  readonly #options: RevisionSchedulerOptions;
  readonly #periods = new Map<string, Period>();
  readonly #running = new Set<Promise<void>>();
  #stopped = false;

  constructor(options: RevisionSchedulerOptions) {
    this.#options = options;
  }

  /** The page was edited at `at`; `firstAt` starts its period when it has none yet. */
  touch(pageId: string, at: number = this.#options.clock.now(), firstAt: number = at): void {
    if (this.#stopped) return;
    let period = this.#periods.get(pageId);
    if (!period) {
      period = {
        firstAt: Math.min(firstAt, at),
        lastAt: at,
        dueAt: Number.POSITIVE_INFINITY,
        cancel: null,
      };
      this.#periods.set(pageId, period);
    }
    period.lastAt = Math.max(period.lastAt, at);
    const dueAt = this.#dueAt(period);
    if (period.cancel && period.dueAt <= dueAt) return;
    this.#arm(pageId, period, dueAt);
  }

  /** The page's pending edits were taken into a revision some other way. */
  forget(pageId: string): void {
    const period = this.#periods.get(pageId);
    period?.cancel?.();
    this.#periods.delete(pageId);
  }

  /** When the page's next automatic revision is due, if it has edits pending. */
  dueAt(pageId: string): number | null {
    const period = this.#periods.get(pageId);
    return period ? this.#dueAt(period) : null;
  }

  /** Cancels every timer and waits for captures already running. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const period of this.#periods.values()) period.cancel?.();
    this.#periods.clear();
    await Promise.all([...this.#running]);
  }

  /** Waits for the captures running now. */
  async idle(): Promise<void> {
    await Promise.all([...this.#running]);
  }

  #dueAt(period: Period): number {
    return Math.min(period.lastAt + this.#options.idleMs, period.firstAt + this.#options.maxMs);
  }

  #arm(pageId: string, period: Period, dueAt: number): void {
    period.cancel?.();
    period.dueAt = dueAt;
    period.cancel = this.#options.timers.schedule(
      () => this.#fire(pageId, period),
      dueAt - this.#options.clock.now(),
    );
  }

  #fire(pageId: string, period: Period): void {
    period.cancel = null;
    if (this.#stopped || this.#periods.get(pageId) !== period) return;
    const dueAt = this.#dueAt(period);
    if (this.#options.clock.now() < dueAt) {
      this.#arm(pageId, period, dueAt);
      return;
    }
    this.#periods.delete(pageId);
    const run = (async () => {
      try {
        await this.#options.capture(pageId);
      } catch (error) {
        this.#options.onError(error, pageId);
      }
    })();
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run));
  }
}
