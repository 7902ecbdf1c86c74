import {
  type Clock,
  type DocumentLogStats,
  type DocumentStore,
  type StoredDocument,
  systemClock,
} from '@lore/core';
import type pg from 'pg';
import { postgresPoolTransaction } from '../postgresPoolTransaction';
import { postgresStoreError } from '../postgresStoreError';
import { postgresTypes } from '../postgresTypes';

export interface PostgresDocumentStoreOptions {
  /** Stamps `created_at`/`updated_at`; defaults to the system clock. */
  readonly clock?: Clock;
}

interface LoadRow {
  last_seq: number;
  snapshot: Buffer | null;
  up_to_seq: number | null;
  state_vector: Buffer | null;
  updates: Buffer[];
}

interface StatsRow {
  last_seq: number;
  snapshot_seq: number;
  snapshot_bytes: number;
  updates: number;
  update_bytes: number;
}

// One statement reads one snapshot of the database, so the snapshot, the tail after it and the
// head always agree, even while other processes append or compact.
const loadSql = `
  SELECT h.last_seq, s.snapshot, s.up_to_seq, s.state_vector,
         ARRAY(SELECT u.data FROM document_updates u
               WHERE u.doc_id = h.doc_id AND u.seq > coalesce(s.up_to_seq, 0)
               ORDER BY u.seq) AS updates
  FROM document_heads h LEFT JOIN document_snapshots s ON s.doc_id = h.doc_id
  WHERE h.doc_id = $1`;

// Taking the head row (insert or update) locks it until commit, which serializes appenders of
// one document across processes; the batch gets the numbers just below the new head. The
// content-change mark feeds the domain-event outbox (a page.content_changed once the page is
// quiet); within 100 ms of the last mark a keystroke leaves it as it is, since the consumer
// reads the document when it handles the event and so sees the skipped edits too.
const appendSql = `
  WITH head AS (
    INSERT INTO document_heads AS h (doc_id, last_seq) VALUES ($1, $2)
    ON CONFLICT (doc_id) DO UPDATE SET last_seq = h.last_seq + excluded.last_seq
    RETURNING last_seq
  ), stored AS (
    INSERT INTO document_updates (doc_id, seq, data, created_at)
    SELECT $1, head.last_seq - $2 + u.n, u.data, $3
    FROM head, unnest($4::bytea[]) WITH ORDINALITY AS u (data, n)
  ), marked AS (
    INSERT INTO content_change_marks AS m (page_id, first_at, last_at) VALUES ($1, $3, $3)
    ON CONFLICT (page_id) DO UPDATE SET last_at = excluded.last_at
    WHERE excluded.last_at - m.last_at >= 100
  )
  SELECT last_seq FROM head`;

// Several documents' batches in one statement and one commit: what arrived for different pages
// while earlier appends were in flight. Head rows are taken in document order, so two processes
// appending to overlapping documents lock them in the same order.
const appendManySql = `
  WITH input AS (
    SELECT i.doc_id, i.n FROM unnest($1::text[], $2::int[]) AS i (doc_id, n)
  ), head AS (
    INSERT INTO document_heads AS h (doc_id, last_seq)
    SELECT doc_id, n FROM input ORDER BY doc_id
    ON CONFLICT (doc_id) DO UPDATE SET last_seq = h.last_seq + excluded.last_seq
    RETURNING h.doc_id, h.last_seq
  ), stored AS (
    INSERT INTO document_updates (doc_id, seq, data, created_at)
    SELECT u.doc_id, head.last_seq - input.n + u.k, u.data, $3
    FROM unnest($4::text[], $5::int[], $6::bytea[]) AS u (doc_id, k, data)
    JOIN head ON head.doc_id = u.doc_id
    JOIN input ON input.doc_id = u.doc_id
  ), marked AS (
    INSERT INTO content_change_marks AS m (page_id, first_at, last_at)
    SELECT doc_id, $3, $3 FROM input ORDER BY doc_id
    ON CONFLICT (page_id) DO UPDATE SET last_at = excluded.last_at
    WHERE excluded.last_at - m.last_at >= 100
  )
  SELECT doc_id, last_seq FROM head`;

const lastSeqSql = 'SELECT last_seq FROM document_heads WHERE doc_id = $1';

/** Locks the document for compaction if no other transaction holds it; never waits. */
const compactLockSql = `SELECT pg_try_advisory_xact_lock(hashtextextended('lore.document.compact:' || $1, 0)) AS locked`;

const compactStateSql = `
  SELECT h.last_seq, coalesce(s.up_to_seq, 0) AS snapshot_seq
  FROM document_heads h LEFT JOIN document_snapshots s ON s.doc_id = h.doc_id
  WHERE h.doc_id = $1`;

