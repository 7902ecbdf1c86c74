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

/** `AccountStore` in memory, for tests of the domain. `transaction` just runs the work. */
export class MemoryAccountStore implements AccountStore {
  readonly #users = new Map<string, StoredUser>();
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #tokens = new Map<string, Hashed<ApiTokenRecord>>();
  readonly #invites = new Map<string, Hashed<InviteRecord>>();
  readonly #resets = new Map<string, Hashed<PasswordResetRecord>>();
  #setupCode: string | null = null;

  transaction<T>(work: () => T): T {
    return work();
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
    this.#users.set(user.id, { ...user, disabledAt: null, deletedAt: null });
    return true;
  }

  insertFirstUser(user: NewUser): boolean {
    return this.#users.size === 0 && this.insertUser(user);
  }

  findUserById(id: string): StoredUser | null {
    return this.#users.get(id) ?? null;
  }

  findUserByEmail(email: string): StoredUser | null {
    const wanted = email.toLowerCase();
    return [...this.#users.values()].find((user) => user.email.toLowerCase() === wanted) ?? null;
  }

  listUsers(): UserAccount[] {
    return [...this.#users.values()]
      .filter((user) => user.deletedAt === null)
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map(({ passwordHash: _hash, deletedAt: _deleted, ...account }) => account);
  }

  updateUser(id: string, changes: UserChanges): void {
    const user = this.#users.get(id);
    if (user) this.#users.set(id, { ...user, ...changes });
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
    this.#tokens.set(token.tokenHash, token);
  }

  findTokenByHash(tokenHash: string): ApiTokenRecord | null {
    return this.#tokens.get(tokenHash) ?? null;
  }

  findTokenById(id: string): ApiTokenRecord | null {
    return [...this.#tokens.values()].find((token) => token.id === id) ?? null;
  }

  listTokens(userId: string): ApiTokenRecord[] {
    return [...this.#tokens.values()]
      .filter((token) => token.userId === userId && token.revokedAt === null)
      .sort((a, b) => b.createdAt - a.createdAt);
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
    this.#invites.set(invite.tokenHash, invite);
  }

  findInviteByHash(tokenHash: string): InviteRecord | null {
    return this.#invites.get(tokenHash) ?? null;
  }

  listOpenInvites(now: number): InviteRecord[] {
    return [...this.#invites.values()]
      .filter((i) => i.acceptedAt === null && i.revokedAt === null && i.expiresAt > now)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  acceptInvite(id: string, at: number): boolean {
    return this.#updateInvite(id, (invite) => ({ ...invite, acceptedAt: at }));
  }

  revokeInvite(id: string, at: number): boolean {
    return this.#updateInvite(id, (invite) => ({ ...invite, revokedAt: at }));
  }

  insertPasswordReset(reset: Hashed<PasswordResetRecord>): void {
    this.#resets.set(reset.tokenHash, reset);
  }

  findPasswordResetByHash(tokenHash: string): PasswordResetRecord | null {
    return this.#resets.get(tokenHash) ?? null;
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
