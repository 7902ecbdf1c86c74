import type { ConsumerState, DeadLetter, DomainEventType } from '@lore/core';
import type { Db } from '../openDatabase';

interface LetterRow {
  id: number;
  consumer: string;
  seq: number;
  type: string;
  page_id: string | null;
  attempts: number;
  error: string;
  at: number;
}

const toLetter = (row: LetterRow): DeadLetter => ({
  id: row.id,
  consumer: row.consumer,
  seq: row.seq,
  type: row.type as DomainEventType,
  pageId: row.page_id,
  attempts: row.attempts,
  error: row.error,
  at: row.at,
});

/** `ConsumerState` on the Lore database: `event_cursors` and `event_dead_letters`. */
export class SqliteConsumerState implements ConsumerState {
  readonly #statements;

  constructor(db: Db) {
    this.#statements = {
      cursor: db
        .prepare<[string], number>('SELECT seq FROM event_cursors WHERE consumer = ?')
        .pluck(),
      setCursor: db.prepare<[string, number]>(
        `INSERT INTO event_cursors (consumer, seq) VALUES (?, ?)
         ON CONFLICT (consumer) DO UPDATE SET seq = excluded.seq`,
      ),
      cursors: db.prepare<[], { consumer: string; seq: number }>(
        'SELECT consumer, seq FROM event_cursors ORDER BY consumer',
      ),
      addLetter: db.prepare<
        [string, number, string, string | null, number, string, number],
        LetterRow
      >(
        `INSERT INTO event_dead_letters (consumer, seq, type, page_id, attempts, error, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (consumer, seq) DO UPDATE SET
           attempts = excluded.attempts, error = excluded.error, at = excluded.at
         RETURNING *`,
      ),
      letters: db.prepare<[], LetterRow>('SELECT * FROM event_dead_letters ORDER BY seq, id'),
      lettersOf: db.prepare<[string], LetterRow>(
        'SELECT * FROM event_dead_letters WHERE consumer = ? ORDER BY seq, id',
      ),
      letter: db.prepare<[number], LetterRow>('SELECT * FROM event_dead_letters WHERE id = ?'),
      removeLetter: db.prepare<[number]>('DELETE FROM event_dead_letters WHERE id = ?'),
      updateLetter: db.prepare<[number, string, number, number]>(
        'UPDATE event_dead_letters SET attempts = ?, error = ?, at = ? WHERE id = ?',
      ),
      oldest: db.prepare<[], number | null>('SELECT min(seq) FROM event_dead_letters').pluck(),
    };
  }

  cursor(consumer: string): number {
    return this.#statements.cursor.get(consumer) ?? 0;
  }

  setCursor(consumer: string, seq: number): boolean {
    this.#statements.setCursor.run(consumer, seq);
    return true;
  }

  /** One process opens an SQLite database, so every claim is granted. */
  claim(_consumer: string): boolean {
    return true;
  }

  release(_consumer: string): void {}

  cursors(): ReadonlyMap<string, number> {
    return new Map(this.#statements.cursors.all().map((row) => [row.consumer, row.seq]));
  }

  addDeadLetter(letter: Omit<DeadLetter, 'id'>): DeadLetter {
    const row = this.#statements.addLetter.get(
      letter.consumer,
      letter.seq,
      letter.type,
      letter.pageId,
      letter.attempts,
      letter.error,
      letter.at,
    ) as LetterRow;
    return toLetter(row);
  }

  listDeadLetters(consumer?: string): DeadLetter[] {
    const rows =
      consumer === undefined
        ? this.#statements.letters.all()
        : this.#statements.lettersOf.all(consumer);
    return rows.map(toLetter);
  }

  findDeadLetter(id: number): DeadLetter | null {
    const row = this.#statements.letter.get(id);
    return row ? toLetter(row) : null;
  }

  removeDeadLetter(id: number): void {
    this.#statements.removeLetter.run(id);
  }

  updateDeadLetter(id: number, attempts: number, error: string, at: number): void {
    this.#statements.updateLetter.run(attempts, error, at, id);
  }

  oldestDeadSeq(): number | null {
    return this.#statements.oldest.get() ?? null;
  }
}
