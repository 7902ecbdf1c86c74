import {
  type AccountStore,
  type ApiTokenRecord,
  formerUserColor,
  formerUserName,
  type InviteRecord,
  type NewUser,
  type PasswordResetRecord,
  type Role,
  type SessionRecord,
  type StoredUser,
  type TokenScope,
  type UserAccount,
  type UserChanges,
} from '@lore/core';
import { advisoryLocks } from '../advisoryLocks';
import type { PostgresDatabase } from '../PostgresDatabase';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  color: string;
  role: Role;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
  deleted_at: number | null;
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
  scope: TokenScope;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
}

interface InviteRow {
  id: string;
  email: string;
  role: Role;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

interface ResetRow {
  id: string;
  user_id: string;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

const toAccount = (row: UserRow): UserAccount => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  color: row.color,
  role: row.role,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

const toStoredUser = (row: UserRow): StoredUser => ({
  ...toAccount(row),
  passwordHash: row.password_hash,
  deletedAt: row.deleted_at,
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
  scope: row.scope,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  email: row.email,
  role: row.role,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
  revokedAt: row.revoked_at,
});

const toReset = (row: ResetRow): PasswordResetRecord => ({
  id: row.id,
  userId: row.user_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

/** Account transactions take this advisory lock, see `transaction`. */
const accountsLock = advisoryLocks.accounts;

// Emails compare as SQLite's NOCASE does: A-Z folded, nothing else. The unique index
// users_email_key is on exactly this expression, so lookups use it.
const emailKey = (sql: string) => `lower(${sql} COLLATE "C")`;

/** `AccountStore` on PostgreSQL (migration 0001). */
export class PostgresAccountStore implements AccountStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  /**
   * SQLite runs these transactions IMMEDIATE: one writer at a time, so "count the admins, then
   * demote one" cannot interleave with another process doing the same. Under READ COMMITTED the
   * advisory lock gives account transactions that order across every Lore process.
   */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(() => {
      this.#db.run('SELECT pg_advisory_xact_lock($1)', [accountsLock]);
      return work();
    });
  }

  countUsers(): number {
    return this.#db.one<{ n: number }>('SELECT count(*) AS n FROM users')?.n ?? 0;
  }

  countEnabledAdmins(): number {
    return (
      this.#db.one<{ n: number }>(
        `SELECT count(*) AS n FROM users
         WHERE role = 'admin' AND disabled_at IS NULL AND deleted_at IS NULL`,
      )?.n ?? 0
    );
  }

  insertUser(user: NewUser): boolean {
    const { rowCount } = this.#db.run(
      `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT ((${emailKey('email')})) DO NOTHING`,
      [
        user.id,
        user.email,
        user.displayName,
        user.color,
        user.role,
        user.passwordHash,
        user.createdAt,
      ],
    );
    return rowCount === 1;
  }

  insertFirstUser(user: NewUser): boolean {
    return this.transaction(() => this.countUsers() === 0 && this.insertUser(user));
  }

  findUserById(id: string): StoredUser | null {
    const row = this.#db.one<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return row ? toStoredUser(row) : null;
  }

