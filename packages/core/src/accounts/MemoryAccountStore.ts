import { asciiLowerCase } from '../audit/asciiLowerCase';
import type {
  AccountStore,
  ApiTokenRecord,
  InviteRecord,
  NewUser,
  PasswordResetRecord,
  SessionRecord,
  UserChanges,
} from './AccountStore';
import { formerUserColor, formerUserName, type StoredUser, type UserAccount } from './User';

type Hashed<T> = T & { tokenHash: string };

/** Records are kept with their secret's hash, which the store never hands back. */
function withoutHash<T extends { tokenHash: string }>({
  tokenHash: _hash,
  ...record
}: T): Omit<T, 'tokenHash'> {
  return record;
}

/** Plain text order without locale rules, as SQLite compares text byte by byte. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `AccountStore` in memory, for tests of the domain. It behaves as the SQLite store does: emails
 * ignore the case of A-Z only, ids and secret hashes are unique, a transaction that throws
 * changes nothing.
 */
export class MemoryAccountStore implements AccountStore {
  #users = new Map<string, StoredUser>();
  #sessions = new Map<string, SessionRecord>();
  #tokens = new Map<string, Hashed<ApiTokenRecord>>();
  #invites = new Map<string, Hashed<InviteRecord>>();
  #resets = new Map<string, Hashed<PasswordResetRecord>>();
  #setupCode: string | null = null;

