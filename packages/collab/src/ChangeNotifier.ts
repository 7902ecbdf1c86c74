interface Pending {
  timer: NodeJS.Timeout;
  /** When the first change since the last run came (`performance.now()`). */
  firstAt: number;
  /** When the latest one came. */
  lastAt: number;
}

/**
 * Debounces "this document changed" per document: the listener runs once the document has been
 * quiet for `delayMs`, and at least every `maxWaitMs` while edits keep coming, so derived data
 * (titles, search) follows a busy page without running on every keystroke. A change only records
 * its time: the document's one timer is not moved on every keystroke but re-armed when it fires
 * before the document has been quiet long enough.
 */
export class ChangeNotifier {
  readonly #listener: ((docId: string) => void | Promise<void>) | undefined;
  readonly #delayMs: number;
  readonly #maxWaitMs: number;
  readonly #onError: (error: unknown, docId: string) => void;
  readonly #pending = new Map<string, Pending>();
  readonly #running = new Set<Promise<void>>();

  constructor(options: {
    listener: ((docId: string) => void | Promise<void>) | undefined;
    delayMs: number;
    maxWaitMs: number;
    onError: (error: unknown, docId: string) => void;
  }) {
    this.#listener = options.listener;
    this.#delayMs = options.delayMs;
    this.#maxWaitMs = Math.max(options.maxWaitMs, options.delayMs);
    this.#onError = options.onError;
  }

  schedule(docId: string): void {
    if (!this.#listener) return;
    const now = performance.now();
    const pending = this.#pending.get(docId);
    if (pending) {
      pending.lastAt = now;
      return;
    }
    this.#pending.set(docId, { timer: this.#arm(docId, this.#delayMs), firstAt: now, lastAt: now });
  }

  #arm(docId: string, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.#fire(docId), Math.max(0, delayMs));
    timer.unref();
    return timer;
  }

  #fire(docId: string): void {
    const pending = this.#pending.get(docId);
    if (!pending) return;
    const dueAt = Math.min(pending.lastAt + this.#delayMs, pending.firstAt + this.#maxWaitMs);
    const now = performance.now();
    if (dueAt > now) {
      pending.timer = this.#arm(docId, dueAt - now);
      return;
    }
    void this.flush(docId);
  }

  /** Runs the listener now when a notification for `docId` is pending. */
  async flush(docId: string): Promise<void> {
    const pending = this.#pending.get(docId);
    if (!pending || !this.#listener) return;
    clearTimeout(pending.timer);
    this.#pending.delete(docId);
    const listener = this.#listener;
    const run = (async () => {
      try {
        await listener(docId);
      } catch (error) {
        this.#onError(error, docId);
      }
    })();
    this.#running.add(run);
    try {
      await run;
    } finally {
      this.#running.delete(run);
    }
  }

  /** Runs every pending notification and waits for every listener still running. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.#pending.keys()].map((docId) => this.flush(docId)));
    await Promise.all([...this.#running]);
  }
}
