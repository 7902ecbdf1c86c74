import {
  type ContentChangeMark,
  contentChangedEvent,
  type DomainEvent,
  type DomainEventType,
  type EventLog,
  type NewDomainEvent,
} from '@lore/core';
import { advisoryLocks } from '../advisoryLocks';
import type { PostgresDatabase } from '../PostgresDatabase';

interface EventRow {
  seq: number;
  type: string;
  page_id: string | null;
  space_id: string | null;
  actor_id: string | null;
  at: number;
  data: unknown;
}

interface MarkRow {
  page_id: string;
  first_at: number;
  last_at: number;
}

/** The channel `append` notifies on commit; `PostgresEventListener` listens to it. */
export const eventChannel = 'lore_domain_events';

/** Appends hold this transaction-scoped advisory lock until they commit. */
const appendLock = advisoryLocks.eventAppend;

const toEvent = (row: EventRow): DomainEvent =>
  ({
    seq: row.seq,
    type: row.type as DomainEventType,
    pageId: row.page_id,
    spaceId: row.space_id,
    actorId: row.actor_id,
    at: row.at,
    data: row.data,
  }) as DomainEvent;

/**
 * `EventLog` on PostgreSQL. `append` joins the caller's transaction, so an event is committed or
 * rolled back with its change.
 *
 * Several processes append at once, and a sequence hands out numbers when rows are inserted, not
 * when they are committed: a consumer could read number 11, move its cursor past it, and only
 * then see number 10 commit. So each append first takes a transaction-scoped advisory lock, held
 * until its transaction ends: numbers are given in commit order, and readers see no gaps that
 * fill in later. Writers should append as the last step of their transaction, which keeps the
 * lock short (and avoids waiting for it while holding row locks another appender needs).
 *
 * Each append also notifies `eventChannel`, which PostgreSQL delivers at commit; other processes
 * can wake their consumers with a `PostgresEventListener`. Listeners in this process
 * (`onAppend`) are told after each append.
 */
export class PostgresEventLog implements EventLog {
  readonly #db: PostgresDatabase;
  readonly #listeners: (() => void)[] = [];

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  /** Calls `listener` after every append (inside the writer's transaction: defer the work). */
  onAppend(listener: () => void): void {
    this.#listeners.push(listener);
  }

  append(event: NewDomainEvent): number {
    const seq = this.#db.transaction(() => this.#insert(event));
    this.#appended();
    return seq;
  }

  readAfter(afterSeq: number, limit: number): DomainEvent[] {
    return this.#db
      .query<EventRow>('SELECT * FROM domain_events WHERE seq > $1 ORDER BY seq LIMIT $2', [
        afterSeq,
        limit,
      ])
      .map(toEvent);
  }

  get(seq: number): DomainEvent | null {
    const row = this.#db.one<EventRow>('SELECT * FROM domain_events WHERE seq = $1', [seq]);
    return row ? toEvent(row) : null;
  }

  /**
   * The newest committed number, even when retention removed that event. (The sequence's own
   * last value would count appends not committed yet.)
   */
  lastSeq(): number {
    const row = this.#db.one<{ seq: number }>(
      `SELECT greatest((SELECT max(seq) FROM domain_events), pruned_through) AS seq
       FROM domain_event_log`,
    );
    return row?.seq ?? 0;
  }

  dueContentChanges(
    now: number,
    quietMs: number,
    maxWaitMs: number,
    limit: number,
  ): ContentChangeMark[] {
    return this.#db
      .query<MarkRow>(
        `SELECT page_id, first_at, last_at FROM content_change_marks
         WHERE last_at <= $1 OR first_at <= $2 ORDER BY first_at, page_id LIMIT $3`,
        [now - quietMs, now - maxWaitMs, limit],
      )
      .map((row) => ({ pageId: row.page_id, firstAt: row.first_at, lastAt: row.last_at }));
  }

  /**
   * Every process's dispatcher may try the same mark: the delete decides, since a second
   * delete waits for the first to commit and then finds nothing.
   */
  emitContentChanged(mark: ContentChangeMark, at: number): number | null {
    const seq = this.#db.transaction(() => {
      const cleared = this.#db.run(
        'DELETE FROM content_change_marks WHERE page_id = $1 AND last_at = $2',
        [mark.pageId, mark.lastAt],
      );
      if (cleared.rowCount === 0) return null;
      return this.#insert(contentChangedEvent(mark, at));
    });
    if (seq !== null) this.#appended();
    return seq;
  }

  prune(before: number, upToSeq: number): number {
    const row = this.#db.one<{ removed: number }>(
      `WITH gone AS (DELETE FROM domain_events WHERE at < $1 AND seq <= $2 RETURNING seq),
            kept AS (
              UPDATE domain_event_log
              SET pruned_through = greatest(pruned_through, (SELECT max(seq) FROM gone))
            )
       SELECT count(*)::integer AS removed FROM gone`,
      [before, upToSeq],
    );
    return row?.removed ?? 0;
  }

  count(): number {
    return this.#db.one<{ n: number }>('SELECT count(*)::integer AS n FROM domain_events')?.n ?? 0;
  }

  /**
   * Tells the `onAppend` listeners that events were appended elsewhere (another process, as a
   * `PostgresEventListener` hears it), so consumers wake as they do for this process's appends.
   */
  appendedElsewhere(): void {
    this.#appended();
  }

  #appended(): void {
    for (const listener of this.#listeners) listener();
  }

  #insert(event: NewDomainEvent): number {
    const [, inserted] = this.#db.batch([
      { sql: 'SELECT pg_advisory_xact_lock($1)', params: [appendLock] },
      {
        sql: `WITH added AS (
                INSERT INTO domain_events (type, page_id, space_id, actor_id, at, data)
                VALUES ($1, $2, $3, $4, $5, $6::jsonb)
                RETURNING seq
              )
              SELECT seq, pg_notify('${eventChannel}', seq::text) FROM added`,
        params: [
          event.type,
          event.pageId,
          event.spaceId,
          event.actorId,
          event.at,
          JSON.stringify(event.data),
        ],
      },
    ]);
    return Number(inserted?.rows[0]?.seq);
  }
}
