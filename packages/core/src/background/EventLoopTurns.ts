/**
 * Counts turns of the event loop while it runs, for tests of work that must yield: `current` is
 * the turn in progress, and tallies record how much work happened in each.
 */
export class EventLoopTurns {
  current = 0;
  readonly #work = new Map<number, number>();
  #ticking = true;

  constructor() {
    const tick = () => {
      this.current += 1;
      if (this.#ticking) setImmediate(tick);
    };
    setImmediate(tick);
  }

  /** One unit of work happened in the current turn. */
  tally(): void {
    this.#work.set(this.current, (this.#work.get(this.current) ?? 0) + 1);
  }

  /** Units of work per turn that had any. */
  get workPerTurn(): number[] {
    return [...this.#work.values()];
  }

  stop(): void {
    this.#ticking = false;
  }
}