// The WHERE keeps a snapshot from ever moving backwards, whatever the caller checked before.
const compactWriteSql = `
  WITH snapshot AS (
    INSERT INTO document_snapshots AS s (doc_id, snapshot, up_to_seq, state_vector, updated_at)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (doc_id) DO UPDATE SET
      snapshot = excluded.snapshot, up_to_seq = excluded.up_to_seq,
      state_vector = excluded.state_vector, updated_at = excluded.updated_at
    WHERE s.up_to_seq < excluded.up_to_seq
    RETURNING up_to_seq
  )
  DELETE FROM document_updates
  WHERE doc_id = $1 AND seq <= (SELECT up_to_seq FROM snapshot)`;

const statsSql = `
  SELECT h.last_seq, coalesce(s.up_to_seq, 0) AS snapshot_seq,
         coalesce(octet_length(s.snapshot), 0)::bigint AS snapshot_bytes,
         (SELECT count(*) FROM document_updates u WHERE u.doc_id = h.doc_id) AS updates,
         (SELECT coalesce(sum(octet_length(u.data)), 0)::bigint FROM document_updates u
          WHERE u.doc_id = h.doc_id) AS update_bytes
  FROM document_heads h LEFT JOIN document_snapshots s ON s.doc_id = h.doc_id
  WHERE h.doc_id = $1`;

const preparedNames = new Map([
  [loadSql, 'lore_document_load'],
  [appendSql, 'lore_document_append'],
  [appendManySql, 'lore_document_append_many'],
  [lastSeqSql, 'lore_document_last_seq'],
  [compactLockSql, 'lore_document_compact_lock'],
  [compactStateSql, 'lore_document_compact_state'],
  [compactWriteSql, 'lore_document_compact_write'],
  [statsSql, 'lore_document_stats'],
]);

/** One caller's batch for one document, waiting for the next commit. */
interface PendingAppend {
  readonly docId: string;
  readonly updates: readonly Buffer[];
  resolve(lastSeq: number): void;
  reject(error: unknown): void;
}

/** Commits in flight at once; the rest of the pool serves loads and compaction. */
const maxAppendsInFlight = 4;

const emptyDocument: StoredDocument = {
  snapshot: null,
  snapshotSeq: 0,
  snapshotStateVector: null,
  updates: [],
  lastSeq: 0,
};

/**
 * `DocumentStore` on PostgreSQL (tables from migration 0003), shared by every Lore process of a
 * cluster. It runs on an asynchronous `pg.Pool` rather than the synchronous `PostgresDatabase`:
 * appends are the hot path of editing, and on a pool they neither block the event loop for the
 * round trip nor queue behind the other stores' statements on one connection.
 *
 * Appends of one document are serialized by its head row, so numbers are gap-free and distinct
 * across processes; a batch is one statement, so one round trip and one transaction. Appends to
 * different documents are group-committed: while `maxAppendsInFlight` commits are under way,
 * what arrives for other documents waits and then goes in one statement, so a thousand typists
 * cost a few commits per turn rather than a thousand, and the pool never queues behind them. Compaction
 * of a document runs under an advisory lock taken without waiting: while one process folds a
 * document, a second one's compaction returns `false`.
 *
 * The pool belongs to the caller, who listens for its 'error' events (idle connections that
 * drop) and ends it after the store's last call.
 */
export class PostgresDocumentStore implements DocumentStore {
  readonly #pool: pg.Pool;
  readonly #clock: Clock;
  #pending: PendingAppend[] = [];
  #flushScheduled = false;
  #inFlight = 0;
  readonly #docsInFlight = new Set<string>();

  constructor(pool: pg.Pool, options: PostgresDocumentStoreOptions = {}) {
    this.#pool = pool;
    this.#clock = options.clock ?? systemClock;
  }

