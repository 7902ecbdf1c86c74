import {
  type Clock,
  type DocumentLogStats,
  type DocumentStore,
  type StoredDocument,
  systemClock,
} from '@lore/core';
import type { Db } from '../openDatabase';

interface SnapshotRow {
  snapshot: Uint8Array;
  up_to_seq: number;
  state_vector: Uint8Array | null;
}

interface StatsRow {
  updates: number;
  update_bytes: number;
  max_seq: number | null;
}

export interface SqliteDocumentStoreOptions {
  /** Stamps `created_at`/`updated_at`; defaults to the system clock. */
  readonly clock?: Clock;
}

/**
 * `DocumentStore` on the Lore SQLite database (tables from migration 0002). Every write is one
 * IMMEDIATE transaction, so a batch of updates or a compaction is all-or-nothing and is never
 * interleaved with another connection's write to the same document.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #statements;
  readonly #loadTransaction;
  readonly #appendTransaction;
  readonly #compactTransaction;
  readonly #removeTransaction;

  constructor(db: Db, options: SqliteDocumentStoreOptions = {}) {
    this.#db = db;
    this.#clock = options.clock ?? systemClock;
    this.#statements = {
      snapshot: db.prepare<[string], SnapshotRow>(
        'SELECT snapshot, up_to_seq, state_vector FROM document_snapshots WHERE doc_id = ?',
      ),
      snapshotSeq: db
        .prepare<[string], number>('SELECT up_to_seq FROM document_snapshots WHERE doc_id = ?')
        .pluck(),
      maxLogSeq: db
        .prepare<[string], number | null>('SELECT max(seq) FROM document_updates WHERE doc_id = ?')
        .pluck(),
      tail: db
        .prepare<[string, number], Uint8Array>(
          'SELECT data FROM document_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
        )
        .pluck(),
      insert: db.prepare<[string, number, Uint8Array, number]>(
        'INSERT INTO document_updates (doc_id, seq, data, created_at) VALUES (?, ?, ?, ?)',
      ),
      upsertSnapshot: db.prepare<[string, Uint8Array, number, Uint8Array | null, number]>(
        `INSERT INTO document_snapshots (doc_id, snapshot, up_to_seq, state_vector, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET
           snapshot = excluded.snapshot, up_to_seq = excluded.up_to_seq,
           state_vector = excluded.state_vector, updated_at = excluded.updated_at`,
      ),
      deleteFolded: db.prepare<[string, number]>(
        'DELETE FROM document_updates WHERE doc_id = ? AND seq <= ?',
      ),
      logStats: db.prepare<[string], StatsRow>(
        `SELECT count(*) AS updates, coalesce(sum(length(data)), 0) AS update_bytes, max(seq) AS max_seq
         FROM document_updates WHERE doc_id = ?`,
      ),
      snapshotBytes: db
        .prepare<[string], number>(
          'SELECT length(snapshot) FROM document_snapshots WHERE doc_id = ?',
        )
        .pluck(),
      // The page's content changed, for the domain-event outbox (a page.content_changed once it
      // is quiet). Within 100 ms of the last mark a keystroke leaves it as it is: the consumer
      // reads the document when it handles the event, so it sees the skipped edits too.
      markChanged: db.prepare<[string, number, number]>(
        `INSERT INTO content_change_marks (page_id, first_at, last_at) VALUES (?, ?, ?)
         ON CONFLICT (page_id) DO UPDATE SET last_at = excluded.last_at
         WHERE excluded.last_at - content_change_marks.last_at >= 100`,
      ),
      deleteLog: db.prepare<[string]>('DELETE FROM document_updates WHERE doc_id = ?'),
      deleteSnapshot: db.prepare<[string]>('DELETE FROM document_snapshots WHERE doc_id = ?'),
    };

    this.#loadTransaction = db.transaction((docId: string): StoredDocument => {
      const snapshot = this.#statements.snapshot.get(docId);
      const snapshotSeq = snapshot?.up_to_seq ?? 0;
      return {
        snapshot: snapshot?.snapshot ?? null,
        snapshotSeq,
        snapshotStateVector: snapshot?.state_vector ?? null,
        updates: this.#statements.tail.all(docId, snapshotSeq),
        lastSeq: this.#lastSeq(docId),
      };
    });

    this.#appendTransaction = db.transaction(
      (docId: string, updates: readonly Uint8Array[]): number => {
        let seq = this.#lastSeq(docId);
        const now = this.#clock.now();
        for (const update of updates) {
          seq += 1;
          this.#statements.insert.run(docId, seq, update, now);
        }
        if (updates.length > 0) this.#statements.markChanged.run(docId, now, now);
        return seq;
      },
    );

    this.#compactTransaction = db.transaction(
      (
        docId: string,
        snapshot: Uint8Array,
        upToSeq: number,
        stateVector: Uint8Array | null,
      ): boolean => {
        const lastSeq = this.#lastSeq(docId);
        if (upToSeq > lastSeq) {
          throw new RangeError(
            `Cannot compact ${docId} up to ${upToSeq}: the log ends at ${lastSeq}.`,
          );
        }
        if (upToSeq <= (this.#statements.snapshotSeq.get(docId) ?? 0)) return false;
        this.#statements.upsertSnapshot.run(
          docId,
          snapshot,
          upToSeq,
          stateVector,
          this.#clock.now(),
        );
        this.#statements.deleteFolded.run(docId, upToSeq);
        return true;
      },
    );

    this.#removeTransaction = db.transaction((docId: string) => {
      this.#statements.deleteLog.run(docId);
      this.#statements.deleteSnapshot.run(docId);
    });
  }

  async load(docId: string): Promise<StoredDocument> {
    // A read transaction, so a compaction by another connection cannot slip between the two reads.
    return this.#loadTransaction.deferred(docId);
  }

  async append(docId: string, updates: readonly Uint8Array[]): Promise<number> {
    for (const update of updates) {
      if (!(update instanceof Uint8Array)) throw new TypeError('Updates must be Uint8Array.');
    }
    return this.#appendTransaction.immediate(docId, updates);
  }

  async compact(
    docId: string,
    snapshot: Uint8Array,
    upToSeq: number,
    stateVector?: Uint8Array,
  ): Promise<boolean> {
    if (!(snapshot instanceof Uint8Array)) throw new TypeError('A snapshot must be a Uint8Array.');
    if (stateVector !== undefined && !(stateVector instanceof Uint8Array)) {
      throw new TypeError('A state vector must be a Uint8Array.');
    }
    return this.#compactTransaction.immediate(docId, snapshot, upToSeq, stateVector ?? null);
  }

  async stats(docId: string): Promise<DocumentLogStats> {
    return this.#db.transaction((): DocumentLogStats => {
      const log = this.#statements.logStats.get(docId);
      const snapshotSeq = this.#statements.snapshotSeq.get(docId) ?? 0;
      return {
        updates: log?.updates ?? 0,
        updateBytes: log?.update_bytes ?? 0,
        snapshotBytes: this.#statements.snapshotBytes.get(docId) ?? 0,
        snapshotSeq,
        lastSeq: Math.max(log?.max_seq ?? 0, snapshotSeq),
      };
    })();
  }

  async remove(docId: string): Promise<void> {
    this.#removeTransaction.immediate(docId);
  }

  /** Sequence numbers continue after the snapshot even when compaction emptied the log. */
  #lastSeq(docId: string): number {
    return Math.max(
      this.#statements.maxLogSeq.get(docId) ?? 0,
      this.#statements.snapshotSeq.get(docId) ?? 0,
    );
  }
}
