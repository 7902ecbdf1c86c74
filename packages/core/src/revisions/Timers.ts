/** Delayed work as the domain sees it; tests pass a `ManualClock`. */
export interface Timers {
  /** Runs `run` after `delayMs`; returns a function that cancels it. */
  schedule(run: () => void, delayMs: number): () => void;
}

/** Real timers that never keep the process alive on their own. */
export const systemTimers: Timers = {
  schedule(run, delayMs) {
    const timer = setTimeout(run, Math.max(0, delayMs));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
