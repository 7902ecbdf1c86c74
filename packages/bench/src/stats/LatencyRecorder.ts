import { type LatencySummary, summarizeLatencies } from './summarizeLatencies';

/** Collects millisecond samples in a growable typed array (millions of samples stay cheap). */
export class LatencyRecorder {
  #samples: Float64Array;
  #count = 0;

  constructor(initialCapacity = 1 << 16) {
    this.#samples = new Float64Array(Math.max(16, initialCapacity));
  }

  get count(): number {
    return this.#count;
  }

  record(ms: number): void {
    if (this.#count === this.#samples.length) {
      const grown = new Float64Array(this.#samples.length * 2);
      grown.set(this.#samples);
      this.#samples = grown;
    }
    this.#samples[this.#count++] = ms;
  }

  summary(): LatencySummary {
    return summarizeLatencies(this.#samples.subarray(0, this.#count));
  }
}
