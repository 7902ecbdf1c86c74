import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  applyTextDelta,
  createTextDelta,
  type NewRevision,
  type PendingEdits,
  type Revision,
  type RevisionKind,
  type RevisionStorageStats,
  type RevisionStore,
  type TextDeltaOp,
} from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

interface RevisionRow {
  id: string;
  page_id: string;
  number: number;
  kind: RevisionKind;
  name: string | null;
  note: string | null;
  title: string;
  content_hash: string;
  created_at: number;
  created_by: string | null;
  restored_from: string | null;
  contributors: string[];
}

interface StateRow {
  hash: string;
  base_hash: string | null;
  data: Buffer;
  chain_bytes: number;
  chain_length: number;
}

interface PendingRow {
  page_id: string;
  first_at: number;
  last_at: number;
  contributors: string[];
}

export interface PostgresRevisionStoreOptions {
  /**
   * A state is stored as a delta only while everything a read must inflate for it (its delta
   * chain) stays within this multiple of the state stored whole. Default 2.
   */
  readonly chainBudget?: number;
  /** …and while the chain is shorter than this. Default 100. */
  readonly maxChainLength?: number;
  /** Decoded states kept in memory (recent ones are the usual bases of the next). Default 16. */
  readonly cacheSize?: number;
}

const toRevision = (row: RevisionRow): Revision => ({
  id: row.id,
  pageId: row.page_id,
  number: row.number,
  kind: row.kind,
  name: row.name,
  note: row.note,
  title: row.title,
  createdAt: row.created_at,
  createdBy: row.created_by,
  restoredFrom: row.restored_from,
  contributors: [...row.contributors].sort(),
  contentHash: row.content_hash,
});

const toPending = (row: PendingRow): PendingEdits => ({
  pageId: row.page_id,
  firstAt: row.first_at,
  lastAt: row.last_at,
  contributors: row.contributors,
});

const selectRevision = `
  SELECT r.*, ARRAY(SELECT c.user_id FROM page_revision_contributors c
                    WHERE c.revision_id = r.id) AS contributors
  FROM page_revisions r`;

// Contributors in byte order, as SQLite's BINARY collation sorts them, whatever the database's
// default collation.
const selectPending = `
  SELECT p.page_id, p.first_at, p.last_at,
         ARRAY(SELECT c.user_id FROM revision_pending_contributors c
               WHERE c.page_id = p.page_id ORDER BY c.user_id COLLATE "C") AS contributors
  FROM revision_pending p`;

/** One state and every state it is a delta against, back to the one stored whole. */
const stateChainSql = `
  WITH RECURSIVE chain AS (
    SELECT hash, base_hash, data, chain_bytes, chain_length, 0 AS depth
    FROM revision_states WHERE page_id = $1 AND hash = $2
    UNION ALL
    SELECT s.hash, s.base_hash, s.data, s.chain_bytes, s.chain_length, chain.depth + 1
    FROM chain JOIN revision_states s ON s.page_id = $1 AND s.hash = chain.base_hash
  )
  SELECT hash, base_hash, data, chain_bytes, chain_length FROM chain ORDER BY depth`;

/**
 * `RevisionStore` on PostgreSQL (migration `0004_revisions.sql`). Each distinct state of a page
 * is stored once, deflated, either whole or as a delta against the state of the page's previous
 * revision, in the same format as the SQLite store. A revision is numbered and its state written
 * under a per-page lock, so processes sharing the database never race for a number.
 */
export class PostgresRevisionStore implements RevisionStore {
  readonly #db: PostgresDatabase;
  readonly #chainBudget: number;
  readonly #maxChainLength: number;
  readonly #cacheSize: number;
  /** States are named by their content hash, so a cached text never goes stale. */
  readonly #cache = new Map<string, string>();

  constructor(db: PostgresDatabase, options: PostgresRevisionStoreOptions = {}) {
    this.#db = db;
    this.#chainBudget = options.chainBudget ?? 2;
    this.#maxChainLength = options.maxChainLength ?? 100;
    this.#cacheSize = options.cacheSize ?? 16;
  }