  async load(docId: string): Promise<StoredDocument> {
    const row = (await this.#query<LoadRow>(this.#pool, loadSql, [docId]))[0];
    if (!row) return emptyDocument;
    return {
      snapshot: row.snapshot,
      snapshotSeq: row.up_to_seq ?? 0,
      snapshotStateVector: row.state_vector,
      updates: row.updates,
      lastSeq: row.last_seq,
    };
  }

  async append(docId: string, updates: readonly Uint8Array[]): Promise<number> {
    for (const update of updates) {
      if (!(update instanceof Uint8Array)) throw new TypeError('Updates must be Uint8Array.');
    }
    if (updates.length === 0) {
      const rows = await this.#query<{ last_seq: number }>(this.#pool, lastSeqSql, [docId]);
      return rows[0]?.last_seq ?? 0;
    }
    return new Promise<number>((resolve, reject) => {
      // Copies, so that a caller reusing its buffers after the call cannot change what is sent.
      const copies = updates.map((update) => Buffer.from(update));
      this.#pending.push({ docId, updates: copies, resolve, reject });
      this.#scheduleFlush();
    });
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#inFlight >= maxAppendsInFlight) return;
    if (this.#pending.length === 0) return;
    this.#flushScheduled = true;
    // After the current turn: appends made in it go together.
    setImmediate(() => {
      this.#flushScheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#inFlight >= maxAppendsInFlight || this.#pending.length === 0) return;
    // One entry per document per commit, and none for a document whose commit is in flight: a
    // document's later batches wait, so its numbers follow the order of the calls.
    const batch: PendingAppend[] = [];
    const rest: PendingAppend[] = [];
    const taken = new Set<string>();
    for (const entry of this.#pending) {
      if (taken.has(entry.docId) || this.#docsInFlight.has(entry.docId)) rest.push(entry);
      else {
        taken.add(entry.docId);
        batch.push(entry);
      }
    }
    if (batch.length === 0) return;
    this.#pending = rest;
    this.#inFlight += 1;
    for (const docId of taken) this.#docsInFlight.add(docId);
    try {
      await this.#commit(batch);
    } finally {
      this.#inFlight -= 1;
      for (const docId of taken) this.#docsInFlight.delete(docId);
      this.#scheduleFlush();
    }
  }

  async #commit(batch: readonly PendingAppend[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const rows = await this.#query<{ doc_id: string; last_seq: number }>(
          this.#pool,
          appendManySql,
          [
            batch.map((entry) => entry.docId),
            batch.map((entry) => entry.updates.length),
            this.#clock.now(),
            batch.flatMap((entry) => entry.updates.map(() => entry.docId)),
            batch.flatMap((entry) => entry.updates.map((_, index) => index + 1)),
            batch.flatMap((entry) => entry.updates),
          ],
        );
        const lastSeqs = new Map(rows.map((row) => [row.doc_id, row.last_seq]));
        for (const entry of batch) entry.resolve(lastSeqs.get(entry.docId) ?? 0);
        return;
      } catch {
        // Nothing of the statement was committed. Each batch on its own, so that one that
        // cannot be stored fails alone (and one that can is stored).
      }
    }
    await Promise.all(
      batch.map(async (entry) => {
        try {
          const rows = await this.#query<{ last_seq: number }>(this.#pool, appendSql, [
            entry.docId,
            entry.updates.length,
            this.#clock.now(),
            entry.updates,
          ]);
          entry.resolve(rows[0]?.last_seq ?? 0);
        } catch (error) {
          entry.reject(error);
        }
      }),
    );
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
    return this.#transaction(async (client) => {
      const [lock] = await this.#query<{ locked: boolean }>(client, compactLockSql, [docId]);
      // Read after the lock is held: a compaction committed just before must be seen.
      const [state] = await this.#query<{ last_seq: number; snapshot_seq: number }>(
        client,
        compactStateSql,
        [docId],
      );
      const lastSeq = state?.last_seq ?? 0;
      if (upToSeq > lastSeq) {
        throw new RangeError(
          `Cannot compact ${docId} up to ${upToSeq}: the log ends at ${lastSeq}.`,
        );
      }
      if (!lock?.locked || upToSeq <= (state?.snapshot_seq ?? 0)) return false;
      await this.#query(client, compactWriteSql, [
        docId,
        Buffer.from(snapshot),
        upToSeq,
        stateVector === undefined ? null : Buffer.from(stateVector),
        this.#clock.now(),
      ]);
      return true;
    });
  }

  async stats(docId: string): Promise<DocumentLogStats> {
    const row = (await this.#query<StatsRow>(this.#pool, statsSql, [docId]))[0];
    return {
      updates: row?.updates ?? 0,
      updateBytes: row?.update_bytes ?? 0,
      snapshotBytes: row?.snapshot_bytes ?? 0,
      snapshotSeq: row?.snapshot_seq ?? 0,
      lastSeq: row?.last_seq ?? 0,
    };
  }

  async remove(docId: string): Promise<void> {
    await this.#query(this.#pool, 'DELETE FROM document_heads WHERE doc_id = $1', [docId]);
  }

  async #query<Row>(
    on: pg.Pool | pg.PoolClient,
    text: string,
    values: readonly unknown[],
  ): Promise<Row[]> {
    try {
      // The store's own statements are prepared once per connection.
      const name = preparedNames.get(text);
      const result = await on.query({ name, text, values: [...values], types: postgresTypes });
      return result.rows as Row[];
    } catch (error) {
      throw postgresStoreError(error);
    }
  }

  #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return postgresPoolTransaction(this.#pool, work);
  }
}
