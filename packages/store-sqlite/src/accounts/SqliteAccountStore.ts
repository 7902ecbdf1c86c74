import type {
  AccountStore,
  ApiTokenRecord,
  NewUser,
  Role,
  SessionRecord,
  StoredUser,
  User,
} from '@lore/core';
import type { Db } from '../openDatabase';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  color: string;
  role: Role;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
}

interface SessionRow {
  id_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

const toStoredUser = (row: UserRow): StoredUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  color: row.color,
  role: row.role,
  createdAt: row.created_at,
  passwordHash: row.password_hash,
  disabledAt: row.disabled_at,
});

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  color: row.color,
  role: row.role,
  createdAt: row.created_at,
});

const toSession = (row: SessionRow): SessionRecord => ({
  idHash: row.id_hash,
  userId: row.user_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
});

const toToken = (row: TokenRow): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** `AccountStore` on the Lore SQLite database. */
export class SqliteAccountStore implements AccountStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      countUsers: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
      insertUser: db.prepare(
        `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
         VALUES (@id, @email, @displayName, @color, @role, @passwordHash, @createdAt, @createdAt)
         ON CONFLICT (email) DO NOTHING`,
      ),
      userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
      userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
      listUsers: db.prepare<[], UserRow>(
        'SELECT * FROM users ORDER BY display_name COLLATE NOCASE, email',
      ),
      insertSession: db.prepare(
        `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
         VALUES (@idHash, @userId, @createdAt, @lastSeenAt, @expiresAt)`,
      ),
      findSession: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?'),
      touchSession: db.prepare<[number, number, string]>(
        'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?',
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?'),
      deleteExpired: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
      insertToken: db.prepare(
        `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at)
         VALUES (@id, @userId, @name, @tokenHash, @createdAt)`,
      ),
      tokenByHash: db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?'),
      listTokens: db.prepare<[string], TokenRow>(
        'SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC',
      ),
      revokeToken: db.prepare<[number, string, string]>(
        'UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND id = ? AND revoked_at IS NULL',
      ),
      touchToken: db.prepare<[number, string]>(
        'UPDATE api_tokens SET last_used_at = ? WHERE id = ?',
      ),
    };
  }

  countUsers(): number {
    return this.#statements.countUsers.get()?.n ?? 0;
  }

  insertUser(user: NewUser): boolean {
    return this.#statements.insertUser.run(user).changes === 1;
  }

  insertFirstUser(user: NewUser): boolean {
    return this.#db.transaction(() => this.countUsers() === 0 && this.insertUser(user)).immediate();
  }

  findUserById(id: string): StoredUser | null {
    const row = this.#statements.userById.get(id);
    return row ? toStoredUser(row) : null;
  }

  findUserByEmail(email: string): StoredUser | null {
    const row = this.#statements.userByEmail.get(email);
    return row ? toStoredUser(row) : null;
  }

  listUsers(): User[] {
    return this.#statements.listUsers.all().map(toUser);
  }

  insertSession(session: SessionRecord): void {
    this.#statements.insertSession.run(session);
  }

  findSession(idHash: string): SessionRecord | null {
    const row = this.#statements.findSession.get(idHash);
    return row ? toSession(row) : null;
  }

  touchSession(idHash: string, lastSeenAt: number, expiresAt: number): void {
    this.#statements.touchSession.run(lastSeenAt, expiresAt, idHash);
  }

  deleteSession(idHash: string): void {
    this.#statements.deleteSession.run(idHash);
  }

  deleteExpiredSessions(now: number): number {
    return this.#statements.deleteExpired.run(now).changes;
  }

  insertToken(token: ApiTokenRecord & { readonly tokenHash: string }): void {
    this.#statements.insertToken.run({
      id: token.id,
      userId: token.userId,
      name: token.name,
      tokenHash: token.tokenHash,
      createdAt: token.createdAt,
    });
  }

  findTokenByHash(tokenHash: string): ApiTokenRecord | null {
    const row = this.#statements.tokenByHash.get(tokenHash);
    return row ? toToken(row) : null;
  }

  listTokens(userId: string): ApiTokenRecord[] {
    return this.#statements.listTokens.all(userId).map(toToken);
  }

  revokeToken(userId: string, tokenId: string, at: number): boolean {
    return this.#statements.revokeToken.run(at, userId, tokenId).changes === 1;
  }

  touchToken(tokenId: string, at: number): void {
    this.#statements.touchToken.run(at, tokenId);
  }
}
