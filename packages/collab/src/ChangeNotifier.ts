interface Pending {
  timer: NodeJS.Timeout;
  firstAt: number;
}

/**
 * Debounces "this document changed" per document: the listener runs once the document has been
 * quiet for `delayMs`, and at least every `maxWaitMs` while edits keep coming, so derived data
 * (titles, search) follows a busy page without running on every keystroke.
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
    const now = Date.now();
    const pending = this.#pending.get(docId);
    if (pending) clearTimeout(pending.timer);
    const firstAt = pending?.firstAt ?? now;
    const wait = Math.min(this.#delayMs, firstAt + this.#maxWaitMs - now);
    const timer = setTimeout(() => void this.flush(docId), Math.max(0, wait));
    timer.unref();
    this.#pending.set(docId, { timer, firstAt });
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
