import { randomUUID } from 'node:crypto';
import type { ConsumerState, DeadLetter, DomainEventType } from '@lore/core';
import { advisoryLocks } from '../advisoryLocks';
import type { PostgresDatabase } from '../PostgresDatabase';

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

/** The first key of every consumer's advisory lock; the second is the hash of its name. */
const claimLockClass = advisoryLocks.consumerClaim;

/**
 * `ConsumerState` on PostgreSQL: `event_cursors`, `event_dead_letters` and the claims.
 *
 * A claim is a session advisory lock per consumer: it needs no transaction (deliveries are
 * asynchronous, and a transaction cannot stay open across them on a shared connection), and
 * PostgreSQL ends it when the holder's connection closes, so a process that dies mid-batch hands
 * the consumer over (the dispatcher keeps a claim while it runs, and the others ask again every
 * second, so a claim costs no round trip per delivery). The holder also writes its name into `event_consumer_claims`, and a
 * holder saves its cursor only while that row still names it: a connection that was lost and
 * silently reopened has lost its lock, and learns it at its next save, after at most one event
 * delivered twice. Two names hashing alike only share a lock, which delays, never duplicates.
 * Use one instance per connection (locks are per connection, not per instance).
 */
export class PostgresConsumerState implements ConsumerState {
  readonly #db: PostgresDatabase;
  readonly #holder = randomUUID();
  readonly #held = new Set<string>();

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  cursor(consumer: string): number {
    return (
      this.#db.one<{ seq: number }>('SELECT seq FROM event_cursors WHERE consumer = $1', [consumer])
        ?.seq ?? 0
    );
  }

  setCursor(consumer: string, seq: number): boolean {
    if (!this.#held.has(consumer)) {
      this.#db.run(
        `INSERT INTO event_cursors (consumer, seq) VALUES ($1, $2)
         ON CONFLICT (consumer) DO UPDATE SET seq = excluded.seq`,
        [consumer, seq],
      );
      return true;
    }
    const saved = this.#db.run(
      `INSERT INTO event_cursors (consumer, seq)
       SELECT $1, $2 WHERE EXISTS (
         SELECT 1 FROM event_consumer_claims WHERE consumer = $1 AND holder = $3
       )
       ON CONFLICT (consumer) DO UPDATE SET seq = excluded.seq`,
      [consumer, seq, this.#holder],
    );
    if (saved.rowCount === 1) return true;
    this.#held.delete(consumer);
    return false;
  }

  cursors(): ReadonlyMap<string, number> {
    const rows = this.#db.query<{ consumer: string; seq: number }>(
      'SELECT consumer, seq FROM event_cursors ORDER BY consumer',
    );
    return new Map(rows.map((row) => [row.consumer, row.seq]));
  }

  claim(consumer: string): boolean {
    // Taking a session lock twice counts twice, and one release would then keep it.
    if (this.#held.has(consumer)) return true;
    // The lock is taken once (a volatile function in a CTE is evaluated once), and the row only
    // written when it was granted.
    const claimed = this.#db.run(
      `WITH locked AS (SELECT pg_try_advisory_lock($1, hashtext($2)) AS granted)
       INSERT INTO event_consumer_claims (consumer, holder, claimed_at)
       SELECT $2, $3, (extract(epoch FROM clock_timestamp()) * 1000)::bigint
       FROM locked WHERE granted
       ON CONFLICT (consumer) DO UPDATE
         SET holder = excluded.holder, claimed_at = excluded.claimed_at`,
      [claimLockClass, consumer, this.#holder],
    );
    if (claimed.rowCount === 0) return false;
    this.#held.add(consumer);
    return true;
  }

  release(consumer: string): void {
    if (!this.#held.delete(consumer)) return;
    this.#db.batch([
      {
        sql: 'DELETE FROM event_consumer_claims WHERE consumer = $1 AND holder = $2',
        params: [consumer, this.#holder],
      },
      { sql: 'SELECT pg_advisory_unlock($1, hashtext($2))', params: [claimLockClass, consumer] },
    ]);
  }

  addDeadLetter(letter: Omit<DeadLetter, 'id'>): DeadLetter {
    const row = this.#db.one<LetterRow>(
      `INSERT INTO event_dead_letters (consumer, seq, type, page_id, attempts, error, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (consumer, seq) DO UPDATE SET
         attempts = excluded.attempts, error = excluded.error, at = excluded.at
       RETURNING *`,
      [
        letter.consumer,
        letter.seq,
        letter.type,
        letter.pageId,
        letter.attempts,
        letter.error,
        letter.at,
      ],
    ) as LetterRow;
    return toLetter(row);
  }

  listDeadLetters(consumer?: string): DeadLetter[] {
    const rows =
      consumer === undefined
        ? this.#db.query<LetterRow>('SELECT * FROM event_dead_letters ORDER BY seq, id')
        : this.#db.query<LetterRow>(
            'SELECT * FROM event_dead_letters WHERE consumer = $1 ORDER BY seq, id',
            [consumer],
          );
    return rows.map(toLetter);
  }

  findDeadLetter(id: number): DeadLetter | null {
    const row = this.#db.one<LetterRow>('SELECT * FROM event_dead_letters WHERE id = $1', [id]);
    return row ? toLetter(row) : null;
  }

  removeDeadLetter(id: number): void {
    this.#db.run('DELETE FROM event_dead_letters WHERE id = $1', [id]);
  }

  updateDeadLetter(id: number, attempts: number, error: string, at: number): void {
    this.#db.run('UPDATE event_dead_letters SET attempts = $1, error = $2, at = $3 WHERE id = $4', [
      attempts,
      error,
      at,
      id,
    ]);
  }

  oldestDeadSeq(): number | null {
    return (
      this.#db.one<{ seq: number | null }>('SELECT min(seq) AS seq FROM event_dead_letters')?.seq ??
      null
    );
  }
}
