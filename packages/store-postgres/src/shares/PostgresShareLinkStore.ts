import type { ShareLink, ShareLinkStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

interface ShareRow {
  id: string;
  secret_hash: string;
  page_id: string;
  include_subpages: boolean;
  allow_indexing: boolean;
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
  includeSubpages: row.include_subpages,
  allowIndexing: row.allow_indexing,
  expiresAt: row.expires_at,
  createdBy: row.created_by,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
  lastUsedAt: row.last_used_at,
});

/** `ShareLinkStore` on PostgreSQL (migration 0009). */
export class PostgresShareLinkStore implements ShareLinkStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertShare(share: ShareLink): void {
    this.#db.run(
      `INSERT INTO share_links (id, secret_hash, page_id, include_subpages, allow_indexing,
         expires_at, created_by, created_at, revoked_at, revoked_by, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        share.id,
        share.secretHash,
        share.pageId,
        share.includeSubpages,
        share.allowIndexing,
        share.expiresAt,
        share.createdBy,
        share.createdAt,
        share.revokedAt,
        share.revokedBy,
        share.lastUsedAt,
      ],
    );
  }

  findShareById(id: string): ShareLink | null {
    const row = this.#db.one<ShareRow>('SELECT * FROM share_links WHERE id = $1', [id]);
    return row ? toShare(row) : null;
  }

  findShareBySecretHash(secretHash: string): ShareLink | null {
    const row = this.#db.one<ShareRow>('SELECT * FROM share_links WHERE secret_hash = $1', [
      secretHash,
    ]);
    return row ? toShare(row) : null;
  }

  listSharesOfPages(pageIds: readonly string[]): ShareLink[] {
    if (pageIds.length === 0) return [];
    return this.#db
      .query<ShareRow>(
        `SELECT * FROM share_links
         WHERE revoked_at IS NULL AND page_id = ANY ($1::text[])
         ORDER BY created_at, id COLLATE "C"`,
        [pageIds],
      )
      .map(toShare);
  }

  revokeShare(id: string, by: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      `UPDATE share_links SET revoked_at = $3, revoked_by = $2
       WHERE id = $1 AND revoked_at IS NULL`,
      [id, by, at],
    );
    return rowCount === 1;
  }

  markShareUsed(id: string, at: number, usedBefore: number): boolean {
    const { rowCount } = this.#db.run(
      `UPDATE share_links SET last_used_at = $2
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)`,
      [id, at, usedBefore],
    );
    return rowCount === 1;
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }
}
