import type { ConsumerState, DeadLetter } from './ConsumerState';

/** Consumer cursors and dead letters in memory, for tests. */
export class MemoryConsumerState implements ConsumerState {
  readonly #cursors = new Map<string, number>();
  readonly #letters = new Map<number, DeadLetter>();
  #nextId = 1;

  cursor(consumer: string): number {
    return this.#cursors.get(consumer) ?? 0;
  }

  setCursor(consumer: string, seq: number): boolean {
    this.#cursors.set(consumer, seq);
    return true;
  }

  /** One process holds this state, so every claim is granted. */
  claim(_consumer: string): boolean {
    return true;
  }

  release(_consumer: string): void {}

  cursors(): ReadonlyMap<string, number> {
    return new Map(this.#cursors);
  }

  addDeadLetter(letter: Omit<DeadLetter, 'id'>): DeadLetter {
    const existing = [...this.#letters.values()].find(
      (known) => known.consumer === letter.consumer && known.seq === letter.seq,
    );
    const stored: DeadLetter = { ...letter, id: existing?.id ?? this.#nextId++ };
    this.#letters.set(stored.id, stored);
    return stored;
  }

  listDeadLetters(consumer?: string): DeadLetter[] {
    return [...this.#letters.values()]
      .filter((letter) => consumer === undefined || letter.consumer === consumer)
      .sort((a, b) => a.seq - b.seq || a.id - b.id);
  }

  findDeadLetter(id: number): DeadLetter | null {
    return this.#letters.get(id) ?? null;
  }

  removeDeadLetter(id: number): void {
    this.#letters.delete(id);
  }

  updateDeadLetter(id: number, attempts: number, error: string, at: number): void {
    const letter = this.#letters.get(id);
    if (letter) this.#letters.set(id, { ...letter, attempts, error, at });
  }

  oldestDeadSeq(): number | null {
    const seqs = [...this.#letters.values()].map((letter) => letter.seq);
    return seqs.length === 0 ? null : Math.min(...seqs);
  }
}
