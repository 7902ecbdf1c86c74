import { ServiceBusyError } from './DomainError';

export interface ConcurrencyGateOptions {
  /** Pieces of work running at once. */
  readonly concurrency: number;
  /** Pieces of work allowed to wait; one more is refused with `ServiceBusyError`. */
  readonly maxQueue: number;
}

/**
 * Bounds expensive work (password hashing costs tens of MiB and ~100 ms each): at most
 * `concurrency` run at once, up to `maxQueue` wait their turn in order, the rest are refused at
 * once instead of piling up until the process runs out of memory.
 */
export class ConcurrencyGate {
  readonly #options: ConcurrencyGateOptions;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(options: ConcurrencyGateOptions) {
    this.#options = options;
  }

  /** How many run now and how many wait. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#options.concurrency) {
      if (this.#waiting.length >= this.#options.maxQueue) throw new ServiceBusyError();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next in line, so `running` never drops below the bound.
      if (next) next();
      else this.#running -= 1;
    }
  }
}