  insertRevision(revision: NewRevision): Revision {
    return this.transaction(() => {
      this.#db.run(`SELECT pg_advisory_xact_lock(hashtextextended('lore.revisions:' || $1, 0))`, [
        revision.pageId,
      ]);
      const found = this.#db.one(
        'SELECT 1 AS found FROM revision_states WHERE page_id = $1 AND hash = $2',
        [revision.pageId, revision.contentHash],
      );
      if (!found) {
        const base = this.latestRevision(revision.pageId)?.contentHash ?? null;
        this.#writeState(revision.pageId, revision.contentHash, revision.contentText, base);
      }
      this.#db.run(
        `INSERT INTO page_revisions (id, page_id, number, kind, name, note, title, content_hash,
                                     created_at, created_by, restored_from)
         SELECT $1, $2, coalesce(max(number), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
         FROM page_revisions WHERE page_id = $2`,
        [
          revision.id,
          revision.pageId,
          revision.kind,
          revision.name,
          revision.note,
          revision.title,
          revision.contentHash,
          revision.createdAt,
          revision.createdBy,
          revision.restoredFrom,
        ],
      );
      this.#db.run(
        `INSERT INTO page_revision_contributors (revision_id, user_id)
         SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [revision.id, revision.contributors],
      );
      return this.findRevision(revision.id) as Revision;
    });
  }

  findRevision(id: string): Revision | null {
    const row = this.#db.one<RevisionRow>(`${selectRevision} WHERE r.id = $1`, [id]);
    return row ? toRevision(row) : null;
  }

  latestRevision(pageId: string): Revision | null {
    const row = this.#db.one<RevisionRow>(
      `${selectRevision} WHERE r.page_id = $1 ORDER BY r.number DESC LIMIT 1`,
      [pageId],
    );
    return row ? toRevision(row) : null;
  }

  listRevisions(pageId: string, options: { limit: number; beforeNumber?: number }): Revision[] {
    return this.#db
      .query<RevisionRow>(
        `${selectRevision} WHERE r.page_id = $1 AND r.number < $2::bigint ORDER BY r.number DESC LIMIT $3`,
        [pageId, options.beforeNumber ?? Number.MAX_SAFE_INTEGER, options.limit],
      )
      .map(toRevision);
  }

  updateRevision(
    id: string,
    changes: { readonly name?: string | null; readonly note?: string | null },
  ): Revision | null {
    this.#db.run(
      `UPDATE page_revisions
       SET name = CASE WHEN $2 THEN $3 ELSE name END,
           note = CASE WHEN $4 THEN $5 ELSE note END
       WHERE id = $1`,
      [
        id,
        changes.name !== undefined,
        changes.name ?? null,
        changes.note !== undefined,
        changes.note ?? null,
      ],
    );
    return this.findRevision(id);
  }

  readState(pageId: string, contentHash: string): string {
    const key = cacheKey(pageId, contentHash);
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#remember(key, cached);
      return cached;
    }
    // The whole chain in one round trip; the walk stops early at a state already decoded.
    const rows = this.#db.query<StateRow>(stateChainSql, [pageId, contentHash]);
    if (rows.length === 0) throw new Error(`No stored state ${contentHash} for page ${pageId}.`);
    const chain: StateRow[] = [];
    let text: string | null = null;
    for (const row of rows) {
      const known = this.#cache.get(cacheKey(pageId, row.hash));
      if (known !== undefined) {
        text = known;
        break;
      }
      chain.push(row);
    }
    const oldest = chain.at(-1);
    if (text === null && oldest?.base_hash != null) {
      throw new Error(`No stored state ${oldest.base_hash} for page ${pageId}.`);
    }
    for (const row of chain.reverse()) {
      const data = inflateRawSync(row.data).toString('utf8');
      text =
        row.base_hash === null
          ? data
          : applyTextDelta(text ?? '', JSON.parse(data) as TextDeltaOp[]);
    }
    this.#remember(key, text ?? '');
    return text ?? '';
  }

  recordEdit(pageId: string, userId: string | null, at: number): void {
    // One statement: the pending row and its contributor are written together.
    this.#db.run(
      `WITH pending AS (
         INSERT INTO revision_pending AS p (page_id, first_at, last_at) VALUES ($1, $2, $2)
         ON CONFLICT (page_id) DO UPDATE SET last_at = greatest(p.last_at, excluded.last_at)
         RETURNING page_id
       )
       INSERT INTO revision_pending_contributors (page_id, user_id)
       SELECT page_id, $3::text FROM pending WHERE $3::text IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [pageId, at, userId],
    );
  }

  pendingEdits(pageId: string): PendingEdits | null {
    const row = this.#db.one<PendingRow>(`${selectPending} WHERE p.page_id = $1`, [pageId]);
    return row ? toPending(row) : null;
  }

  listPendingEdits(): PendingEdits[] {
    return this.#db
      .query<PendingRow>(`${selectPending} ORDER BY p.last_at, p.page_id COLLATE "C"`)
      .map(toPending);
  }

  clearPendingEdits(pageId: string): void {
    this.#db.run('DELETE FROM revision_pending WHERE page_id = $1', [pageId]);
  }

  recordClientAuthors(pageId: string, clientIds: readonly number[], userId: string): void {
    if (clientIds.length === 0) return;
    this.#db.run(
      `INSERT INTO page_client_authors (page_id, client_id, user_id)
       SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT DO NOTHING`,
      [pageId, clientIds.map(String), userId],
    );
  }

  clientAuthors(pageId: string): Map<number, string> {
    return new Map(
      this.#db
        .query<{ client_id: number; user_id: string }>(
          'SELECT client_id, user_id FROM page_client_authors WHERE page_id = $1',
          [pageId],
        )
        .map((row) => [row.client_id, row.user_id] as const),
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }

  storageStats(pageId: string): RevisionStorageStats {
    const row = this.#db.one<{ revisions: number; states: number; stored: number; text: number }>(
      `SELECT (SELECT count(*) FROM page_revisions WHERE page_id = $1) AS revisions,
              count(*) AS states, coalesce(sum(octet_length(data)), 0)::bigint AS stored,
              coalesce(sum(text_bytes), 0)::bigint AS text
       FROM revision_states WHERE page_id = $1`,
      [pageId],
    );
    return {
      revisions: row?.revisions ?? 0,
      states: row?.states ?? 0,
      storedBytes: row?.stored ?? 0,
      textBytes: row?.text ?? 0,
    };
  }

  #writeState(pageId: string, hash: string, text: string, baseHash: string | null): void {
    const whole = deflateRawSync(Buffer.from(text, 'utf8'));
    let stored = {
      baseHash: null as string | null,
      data: whole,
      chainBytes: whole.length,
      chainLength: 0,
    };
    const base =
      baseHash === null
        ? null
        : this.#db.one<{ chain_bytes: number; chain_length: number }>(
            `SELECT chain_bytes, chain_length FROM revision_states
             WHERE page_id = $1 AND hash = $2`,
            [pageId, baseHash],
          );
    if (baseHash !== null && base && base.chain_length + 1 < this.#maxChainLength) {
      const baseText = this.readState(pageId, baseHash);
      const ops = createTextDelta(baseText, text);
      const delta = deflateRawSync(Buffer.from(JSON.stringify(ops), 'utf8'));
      const chainBytes = base.chain_bytes + delta.length;
      if (
        delta.length < whole.length &&
        chainBytes <= this.#chainBudget * whole.length &&
        applyTextDelta(baseText, ops) === text
      ) {
        stored = { baseHash, data: delta, chainBytes, chainLength: base.chain_length + 1 };
      }
    }
    this.#db.run(
      `INSERT INTO revision_states (page_id, hash, base_hash, data, text_bytes, chain_bytes,
                                    chain_length)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        pageId,
        hash,
        stored.baseHash,
        stored.data,
        Buffer.byteLength(text, 'utf8'),
        stored.chainBytes,
        stored.chainLength,
      ],
    );
    this.#remember(cacheKey(pageId, hash), text);
  }

  #remember(key: string, text: string): void {
    this.#cache.delete(key);
    this.#cache.set(key, text);
    while (this.#cache.size > this.#cacheSize) {
      const oldest = this.#cache.keys().next().value;
      if (oldest === undefined) break;
      this.#cache.delete(oldest);
    }
  }
}

const cacheKey = (pageId: string, hash: string) => `${pageId}\u0000${hash}`;
