import type { DueOptions, OutboxEntry, SearchOutbox, StaleEntry } from '@lore/core';
import type { Db } from '../openDatabase';

const sqlNow = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

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

/**
 * `SearchOutbox` on table `search_outbox`, filled by the search consumer of the event outbox
 * (and by the view counters' triggers). Times are SQLite's clock, like those triggers'.
 * Reading entries (`due`, `snapshot`) claims them, so the next mark bumps the version again.
 */
export class SqliteSearchOutbox implements SearchOutbox {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      mark: db.prepare<[string, number, number]>(
        `INSERT INTO search_outbox (page_id, first_at, changed_at, urgent, cascade)
         VALUES (?, ${sqlNow}, ${sqlNow}, ?, ?)
         ON CONFLICT (page_id) DO UPDATE SET
           changed_at = excluded.changed_at, urgent = max(urgent, excluded.urgent),
           cascade = max(cascade, excluded.cascade), version = version + 1, attempts = 0,
           retry_at = 0, claimed = 0`,
      ),
      markSpace: db.prepare<[string]>(
        `INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
         SELECT id, ${sqlNow}, ${sqlNow}, 1 FROM pages WHERE space_id = ?
         ON CONFLICT (page_id) DO UPDATE SET
           changed_at = excluded.changed_at, urgent = 1, version = version + 1, attempts = 0,
           retry_at = 0, claimed = 0`,
      ),
      cascade: db.prepare(
        `WITH RECURSIVE below (id) AS (
           SELECT p.id FROM pages p JOIN search_outbox o ON p.parent_id = o.page_id
           WHERE o.cascade = 1
           UNION
           SELECT p.id FROM pages p JOIN below b ON p.parent_id = b.id
         )
         INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
         SELECT id, ${sqlNow}, ${sqlNow}, 1 FROM below WHERE true
         ON CONFLICT (page_id) DO UPDATE SET
           urgent = 1, version = version + 1, attempts = 0, retry_at = 0`,
      ),
      clearCascade: db.prepare('UPDATE search_outbox SET cascade = 0 WHERE cascade = 1'),
      due: db.prepare<[number, number, number], EntryRow>(
        `SELECT page_id, version, attempts FROM search_outbox
         WHERE retry_at <= ${sqlNow}
           AND (urgent = 1 OR changed_at <= ${sqlNow} - ? OR first_at <= ${sqlNow} - ?)
         ORDER BY changed_at LIMIT ?`,
      ),
      claim: db.prepare<[string]>('UPDATE search_outbox SET claimed = 1 WHERE page_id = ?'),
      claimAll: db.prepare('UPDATE search_outbox SET claimed = 1'),
      done: db.prepare<[string, number]>(
        'DELETE FROM search_outbox WHERE page_id = ? AND version = ?',
      ),
      failed: db.prepare<[number, string, string, number]>(
        `UPDATE search_outbox SET attempts = attempts + 1, retry_at = ?, last_error = ?
         WHERE page_id = ? AND version = ?`,
      ),
      size: db.prepare<[], number>('SELECT count(*) FROM search_outbox').pluck(),
      all: db.prepare<[], EntryRow>('SELECT page_id, version, attempts FROM search_outbox'),
    };
  }

  mark(pageIds: readonly string[], stale: StaleEntry): void {
    this.#db.transaction(() => {
      for (const pageId of pageIds) {
        this.#statements.mark.run(pageId, stale.urgent ? 1 : 0, stale.cascade ? 1 : 0);
      }
    })();
  }

  markSpace(spaceId: string): void {
    this.#statements.markSpace.run(spaceId);
  }

  due(options: DueOptions): OutboxEntry[] {
    return this.#db.transaction(() => {
      this.#statements.cascade.run();
      this.#statements.clearCascade.run();
      const entries = this.#statements.due
        .all(options.quietMs, options.maxWaitMs, options.limit)
        .map(toEntry);
      // Read now: the next mark must bump the version (see migration 0011).
      for (const entry of entries) this.#statements.claim.run(entry.pageId);
      return entries;
    })();
  }

  done(entries: readonly OutboxEntry[]): void {
    this.#db.transaction(() => {
      for (const entry of entries) this.#statements.done.run(entry.pageId, entry.version);
    })();
  }

  failed(
    entries: readonly OutboxEntry[],
    error: string,
    retryAt: (attempts: number) => number,
  ): void {
    this.#db.transaction(() => {
      for (const entry of entries) {
        this.#statements.failed.run(
          retryAt(entry.attempts + 1),
          error.slice(0, 1000),
          entry.pageId,
          entry.version,
        );
      }
    })();
  }

  size(): number {
    return this.#statements.size.get() ?? 0;
  }

  snapshot(): OutboxEntry[] {
    return this.#db.transaction(() => {
      const entries = this.#statements.all.all().map(toEntry);
      this.#statements.claimAll.run();
      return entries;
    })();
  }
}
