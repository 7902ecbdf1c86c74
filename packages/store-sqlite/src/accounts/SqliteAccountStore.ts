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

/** `AccountStore` on the Lore SQLite database. */
export class SqliteAccountStore implements AccountStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      countUsers: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
      countEnabledAdmins: db.prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM users
         WHERE role = 'admin' AND disabled_at IS NULL AND deleted_at IS NULL`,
      ),
      insertUser: db.prepare(
        `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
         VALUES (@id, @email, @displayName, @color, @role, @passwordHash, @createdAt, @createdAt)
         ON CONFLICT (email) DO NOTHING`,
      ),
      userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
      userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
      listUsers: db.prepare<[], UserRow>(
        `SELECT * FROM users WHERE deleted_at IS NULL
         ORDER BY display_name COLLATE NOCASE, email`,
      ),
      updateUser: db.prepare(
        `UPDATE users SET
           role = coalesce(@role, role),
           disabled_at = CASE WHEN @setDisabled THEN @disabledAt ELSE disabled_at END,
           display_name = coalesce(@displayName, display_name),
           color = coalesce(@color, color),
           password_hash = coalesce(@passwordHash, password_hash),
           updated_at = @at
         WHERE id = @id`,
      ),
      tombstoneUser: db.prepare(
        `UPDATE users SET email = 'deleted-' || id || '@invalid', display_name = @name,
           color = @color, password_hash = '!', disabled_at = coalesce(disabled_at, @at),
           deleted_at = @at, updated_at = @at
         WHERE id = @id`,
      ),
      revokeTokensOfUser: db.prepare<[number, string]>(
        'UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
      ),
      deleteResetsOfUser: db.prepare<[string]>('DELETE FROM password_resets WHERE user_id = ?'),
      insertSession: db.prepare(
        `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
         VALUES (@idHash, @userId, @createdAt, @lastSeenAt, @expiresAt)`,
      ),
      findSession: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?'),
      touchSession: db.prepare<[number, number, string]>(
        'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?',
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?'),
      deleteSessionsOfUser: db.prepare<[string, string], { id_hash: string }>(
        'DELETE FROM sessions WHERE user_id = ? AND id_hash != ? RETURNING id_hash',
      ),
      deleteExpired: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
      insertToken: db.prepare(
        `INSERT INTO api_tokens (id, user_id, name, token_hash, scope, created_at, expires_at)
         VALUES (@id, @userId, @name, @tokenHash, @scope, @createdAt, @expiresAt)`,
      ),
      tokenByHash: db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?'),
      tokenById: db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE id = ?'),
      listTokens: db.prepare<[string], TokenRow>(
        'SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC',
      ),
      revokeToken: db.prepare<[number, string, string]>(
        'UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND id = ? AND revoked_at IS NULL',
      ),
      touchToken: db.prepare<[number, string]>(
        'UPDATE api_tokens SET last_used_at = ? WHERE id = ?',
      ),
      insertInvite: db.prepare(
        `INSERT INTO invites (id, token_hash, email, role, created_by, created_at, expires_at)
         VALUES (@id, @tokenHash, @email, @role, @createdBy, @createdAt, @expiresAt)`,
      ),
      inviteByHash: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?'),
      openInvites: db.prepare<[number], InviteRow>(
        `SELECT * FROM invites WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
         ORDER BY created_at DESC`,
      ),
      acceptInvite: db.prepare<[number, string]>(
        `UPDATE invites SET accepted_at = ?
         WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
      ),
      revokeInvite: db.prepare<[number, string]>(
        `UPDATE invites SET revoked_at = ?
         WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
      ),
      insertReset: db.prepare(
        `INSERT INTO password_resets (id, token_hash, user_id, created_by, created_at, expires_at)
         VALUES (@id, @tokenHash, @userId, @createdBy, @createdAt, @expiresAt)`,
      ),
      resetByHash: db.prepare<[string], ResetRow>(
        'SELECT * FROM password_resets WHERE token_hash = ?',
      ),
      retireResets: db.prepare<[number, string]>(
        'UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL',
      ),
      useReset: db.prepare<[number, string]>(
        'UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL',
      ),
      readSetupCode: db.prepare<[], { code: string }>('SELECT code FROM setup_code WHERE id = 1'),
      saveSetupCode: db.prepare<[string, number]>(
        `INSERT INTO setup_code (id, code, created_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, created_at = excluded.created_at`,
      ),
      deleteSetupCode: db.prepare('DELETE FROM setup_code'),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  countUsers(): number {
    return this.#statements.countUsers.get()?.n ?? 0;
  }

  countEnabledAdmins(): number {
    return this.#statements.countEnabledAdmins.get()?.n ?? 0;
  }

  insertUser(user: NewUser): boolean {
    return this.#statements.insertUser.run(user).changes === 1;
  }

  insertFirstUser(user: NewUser): boolean {
    return this.transaction(() => this.countUsers() === 0 && this.insertUser(user));
  }

  findUserById(id: string): StoredUser | null {
    const row = this.#statements.userById.get(id);
    return row ? toStoredUser(row) : null;
  }

  findUserByEmail(email: string): StoredUser | null {
    const row = this.#statements.userByEmail.get(email);
    return row ? toStoredUser(row) : null;
  }

  listUsers(): UserAccount[] {
    return this.#statements.listUsers.all().map(toAccount);
  }

  updateUser(id: string, changes: UserChanges, at: number): void {
    this.#statements.updateUser.run({
      id,
      at,
      role: changes.role ?? null,
      setDisabled: changes.disabledAt !== undefined ? 1 : 0,
      disabledAt: changes.disabledAt ?? null,
      displayName: changes.displayName ?? null,
      color: changes.color ?? null,
      passwordHash: changes.passwordHash ?? null,
    });
  }

  tombstoneUser(id: string, at: number): void {
    this.transaction(() => {
      this.#statements.tombstoneUser.run({
        id,
        at,
        name: formerUserName,
        color: formerUserColor,
      });
      this.#statements.deleteSessionsOfUser.all(id, '');
      this.#statements.revokeTokensOfUser.run(at, id);
      this.#statements.deleteResetsOfUser.run(id);
    });
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

  deleteSessionsOfUser(userId: string, keepIdHash = ''): string[] {
    return this.#statements.deleteSessionsOfUser.all(userId, keepIdHash).map((row) => row.id_hash);
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
      scope: token.scope,
      createdAt: token.createdAt,
      expiresAt: token.expiresAt,
    });
  }

  findTokenByHash(tokenHash: string): ApiTokenRecord | null {
    const row = this.#statements.tokenByHash.get(tokenHash);
    return row ? toToken(row) : null;
  }

  findTokenById(id: string): ApiTokenRecord | null {
    const row = this.#statements.tokenById.get(id);
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

  insertInvite(invite: InviteRecord & { readonly tokenHash: string }): void {
    this.#statements.insertInvite.run({
      id: invite.id,
      tokenHash: invite.tokenHash,
      email: invite.email,
      role: invite.role,
      createdBy: invite.createdBy,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
    });
  }

  findInviteByHash(tokenHash: string): InviteRecord | null {
    const row = this.#statements.inviteByHash.get(tokenHash);
    return row ? toInvite(row) : null;
  }

  listOpenInvites(now: number): InviteRecord[] {
    return this.#statements.openInvites.all(now).map(toInvite);
  }

  acceptInvite(id: string, at: number): boolean {
    return this.#statements.acceptInvite.run(at, id).changes === 1;
  }

  revokeInvite(id: string, at: number): boolean {
    return this.#statements.revokeInvite.run(at, id).changes === 1;
  }

  insertPasswordReset(reset: PasswordResetRecord & { readonly tokenHash: string }): void {
    this.#statements.insertReset.run({
      id: reset.id,
      tokenHash: reset.tokenHash,
      userId: reset.userId,
      createdBy: reset.createdBy,
      createdAt: reset.createdAt,
      expiresAt: reset.expiresAt,
    });
  }

  findPasswordResetByHash(tokenHash: string): PasswordResetRecord | null {
    const row = this.#statements.resetByHash.get(tokenHash);
    return row ? toReset(row) : null;
  }

  retirePasswordResets(userId: string, at: number): void {
    this.#statements.retireResets.run(at, userId);
  }

  usePasswordReset(id: string, at: number): boolean {
    return this.#statements.useReset.run(at, id).changes === 1;
  }

  readSetupCode(): string | null {
    return this.#statements.readSetupCode.get()?.code ?? null;
  }

  saveSetupCode(code: string, at: number): void {
    this.#statements.saveSetupCode.run(code, at);
  }

  deleteSetupCode(): void {
    this.#statements.deleteSetupCode.run();
  }
}
