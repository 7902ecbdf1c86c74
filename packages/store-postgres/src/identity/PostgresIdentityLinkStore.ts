import type { IdentityLink, IdentityLinkStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

interface LinkRow {
  provider_id: string;
  subject: string;
  user_id: string;
  email: string;
  created_at: number;
  last_sign_in_at: number;
}

const toLink = (row: LinkRow): IdentityLink => ({
  providerId: row.provider_id,
  subject: row.subject,
  userId: row.user_id,
  email: row.email,
  createdAt: row.created_at,
  lastSignInAt: row.last_sign_in_at,
});

/** `IdentityLinkStore` on PostgreSQL (migration 0017). */
export class PostgresIdentityLinkStore implements IdentityLinkStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertLink(link: IdentityLink): boolean {
    const { rowCount } = this.#db.run(
      `INSERT INTO identity_links (provider_id, subject, user_id, email, created_at, last_sign_in_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (provider_id, subject) DO NOTHING`,
      [link.providerId, link.subject, link.userId, link.email, link.createdAt, link.lastSignInAt],
    );
    return rowCount === 1;
  }

  findLink(providerId: string, subject: string): IdentityLink | null {
    const row = this.#db.one<LinkRow>(
      'SELECT * FROM identity_links WHERE provider_id = $1 AND subject = $2',
      [providerId, subject],
    );
    return row ? toLink(row) : null;
  }

  listLinksOfUser(userId: string): IdentityLink[] {
    return this.#db
      .query<LinkRow>(
        `SELECT * FROM identity_links WHERE user_id = $1
         ORDER BY created_at, provider_id COLLATE "C", subject COLLATE "C"`,
        [userId],
      )
      .map(toLink);
  }

  touchLink(providerId: string, subject: string, at: number): void {
    this.#db.run(
      'UPDATE identity_links SET last_sign_in_at = $3 WHERE provider_id = $1 AND subject = $2',
      [providerId, subject, at],
    );
  }

  markGroupManaged(providerId: string, groupId: string): void {
    this.#db.run(
      `INSERT INTO identity_managed_groups (provider_id, group_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [providerId, groupId],
    );
  }

  listManagedGroups(providerId: string): string[] {
    return this.#db
      .query<{ group_id: string }>(
        'SELECT group_id FROM identity_managed_groups WHERE provider_id = $1',
        [providerId],
      )
      .map((row) => row.group_id);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }
}
