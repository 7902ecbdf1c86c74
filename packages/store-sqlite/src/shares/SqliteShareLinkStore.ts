import type { ShareLink, ShareLinkStore } from '@lore/core';
import type { Db } from '../openDatabase';

interface ShareRow {
  id: string;
  secret_hash: string;
  page_id: string;
  include_subpages: number;
  allow_indexing: number;
  expires_at: number | null;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
  revoked_by: string | null;
  last_used_at: number | null;
}

const toShare = (row: ShareRow): ShareLink => ({
  id: row.id,
  secretHash: row.secret_hash,
  pageId: row.page_id,
  includeSubpages: row.include_subpages === 1,
  allowIndexing: row.allow_indexing === 1,
  expiresAt: row.expires_at,
  createdBy: row.created_by,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
  lastUsedAt: row.last_used_at,
});

/** `ShareLinkStore` on the Lore SQLite database (migration 0016). */
export class SqliteShareLinkStore implements ShareLinkStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    this.#s = {
      insert: db.prepare(
        `INSERT INTO share_links (id, secret_hash, page_id, include_subpages, allow_indexing,
           expires_at, created_by, created_at, revoked_at, revoked_by, last_used_at)
         VALUES (@id, @secretHash, @pageId, @includeSubpages, @allowIndexing, @expiresAt,
           @createdBy, @createdAt, @revokedAt, @revokedBy, @lastUsedAt)`,
      ),
      byId: db.prepare<[string], ShareRow>('SELECT * FROM share_links WHERE id = ?'),
      bySecret: db.prepare<[string], ShareRow>('SELECT * FROM share_links WHERE secret_hash = ?'),
      ofPages: db.prepare<[string], ShareRow>(
        `SELECT * FROM share_links
         WHERE revoked_at IS NULL AND page_id IN (SELECT value FROM json_each(?))
         ORDER BY created_at, id`,
      ),
      revoke: db.prepare<[number, string, string]>(
        'UPDATE share_links SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
      ),
      markUsed: db.prepare<[number, string, number]>(
        `UPDATE share_links SET last_used_at = ?
         WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
      ),
    };
  }

  insertShare(share: ShareLink): void {
    this.#s.insert.run({
      ...share,
      includeSubpages: share.includeSubpages ? 1 : 0,
      allowIndexing: share.allowIndexing ? 1 : 0,
    });
  }

  findShareById(id: string): ShareLink | null {
    const row = this.#s.byId.get(id);
    return row ? toShare(row) : null;
  }

  findShareBySecretHash(secretHash: string): ShareLink | null {
    const row = this.#s.bySecret.get(secretHash);
    return row ? toShare(row) : null;
  }

  listSharesOfPages(pageIds: readonly string[]): ShareLink[] {
    if (pageIds.length === 0) return [];
    return this.#s.ofPages.all(JSON.stringify(pageIds)).map(toShare);
  }

  revokeShare(id: string, by: string, at: number): boolean {
    return this.#s.revoke.run(at, by, id).changes === 1;
  }

  markShareUsed(id: string, at: number, usedBefore: number): boolean {
    return this.#s.markUsed.run(at, id, usedBefore).changes === 1;
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}
