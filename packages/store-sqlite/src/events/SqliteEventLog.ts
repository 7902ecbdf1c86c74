import {
  type ContentChangeMark,
  contentChangedEvent,
  type DomainEvent,
  type DomainEventType,
  type EventLog,
  type NewDomainEvent,
} from '@lore/core';
import type { Db } from '../openDatabase';

interface EventRow {
  seq: number;
  type: string;
  page_id: string | null;
  space_id: string | null;
  actor_id: string | null;
  at: number;
  data: string;
}

interface MarkRow {
  page_id: string;
  first_at: number;
  last_at: number;
}

const toEvent = (row: EventRow): DomainEvent =>
  ({
    seq: row.seq,
    type: row.type as DomainEventType,
    pageId: row.page_id,
    spaceId: row.space_id,
    actorId: row.actor_id,
    at: row.at,
    data: JSON.parse(row.data),
  }) as DomainEvent;

/**
 * `EventLog` on the Lore database. `append` joins the caller's transaction (better-sqlite3 runs
 * statements in the open one), so an event is committed or rolled back with its change.
 * Listeners (`onAppend`) are told after each append, to wake consumers once the transaction is
 * over.
 */
export class SqliteEventLog implements EventLog {
  readonly #statements;
  readonly #emitTransaction;
  readonly #listeners: (() => void)[] = [];

  constructor(db: Db) {
    this.#statements = {
      insert: db.prepare<[string, string | null, string | null, string | null, number, string]>(
        `INSERT INTO domain_events (type, page_id, space_id, actor_id, at, data)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      after: db.prepare<[number, number], EventRow>(
        'SELECT * FROM domain_events WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
      one: db.prepare<[number], EventRow>('SELECT * FROM domain_events WHERE seq = ?'),
      // The last number given, even when retention removed that event.
      last: db
        .prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'domain_events'")
        .pluck(),
      due: db.prepare<[number, number, number], MarkRow>(
        `SELECT page_id, first_at, last_at FROM content_change_marks
         WHERE last_at <= ? OR first_at <= ? ORDER BY first_at LIMIT ?`,
      ),
      clearMark: db.prepare<[string, number]>(
        'DELETE FROM content_change_marks WHERE page_id = ? AND last_at = ?',
      ),
      prune: db.prepare<[number, number]>('DELETE FROM domain_events WHERE at < ? AND seq <= ?'),
      count: db.prepare<[], number>('SELECT count(*) FROM domain_events').pluck(),
    };
    this.#emitTransaction = db.transaction((mark: ContentChangeMark, at: number) => {
      if (this.#statements.clearMark.run(mark.pageId, mark.lastAt).changes === 0) return null;
      return this.#insert(contentChangedEvent(mark, at));
    });
  }

  /** Calls `listener` after every append (inside the writer's transaction: defer the work). */
  onAppend(listener: () => void): void {
    this.#listeners.push(listener);
  }

  append(event: NewDomainEvent): number {
    const seq = this.#insert(event);
    this.#appended();
    return seq;
  }

  readAfter(afterSeq: number, limit: number): DomainEvent[] {
    return this.#statements.after.all(afterSeq, limit).map(toEvent);
  }

  get(seq: number): DomainEvent | null {
    const row = this.#statements.one.get(seq);
    return row ? toEvent(row) : null;
  }

  lastSeq(): number {
    return this.#statements.last.get() ?? 0;
  }

  dueContentChanges(
    now: number,
    quietMs: number,
    maxWaitMs: number,
    limit: number,
  ): ContentChangeMark[] {
    return this.#statements.due.all(now - quietMs, now - maxWaitMs, limit).map((row) => ({
      pageId: row.page_id,
      firstAt: row.first_at,
      lastAt: row.last_at,
    }));
  }

  emitContentChanged(mark: ContentChangeMark, at: number): number | null {
    const seq = this.#emitTransaction.immediate(mark, at);
    if (seq !== null) this.#appended();
    return seq;
  }

  prune(before: number, upToSeq: number): number {
    return this.#statements.prune.run(before, upToSeq).changes;
  }

  count(): number {
    return this.#statements.count.get() ?? 0;
  }

  #appended(): void {
    for (const listener of this.#listeners) listener();
  }

  #insert(event: NewDomainEvent): number {
    const result = this.#statements.insert.run(
      event.type,
      event.pageId,
      event.spaceId,
      event.actorId,
      event.at,
      JSON.stringify(event.data),
    );
    return Number(result.lastInsertRowid);
  }
}
