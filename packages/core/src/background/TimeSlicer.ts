/**
 * Shares the event loop between a process's sockets and its background work (event consumers,
 * search indexing). Background work is mostly synchronous store calls, so awaiting it never lets
 * a socket in: without slicing, a burst (every edited page becoming quiet at once) holds a
 * keystroke back for the whole burst. Background loops ask `pace()` between items; once the
 * background together has worked for a slice since the loop last ran, they continue in a later
 * turn, after the sockets had theirs. On SQLite a slice holds many items; on PostgreSQL, where a
 * store call is a round trip, a few.
 */
export class TimeSlicer {
  readonly #sliceMs: number;
  #sliceStart = Number.NEGATIVE_INFINITY;
  /** The turn in which the current slice began is over: the next work starts a fresh slice. */
  #turnOver = true;
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;

  /** `sliceMs`: the longest stretch of background work per turn of the event loop. */
  constructor(sliceMs = 2) {
    if (!(sliceMs > 0)) throw new RangeError('A slice must be longer than 0 ms.');
    this.#sliceMs = sliceMs;
  }

  /**
   * True once the background's work in this turn of the event loop took a slice. Work in a new
   * turn (nothing waiting) gets a fresh slice at once: a single event is handled as soon as it
   * is written, not one turn later.
   */
  get used(): boolean {
    if (this.#turnOver && this.#waiting.length === 0) this.#beginSlice();
    return performance.now() - this.#sliceStart >= this.#sliceMs;
  }

  #beginSlice(): void {
    this.#sliceStart = performance.now();
    this.#turnOver = false;
    setImmediate(() => {
      this.#turnOver = true;
    });
  }

  /**
   * Goes on at once while the slice lasts; else waits its turn. Each later turn of the event
   * loop hands a fresh slice to one waiting loop, first come first served, so that loops waiting
   * together do not all resume into one turn.
   */
  pace(): Promise<void> {
    if (!this.used) return Promise.resolve();
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#beginSlice();
      this.#waiting.shift()?.();
      if (this.#waiting.length > 0) this.#schedule();
    });
  }
}
