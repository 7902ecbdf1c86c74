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
import type { Db } from '../openDatabase';

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
  contributors: string;
}

interface StateRow {
  base_hash: string | null;
  data: Buffer;
  chain_bytes: number;
  chain_length: number;
}

export interface SqliteRevisionStoreOptions {
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
  contributors: (JSON.parse(row.contributors) as string[]).sort(),
  contentHash: row.content_hash,
});

const selectRevision = `
  SELECT r.*, (SELECT json_group_array(user_id) FROM page_revision_contributors c
               WHERE c.revision_id = r.id) AS contributors
  FROM page_revisions r`;

/**
 * `RevisionStore` on the Lore SQLite database (migration `0005_revisions.sql`). Each distinct
 * state of a page is stored once, deflated, either whole or as a delta against the state of the
 * page's previous revision, so history grows with the amount of change rather than with the
 * page's size times its number of revisions.
 */
export class SqliteRevisionStore implements RevisionStore {
  readonly #db: Db;
  readonly #chainBudget: number;
  readonly #maxChainLength: number;
  readonly #cacheSize: number;
  readonly #cache = new Map<string, string>();
  readonly #statements;

  constructor(db: Db, options: SqliteRevisionStoreOptions = {}) {
    this.#db = db;
    this.#chainBudget = options.chainBudget ?? 2;
    this.#maxChainLength = options.maxChainLength ?? 100;
    this.#cacheSize = options.cacheSize ?? 16;
    this.#statements = {
      nextNumber: db.prepare<[string], { number: number }>(
        'SELECT coalesce(max(number), 0) + 1 AS number FROM page_revisions WHERE page_id = ?',
      ),
      insertRevision: db.prepare(
        `INSERT INTO page_revisions (id, page_id, number, kind, name, note, title, content_hash,
                                     created_at, created_by, restored_from)
         VALUES (@id, @pageId, @number, @kind, @name, @note, @title, @contentHash, @createdAt,
                 @createdBy, @restoredFrom)`,
      ),
      insertContributor: db.prepare<[string, string]>(
        'INSERT OR IGNORE INTO page_revision_contributors (revision_id, user_id) VALUES (?, ?)',
      ),
      byId: db.prepare<[string], RevisionRow>(`${selectRevision} WHERE r.id = ?`),
      latest: db.prepare<[string], RevisionRow>(
        `${selectRevision} WHERE r.page_id = ? ORDER BY r.number DESC LIMIT 1`,
      ),
      list: db.prepare<[string, number, number], RevisionRow>(
        `${selectRevision} WHERE r.page_id = ? AND r.number < ? ORDER BY r.number DESC LIMIT ?`,
      ),
      update: db.prepare(
        `UPDATE page_revisions
         SET name = CASE WHEN @setName THEN @name ELSE name END,
             note = CASE WHEN @setNote THEN @note ELSE note END
         WHERE id = @id`,
      ),
      state: db.prepare<[string, string], StateRow>(
        `SELECT base_hash, data, chain_bytes, chain_length FROM revision_states
         WHERE page_id = ? AND hash = ?`,
      ),
      hasState: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM revision_states WHERE page_id = ? AND hash = ?',
      ),
      insertState: db.prepare(
        `INSERT INTO revision_states (page_id, hash, base_hash, data, text_bytes, chain_bytes,
                                      chain_length)
         VALUES (@pageId, @hash, @baseHash, @data, @textBytes, @chainBytes, @chainLength)`,
      ),
      recordPending: db.prepare<[string, number, number]>(
        `INSERT INTO revision_pending (page_id, first_at, last_at) VALUES (?, ?, ?)
         ON CONFLICT (page_id) DO UPDATE SET last_at = max(last_at, excluded.last_at)`,
      ),
      recordPendingContributor: db.prepare<[string, string]>(
        'INSERT OR IGNORE INTO revision_pending_contributors (page_id, user_id) VALUES (?, ?)',
      ),
      pending: db.prepare<[string], { page_id: string; first_at: number; last_at: number }>(
        'SELECT page_id, first_at, last_at FROM revision_pending WHERE page_id = ?',
      ),
      allPending: db.prepare<[], { page_id: string; first_at: number; last_at: number }>(
        'SELECT page_id, first_at, last_at FROM revision_pending ORDER BY last_at',
      ),
      pendingContributors: db.prepare<[string], { user_id: string }>(
        'SELECT user_id FROM revision_pending_contributors WHERE page_id = ? ORDER BY user_id',
      ),
      clearPending: db.prepare<[string]>('DELETE FROM revision_pending WHERE page_id = ?'),
      recordClient: db.prepare<[string, number, string]>(
        'INSERT OR IGNORE INTO page_client_authors (page_id, client_id, user_id) VALUES (?, ?, ?)',
      ),
      clients: db.prepare<[string], { client_id: number; user_id: string }>(
        'SELECT client_id, user_id FROM page_client_authors WHERE page_id = ?',
      ),
      revisionCount: db.prepare<[string], { count: number }>(
        'SELECT count(*) AS count FROM page_revisions WHERE page_id = ?',
      ),
      stateStats: db.prepare<[string], { states: number; stored: number; text: number }>(
        `SELECT count(*) AS states, coalesce(sum(length(data)), 0) AS stored,
                coalesce(sum(text_bytes), 0) AS text
         FROM revision_states WHERE page_id = ?`,
      ),
    };
  }

  insertRevision(revision: NewRevision): Revision {
    return this.transaction(() => {
      const { number } = this.#statements.nextNumber.get(revision.pageId) ?? { number: 1 };
      if (!this.#statements.hasState.get(revision.pageId, revision.contentHash)) {
        const base = this.#statements.latest.get(revision.pageId)?.content_hash ?? null;
        this.#writeState(revision.pageId, revision.contentHash, revision.contentText, base);
      }
      this.#statements.insertRevision.run({
        id: revision.id,
        pageId: revision.pageId,
        number,
        kind: revision.kind,
        name: revision.name,
        note: revision.note,
        title: revision.title,
        contentHash: revision.contentHash,
        createdAt: revision.createdAt,
        createdBy: revision.createdBy,
        restoredFrom: revision.restoredFrom,
      });
      for (const userId of revision.contributors) {
        this.#statements.insertContributor.run(revision.id, userId);
      }
      return this.findRevision(revision.id) as Revision;
    });
  }

  findRevision(id: string): Revision | null {
    const row = this.#statements.byId.get(id);
    return row ? toRevision(row) : null;
  }

  latestRevision(pageId: string): Revision | null {
    const row = this.#statements.latest.get(pageId);
    return row ? toRevision(row) : null;
  }

  listRevisions(pageId: string, options: { limit: number; beforeNumber?: number }): Revision[] {
    return this.#statements.list
      .all(pageId, options.beforeNumber ?? Number.MAX_SAFE_INTEGER, options.limit)
      .map(toRevision);
  }

  updateRevision(
    id: string,
    changes: { readonly name?: string | null; readonly note?: string | null },
  ): Revision | null {
    this.#statements.update.run({
      id,
      setName: changes.name !== undefined ? 1 : 0,
      name: changes.name ?? null,
      setNote: changes.note !== undefined ? 1 : 0,
      note: changes.note ?? null,
    });
    return this.findRevision(id);
  }

  readState(pageId: string, contentHash: string): string {
    const key = cacheKey(pageId, contentHash);
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#remember(key, cached);
      return cached;
    }
    // Walk back to the state stored whole, then apply the deltas forward.
    const chain: StateRow[] = [];
    let hash: string | null = contentHash;
    let text: string | null = null;
    while (hash !== null) {
      const known = this.#cache.get(cacheKey(pageId, hash));
      if (known !== undefined) {
        text = known;
        break;
      }
      const row = this.#statements.state.get(pageId, hash);
      if (!row) throw new Error(`No stored state ${hash} for page ${pageId}.`);
      chain.push(row);
      hash = row.base_hash;
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
    this.transaction(() => {
      this.#statements.recordPending.run(pageId, at, at);
      if (userId !== null) this.#statements.recordPendingContributor.run(pageId, userId);
    });
  }

  pendingEdits(pageId: string): PendingEdits | null {
    const row = this.#statements.pending.get(pageId);
    return row ? this.#presentPending(row) : null;
  }

  listPendingEdits(): PendingEdits[] {
    return this.#statements.allPending.all().map((row) => this.#presentPending(row));
  }

  clearPendingEdits(pageId: string): void {
    this.#statements.clearPending.run(pageId);
  }

  recordClientAuthors(pageId: string, clientIds: readonly number[], userId: string): void {
    this.transaction(() => {
      for (const clientId of clientIds) this.#statements.recordClient.run(pageId, clientId, userId);
    });
  }

  clientAuthors(pageId: string): Map<number, string> {
    return new Map(
      this.#statements.clients.all(pageId).map((row) => [row.client_id, row.user_id] as const),
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  storageStats(pageId: string): RevisionStorageStats {
    const states = this.#statements.stateStats.get(pageId) ?? { states: 0, stored: 0, text: 0 };
    return {
      revisions: this.#statements.revisionCount.get(pageId)?.count ?? 0,
      states: states.states,
      storedBytes: states.stored,
      textBytes: states.text,
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
    const base = baseHash === null ? undefined : this.#statements.state.get(pageId, baseHash);
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
    this.#statements.insertState.run({
      pageId,
      hash,
      baseHash: stored.baseHash,
      data: stored.data,
      textBytes: Buffer.byteLength(text, 'utf8'),
      chainBytes: stored.chainBytes,
      chainLength: stored.chainLength,
    });
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

  #presentPending(row: { page_id: string; first_at: number; last_at: number }): PendingEdits {
    return {
      pageId: row.page_id,
      firstAt: row.first_at,
      lastAt: row.last_at,
      contributors: this.#statements.pendingContributors.all(row.page_id).map((r) => r.user_id),
    };
  }
}

const cacheKey = (pageId: string, hash: string) => `${pageId}\u0000${hash}`;