  transaction<T>(work: () => T): T {
    const saved = {
      users: new Map(this.#users),
      sessions: new Map(this.#sessions),
      tokens: new Map(this.#tokens),
      invites: new Map(this.#invites),
      resets: new Map(this.#resets),
      setupCode: this.#setupCode,
    };
    try {
      return work();
    } catch (error) {
      this.#users = saved.users;
      this.#sessions = saved.sessions;
      this.#tokens = saved.tokens;
      this.#invites = saved.invites;
      this.#resets = saved.resets;
      this.#setupCode = saved.setupCode;
      throw error;
    }
  }

  countUsers(): number {
    return this.#users.size;
  }

  countEnabledAdmins(): number {
    return [...this.#users.values()].filter(
      (user) => user.role === 'admin' && user.disabledAt === null && user.deletedAt === null,
    ).length;
  }

  insertUser(user: NewUser): boolean {
    if (this.findUserByEmail(user.email)) return false;
    if (this.#users.has(user.id)) throw new Error(`A user with id ${user.id} exists.`);
    this.#users.set(user.id, {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      color: user.color,
      role: user.role,
      passwordHash: user.passwordHash,
      createdAt: user.createdAt,
      disabledAt: null,
      deletedAt: null,
    });
    return true;
  }

  insertFirstUser(user: NewUser): boolean {
    return this.transaction(() => this.#users.size === 0 && this.insertUser(user));
  }

  findUserById(id: string): StoredUser | null {
    return this.#users.get(id) ?? null;
  }

  findUserByEmail(email: string): StoredUser | null {
    const wanted = asciiLowerCase(email);
    return [...this.#users.values()].find((user) => asciiLowerCase(user.email) === wanted) ?? null;
  }

  listUsers(): UserAccount[] {
    return [...this.#users.values()]
      .filter((user) => user.deletedAt === null)
      .sort(
        (a, b) =>
          compareText(asciiLowerCase(a.displayName), asciiLowerCase(b.displayName)) ||
          compareText(asciiLowerCase(a.email), asciiLowerCase(b.email)),
      )
      .map(({ passwordHash: _hash, deletedAt: _deleted, ...account }) => account);
  }

  updateUser(id: string, changes: UserChanges): void {
    const user = this.#users.get(id);
    if (!user) return;
    this.#users.set(id, {
      ...user,
      role: changes.role ?? user.role,
      disabledAt: changes.disabledAt !== undefined ? changes.disabledAt : user.disabledAt,
      displayName: changes.displayName ?? user.displayName,
      color: changes.color ?? user.color,
      passwordHash: changes.passwordHash ?? user.passwordHash,
    });
  }

  tombstoneUser(id: string, at: number): void {
    const user = this.#users.get(id);
    if (!user) return;
    this.#users.set(id, {
      ...user,
      email: `deleted-${id}@invalid`,
      displayName: formerUserName,
      color: formerUserColor,
      passwordHash: '!',
      disabledAt: user.disabledAt ?? at,
      deletedAt: at,
    });
    this.deleteSessionsOfUser(id);
    for (const token of this.#tokens.values()) {
      if (token.userId === id && token.revokedAt === null) {
        this.#tokens.set(token.tokenHash, { ...token, revokedAt: at });
      }
    }
    for (const [hash, reset] of this.#resets) if (reset.userId === id) this.#resets.delete(hash);
  }

  insertSession(session: SessionRecord): void {
    if (this.#sessions.has(session.idHash)) throw new Error('The session exists.');
    this.#sessions.set(session.idHash, session);
  }

  findSession(idHash: string): SessionRecord | null {
    return this.#sessions.get(idHash) ?? null;
  }

  touchSession(idHash: string, lastSeenAt: number, expiresAt: number): void {
    const session = this.#sessions.get(idHash);
    if (session) this.#sessions.set(idHash, { ...session, lastSeenAt, expiresAt });
  }

  deleteSession(idHash: string): void {
    this.#sessions.delete(idHash);
  }

  deleteSessionsOfUser(userId: string, keepIdHash?: string): string[] {
    const deleted: string[] = [];
    for (const [idHash, session] of this.#sessions) {
      if (session.userId === userId && idHash !== keepIdHash) {
        this.#sessions.delete(idHash);
        deleted.push(idHash);
      }
    }
    return deleted;
  }

  deleteExpiredSessions(now: number): number {
    let deleted = 0;
    for (const [idHash, session] of this.#sessions) {
      if (session.expiresAt <= now && this.#sessions.delete(idHash)) deleted++;
    }
    return deleted;
  }

  insertToken(token: Hashed<ApiTokenRecord>): void {
    if (this.#tokens.has(token.tokenHash) || this.findTokenById(token.id)) {
      throw new Error('The token exists.');
    }
    this.#tokens.set(token.tokenHash, token);
  }

  findTokenByHash(tokenHash: string): ApiTokenRecord | null {
    const token = this.#tokens.get(tokenHash);
    return token ? withoutHash(token) : null;
  }

  findTokenById(id: string): ApiTokenRecord | null {
    const token = [...this.#tokens.values()].find((t) => t.id === id);
    return token ? withoutHash(token) : null;
  }

  listTokens(userId: string): ApiTokenRecord[] {
    return [...this.#tokens.values()]
      .filter((token) => token.userId === userId && token.revokedAt === null)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(withoutHash);
  }

  revokeToken(userId: string, tokenId: string, at: number): boolean {
    const token = [...this.#tokens.values()].find(
      (t) => t.id === tokenId && t.userId === userId && t.revokedAt === null,
    );
    if (!token) return false;
    this.#tokens.set(token.tokenHash, { ...token, revokedAt: at });
    return true;
  }

  touchToken(tokenId: string, at: number): void {
    for (const token of this.#tokens.values()) {
      if (token.id === tokenId) this.#tokens.set(token.tokenHash, { ...token, lastUsedAt: at });
    }
  }

  insertInvite(invite: Hashed<InviteRecord>): void {
    if (
      this.#invites.has(invite.tokenHash) ||
      [...this.#invites.values()].some((i) => i.id === invite.id)
    ) {
      throw new Error('The invite exists.');
    }
    this.#invites.set(invite.tokenHash, invite);
  }

  findInviteByHash(tokenHash: string): InviteRecord | null {
    const invite = this.#invites.get(tokenHash);
    return invite ? withoutHash(invite) : null;
  }

  listOpenInvites(now: number): InviteRecord[] {
    return [...this.#invites.values()]
      .filter((i) => i.acceptedAt === null && i.revokedAt === null && i.expiresAt > now)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(withoutHash);
  }

  acceptInvite(id: string, at: number): boolean {
    return this.#updateInvite(id, (invite) => ({ ...invite, acceptedAt: at }));
  }

  revokeInvite(id: string, at: number): boolean {
    return this.#updateInvite(id, (invite) => ({ ...invite, revokedAt: at }));
  }

  insertPasswordReset(reset: Hashed<PasswordResetRecord>): void {
    if (
      this.#resets.has(reset.tokenHash) ||
      [...this.#resets.values()].some((r) => r.id === reset.id)
    ) {
      throw new Error('The reset link exists.');
    }
    this.#resets.set(reset.tokenHash, reset);
  }

  findPasswordResetByHash(tokenHash: string): PasswordResetRecord | null {
    const reset = this.#resets.get(tokenHash);
    return reset ? withoutHash(reset) : null;
  }

  retirePasswordResets(userId: string, at: number): void {
    for (const reset of this.#resets.values()) {
      if (reset.userId === userId && reset.usedAt === null) {
        this.#resets.set(reset.tokenHash, { ...reset, usedAt: at });
      }
    }
  }

  usePasswordReset(id: string, at: number): boolean {
    const reset = [...this.#resets.values()].find((r) => r.id === id && r.usedAt === null);
    if (!reset) return false;
    this.#resets.set(reset.tokenHash, { ...reset, usedAt: at });
    return true;
  }

  readSetupCode(): string | null {
    return this.#setupCode;
  }

  saveSetupCode(code: string): void {
    this.#setupCode = code;
  }

  deleteSetupCode(): void {
    this.#setupCode = null;
  }

  #updateInvite(id: string, change: (invite: Hashed<InviteRecord>) => Hashed<InviteRecord>) {
    const invite = [...this.#invites.values()].find(
      (i) => i.id === id && i.acceptedAt === null && i.revokedAt === null,
    );
    if (!invite) return false;
    this.#invites.set(invite.tokenHash, change(invite));
    return true;
  }
}
