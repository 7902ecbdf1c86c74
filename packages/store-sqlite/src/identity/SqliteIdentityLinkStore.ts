import type { IdentityLink, IdentityLinkStore } from '@lore/core';
import type { Db } from '../openDatabase';

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

/** `IdentityLinkStore` on the Lore SQLite database (migration 0023). */
export class SqliteIdentityLinkStore implements IdentityLinkStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    this.#s = {
      insert: db.prepare(
        `INSERT INTO identity_links (provider_id, subject, user_id, email, created_at, last_sign_in_at)
         VALUES (@providerId, @subject, @userId, @email, @createdAt, @lastSignInAt)
         ON CONFLICT (provider_id, subject) DO NOTHING`,
      ),
      find: db.prepare<[string, string], LinkRow>(
        'SELECT * FROM identity_links WHERE provider_id = ? AND subject = ?',
      ),
      ofUser: db.prepare<[string], LinkRow>(
        'SELECT * FROM identity_links WHERE user_id = ? ORDER BY created_at, provider_id, subject',
      ),
      touch: db.prepare<[number, string, string]>(
        'UPDATE identity_links SET last_sign_in_at = ? WHERE provider_id = ? AND subject = ?',
      ),
      markManaged: db.prepare<[string, string]>(
        `INSERT INTO identity_managed_groups (provider_id, group_id) VALUES (?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      managed: db.prepare<[string], { group_id: string }>(
        'SELECT group_id FROM identity_managed_groups WHERE provider_id = ?',
      ),
    };
  }

  insertLink(link: IdentityLink): boolean {
    return this.#s.insert.run(link).changes === 1;
  }

  findLink(providerId: string, subject: string): IdentityLink | null {
    const row = this.#s.find.get(providerId, subject);
    return row ? toLink(row) : null;
  }

  listLinksOfUser(userId: string): IdentityLink[] {
    return this.#s.ofUser.all(userId).map(toLink);
  }

  touchLink(providerId: string, subject: string, at: number): void {
    this.#s.touch.run(at, providerId, subject);
  }

  markGroupManaged(providerId: string, groupId: string): void {
    this.#s.markManaged.run(providerId, groupId);
  }

  listManagedGroups(providerId: string): string[] {
    return this.#s.managed.all(providerId).map((row) => row.group_id);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}