  findUserByEmail(email: string): StoredUser | null {
    const row = this.#db.one<UserRow>(
      `SELECT * FROM users WHERE ${emailKey('email')} = ${emailKey('$1::text')}`,
      [email],
    );
    return row ? toStoredUser(row) : null;
  }

  listUsers(): UserAccount[] {
    return this.#db
      .query<UserRow>(
        `SELECT * FROM users WHERE deleted_at IS NULL
         ORDER BY ${emailKey('display_name')}, ${emailKey('email')}`,
      )
      .map(toAccount);
  }

  updateUser(id: string, changes: UserChanges, at: number): void {
    this.#db.run(
      `UPDATE users SET
         role = coalesce($2, role),
         disabled_at = CASE WHEN $3::boolean THEN $4::bigint ELSE disabled_at END,
         display_name = coalesce($5, display_name),
         color = coalesce($6, color),
         password_hash = coalesce($7, password_hash),
         updated_at = $8
       WHERE id = $1`,
      [
        id,
        changes.role ?? null,
        changes.disabledAt !== undefined,
        changes.disabledAt ?? null,
        changes.displayName ?? null,
        changes.color ?? null,
        changes.passwordHash ?? null,
        at,
      ],
    );
  }

  tombstoneUser(id: string, at: number): void {
    this.transaction(() => {
      this.#db.batch([
        {
          sql: `UPDATE users SET email = 'deleted-' || id || '@invalid', display_name = $3,
                  color = $4, password_hash = '!', disabled_at = coalesce(disabled_at, $2),
                  deleted_at = $2, updated_at = $2
                WHERE id = $1`,
          params: [id, at, formerUserName, formerUserColor],
        },
        { sql: 'DELETE FROM sessions WHERE user_id = $1', params: [id] },
        {
          sql: 'UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL',
          params: [id, at],
        },
        { sql: 'DELETE FROM password_resets WHERE user_id = $1', params: [id] },
      ]);
    });
  }

  insertSession(session: SessionRecord): void {
    this.#db.run(
      `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [session.idHash, session.userId, session.createdAt, session.lastSeenAt, session.expiresAt],
    );
  }

  findSession(idHash: string): SessionRecord | null {
    const row = this.#db.one<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
    return row ? toSession(row) : null;
  }

  touchSession(idHash: string, lastSeenAt: number, expiresAt: number): void {
    this.#db.run('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1', [
      idHash,
      lastSeenAt,
      expiresAt,
    ]);
  }

  deleteSession(idHash: string): void {
    this.#db.run('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  deleteSessionsOfUser(userId: string, keepIdHash = ''): string[] {
    return this.#db
      .query<{ id_hash: string }>(
        'DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2 RETURNING id_hash',
        [userId, keepIdHash],
      )
      .map((row) => row.id_hash);
  }

  deleteExpiredSessions(now: number): number {
    return this.#db.run('DELETE FROM sessions WHERE expires_at <= $1', [now]).rowCount;
  }

  insertToken(token: ApiTokenRecord & { readonly tokenHash: string }): void {
    this.#db.run(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, scope, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        token.id,
        token.userId,
        token.name,
        token.tokenHash,
        token.scope,
        token.createdAt,
        token.expiresAt,
      ],
    );
  }

  findTokenByHash(tokenHash: string): ApiTokenRecord | null {
    const row = this.#db.one<TokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1', [
      tokenHash,
    ]);
    return row ? toToken(row) : null;
  }

  findTokenById(id: string): ApiTokenRecord | null {
    const row = this.#db.one<TokenRow>('SELECT * FROM api_tokens WHERE id = $1', [id]);
    return row ? toToken(row) : null;
  }

  listTokens(userId: string): ApiTokenRecord[] {
    return this.#db
      .query<TokenRow>(
        `SELECT * FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL
         ORDER BY created_at DESC`,
        [userId],
      )
      .map(toToken);
  }

  revokeToken(userId: string, tokenId: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      `UPDATE api_tokens SET revoked_at = $3
       WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [userId, tokenId, at],
    );
    return rowCount === 1;
  }

  touchToken(tokenId: string, at: number): void {
    this.#db.run('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [tokenId, at]);
  }

  insertInvite(invite: InviteRecord & { readonly tokenHash: string }): void {
    this.#db.run(
      `INSERT INTO invites (id, token_hash, email, role, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        invite.id,
        invite.tokenHash,
        invite.email,
        invite.role,
        invite.createdBy,
        invite.createdAt,
        invite.expiresAt,
      ],
    );
  }

  findInviteByHash(tokenHash: string): InviteRecord | null {
    const row = this.#db.one<InviteRow>('SELECT * FROM invites WHERE token_hash = $1', [tokenHash]);
    return row ? toInvite(row) : null;
  }

  listOpenInvites(now: number): InviteRecord[] {
    return this.#db
      .query<InviteRow>(
        `SELECT * FROM invites
         WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1
         ORDER BY created_at DESC`,
        [now],
      )
      .map(toInvite);
  }

  acceptInvite(id: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      `UPDATE invites SET accepted_at = $2
       WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [id, at],
    );
    return rowCount === 1;
  }

  revokeInvite(id: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      `UPDATE invites SET revoked_at = $2
       WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [id, at],
    );
    return rowCount === 1;
  }

  insertPasswordReset(reset: PasswordResetRecord & { readonly tokenHash: string }): void {
    this.#db.run(
      `INSERT INTO password_resets (id, token_hash, user_id, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [reset.id, reset.tokenHash, reset.userId, reset.createdBy, reset.createdAt, reset.expiresAt],
    );
  }

  findPasswordResetByHash(tokenHash: string): PasswordResetRecord | null {
    const row = this.#db.one<ResetRow>('SELECT * FROM password_resets WHERE token_hash = $1', [
      tokenHash,
    ]);
    return row ? toReset(row) : null;
  }

  retirePasswordResets(userId: string, at: number): void {
    this.#db.run('UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
      userId,
      at,
    ]);
  }

  usePasswordReset(id: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      'UPDATE password_resets SET used_at = $2 WHERE id = $1 AND used_at IS NULL',
      [id, at],
    );
    return rowCount === 1;
  }

  readSetupCode(): string | null {
    return this.#db.one<{ code: string }>('SELECT code FROM setup_code WHERE id = 1')?.code ?? null;
  }

  saveSetupCode(code: string, at: number): void {
    this.#db.run(
      `INSERT INTO setup_code (id, code, created_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, created_at = excluded.created_at`,
      [code, at],
    );
  }

  deleteSetupCode(): void {
    this.#db.run('DELETE FROM setup_code');
  }
}
