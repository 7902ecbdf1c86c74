/**
 * Which of a page's sequence numbers a room document holds: every number up to `upTo`, and some
 * ranges above it (this process's own commits that overtook updates from other processes still
 * on their way). Only `upTo` may be folded into a snapshot: a snapshot must hold every update up
 * to the number it is stored with.
 */
export class AppliedSeqs {
  #upTo: number;
  /** Ranges above `upTo + 1`, disjoint, in no particular order; few, so a list will do. */
  #ahead: { first: number; last: number }[] = [];

  constructor(upTo = 0) {
    this.#upTo = upTo;
  }

  /** Every update up to this number is applied. */
  get upTo(): number {
    return this.#upTo;
  }

  /** Whether some update below an applied one is missing. */
  get hasGap(): boolean {
    return this.#ahead.length > 0;
  }

  /** Whether every update in `first..last` is applied. */
  holds(first: number, last: number): boolean {
    if (last <= this.#upTo) return true;
    return this.#ahead.some(
      (range) => range.first <= Math.max(first, this.#upTo + 1) && last <= range.last,
    );
  }

  /** `first..last` were applied. */
  add(first: number, last: number): void {
    if (last <= this.#upTo) return;
    this.#ahead.push({ first: Math.max(first, this.#upTo + 1), last });
    this.#advance();
  }

  /** Everything up to `seq` was applied (read from the store). */
  addUpTo(seq: number): void {
    this.add(1, seq);
  }

  #advance(): void {
    for (;;) {
      const next = this.#ahead.find((range) => range.first <= this.#upTo + 1);
      if (!next) return;
      this.#upTo = Math.max(this.#upTo, next.last);
      this.#ahead = this.#ahead.filter((range) => range.last > this.#upTo);
      for (const range of this.#ahead) range.first = Math.max(range.first, this.#upTo + 1);
    }
  }
}
