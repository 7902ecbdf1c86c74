import { randomUUID } from 'node:crypto';
import type { DueOptions, OutboxEntry, SearchOutbox, StaleEntry } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

/** The database's clock in ms: every process marks and leases by the same clock. */
const sqlNow = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

interface EntryRow {
  page_id: string;
  version: number;
  attempts: number;
}

const toEntry = (row: EntryRow): OutboxEntry => ({
  pageId: row.page_id,
  version: row.version,
  attempts: row.attempts,
});

export interface PostgresSearchOutboxOptions {
  /**
   * How long entries returned by `due` stay leased to this process before another may take
   * them (their indexer died before `done`/`failed`). Default 60 s.
   */
  readonly leaseMs?: number;
}

/**
 * `SearchOutbox` on table `search_outbox`, shared by every process's indexer. `due` leases what
 * it returns (skipping rows another process is leasing right now; its own leases it returns
 * again, as the SQLite store would), so two indexers never index one page at once, which could leave the older version in the index. A page marked again while
 * leased stays with its holder until `done` (which keeps the newer version and ends the lease)
 * or `failed`.
 */
export class PostgresSearchOutbox implements SearchOutbox {
  readonly #db: PostgresDatabase;
  readonly #holder = randomUUID();
  readonly #leaseMs: number;

  constructor(db: PostgresDatabase, options: PostgresSearchOutboxOptions = {}) {
    this.#db = db;
    this.#leaseMs = options.leaseMs ?? 60_000;
  }

  mark(pageIds: readonly string[], stale: StaleEntry): void {
    if (pageIds.length === 0) return;
    this.#db.run(
      `INSERT INTO search_outbox (page_id, first_at, changed_at, urgent, cascade)
       SELECT DISTINCT page_id, ${sqlNow}, ${sqlNow}, $2::boolean, $3::boolean
       FROM unnest($1::text[]) AS page_id
       ON CONFLICT (page_id) DO UPDATE SET
         changed_at = excluded.changed_at,
         urgent = search_outbox.urgent OR excluded.urgent,
         cascade = search_outbox.cascade OR excluded.cascade,
         version = search_outbox.version + 1, attempts = 0, retry_at = 0`,
      [pageIds, stale.urgent, stale.cascade],
    );
  }

  markSpace(spaceId: string): void {
    this.#db.run(
      `INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
       SELECT id, ${sqlNow}, ${sqlNow}, true FROM pages WHERE space_id = $1
       ON CONFLICT (page_id) DO UPDATE SET
         changed_at = excluded.changed_at, urgent = true, version = search_outbox.version + 1,
         attempts = 0, retry_at = 0`,
      [spaceId],
    );
  }

  due(options: DueOptions): OutboxEntry[] {
    return this.#db.transaction(() => {
      this.#cascade();
      return this.#db
        .query<EntryRow>(
          `WITH picked AS (
             SELECT page_id FROM search_outbox
             WHERE retry_at <= ${sqlNow} AND (claimed_until <= ${sqlNow} OR claimed_by = $4)
               AND (urgent OR changed_at <= ${sqlNow} - $1 OR first_at <= ${sqlNow} - $2)
             ORDER BY changed_at, page_id
             LIMIT $3
             FOR UPDATE SKIP LOCKED
           ),
           leased AS (
             UPDATE search_outbox o SET claimed_by = $4, claimed_until = ${sqlNow} + $5
             FROM picked WHERE o.page_id = picked.page_id
             RETURNING o.page_id, o.version, o.attempts, o.changed_at
           )
           SELECT page_id, version, attempts FROM leased ORDER BY changed_at, page_id`,
          [options.quietMs, options.maxWaitMs, options.limit, this.#holder, this.#leaseMs],
        )
        .map(toEntry);
    });
  }

  done(entries: readonly OutboxEntry[]): void {
    if (entries.length === 0) return;
    this.#db.transaction(() => {
      this.#db.batch([
        {
          sql: `DELETE FROM search_outbox o USING unnest($1::text[], $2::bigint[]) AS e (page_id, version)
                WHERE o.page_id = e.page_id AND o.version = e.version`,
          params: [entries.map((e) => e.pageId), entries.map((e) => String(e.version))],
        },
        // What changed again meanwhile is free for whichever indexer comes next.
        {
          sql: `UPDATE search_outbox SET claimed_by = NULL, claimed_until = 0
                WHERE page_id = ANY($1::text[]) AND claimed_by = $2`,
          params: [entries.map((e) => e.pageId), this.#holder],
        },
      ]);
    });
  }

  failed(
    entries: readonly OutboxEntry[],
    error: string,
    retryAt: (attempts: number) => number,
  ): void {
    if (entries.length === 0) return;
    this.#db.transaction(() => {
      this.#db.batch(
        entries.map((entry) => ({
          sql: `UPDATE search_outbox SET attempts = attempts + 1, retry_at = $1, last_error = $2,
                  claimed_by = CASE WHEN claimed_by = $5 THEN NULL ELSE claimed_by END,
                  claimed_until = CASE WHEN claimed_by = $5 THEN 0 ELSE claimed_until END
                WHERE page_id = $3 AND version = $4`,
          params: [
            retryAt(entry.attempts + 1),
            error.slice(0, 1000),
            entry.pageId,
            entry.version,
            this.#holder,
          ],
        })),
      );
    });
  }

  size(): number {
    return this.#db.one<{ n: number }>('SELECT count(*)::integer AS n FROM search_outbox')?.n ?? 0;
  }

  snapshot(): OutboxEntry[] {
    return this.#db
      .query<EntryRow>('SELECT page_id, version, attempts FROM search_outbox ORDER BY page_id')
      .map(toEntry);
  }

  /**
   * Adds the pages below every cascading entry. Clearing the flags first makes concurrent
   * indexers agree: a second one waits for the first's rows, then finds them cleared.
   */
  #cascade(): void {
    const cascading = this.#db
      .query<{ page_id: string }>(
        'UPDATE search_outbox SET cascade = false WHERE cascade RETURNING page_id',
      )
      .map((row) => row.page_id);
    if (cascading.length === 0) return;
    this.#db.run(
      `WITH RECURSIVE below (id) AS (
         SELECT p.id FROM pages p WHERE p.parent_id = ANY($1::text[])
         UNION
         SELECT p.id FROM pages p JOIN below b ON p.parent_id = b.id
       )
       INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
       SELECT id, ${sqlNow}, ${sqlNow}, true FROM below
       ON CONFLICT (page_id) DO UPDATE SET
         urgent = true, version = search_outbox.version + 1, attempts = 0, retry_at = 0`,
      [cascading],
    );
  }
}
