import type { TokenScope } from './TokenScope';
import type { Role, StoredUser, UserAccount } from './User';

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly color: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: number;
}

/** What can change on an account after it is created; absent fields stay as they are. */
export interface UserChanges {
  readonly role?: Role;
  readonly disabledAt?: number | null;
  readonly displayName?: string;
  readonly color?: string;
  readonly passwordHash?: string;
}

export interface SessionRecord {
  /** The SHA-256 of the session secret: the session's id, safe to show (it cannot sign in). */
  readonly idHash: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** When the session ends unless used again (never past its absolute lifetime). */
  readonly expiresAt: number;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scope: TokenScope;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  /** When the token stops working; null for never. */
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

/** A one-time link that lets someone create their own account with a chosen role. */
export interface InviteRecord {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdBy: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly acceptedAt: number | null;
  readonly revokedAt: number | null;
}

/** A one-time link an admin hands to someone so they can choose a new password. */
export interface PasswordResetRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdBy: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
}

/** Persistence of people, sessions, API tokens and one-time links. Secrets arrive hashed. */
export interface AccountStore {
  /** Runs `work` in one transaction: the change and its domain events commit together. */
  transaction<T>(work: () => T): T;

  countUsers(): number;
  /** Admins that are neither disabled nor deleted. */
  countEnabledAdmins(): number;
  /** Inserts the user; returns false when the email is taken (case-insensitively). */
  insertUser(user: NewUser): boolean;
  /** Inserts the user only while there is no user at all; returns false otherwise. */
  insertFirstUser(user: NewUser): boolean;
  /** A user by id, deleted ones (tombstones) included. */
  findUserById(id: string): StoredUser | null;
  findUserByEmail(email: string): StoredUser | null;
  /** Every account that was not deleted, by name. */
  listUsers(): UserAccount[];
  updateUser(id: string, changes: UserChanges, at: number): void;
  /**
   * Turns the account into a tombstone: no email, no password, named "Former user", disabled;
   * its API tokens are revoked and its sessions, invites and reset links removed.
   */
  tombstoneUser(id: string, at: number): void;

  insertSession(session: SessionRecord): void;
  findSession(idHash: string): SessionRecord | null;
  touchSession(idHash: string, lastSeenAt: number, expiresAt: number): void;
  deleteSession(idHash: string): void;
  /** Deletes the user's sessions except `keepIdHash`; returns the ids of those deleted. */
  deleteSessionsOfUser(userId: string, keepIdHash?: string): string[];
  deleteExpiredSessions(now: number): number;

  insertToken(token: ApiTokenRecord & { readonly tokenHash: string }): void;
  findTokenByHash(tokenHash: string): ApiTokenRecord | null;
  findTokenById(id: string): ApiTokenRecord | null;
  /** The user's tokens that are not revoked (expired ones included, so they can be cleaned up). */
  listTokens(userId: string): ApiTokenRecord[];
  revokeToken(userId: string, tokenId: string, at: number): boolean;
  touchToken(tokenId: string, at: number): void;

  insertInvite(invite: InviteRecord & { readonly tokenHash: string }): void;
  findInviteByHash(tokenHash: string): InviteRecord | null;
  /** Invites neither accepted nor revoked nor expired at `now`, newest first. */
  listOpenInvites(now: number): InviteRecord[];
  /** Marks an open invite accepted; false when it was already used or revoked. */
  acceptInvite(id: string, at: number): boolean;
  revokeInvite(id: string, at: number): boolean;

  insertPasswordReset(reset: PasswordResetRecord & { readonly tokenHash: string }): void;
  findPasswordResetByHash(tokenHash: string): PasswordResetRecord | null;
  /** Marks the user's unused reset links used (the newest one replaces the others). */
  retirePasswordResets(userId: string, at: number): void;
  /** Marks an unused reset used; false when it was already used. */
  usePasswordReset(id: string, at: number): boolean;

  /** The first-run setup code, while one is kept. */
  readSetupCode(): string | null;
  saveSetupCode(code: string, at: number): void;
  deleteSetupCode(): void;
}
