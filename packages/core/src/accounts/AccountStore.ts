import type { Role, StoredUser, User } from './User';

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly color: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: number;
}

export interface SessionRecord {
  readonly idHash: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly expiresAt: number;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
}

/** Persistence of people, sessions and API tokens. Secrets arrive already hashed. */
export interface AccountStore {
  countUsers(): number;
  /** Inserts the user; returns false when the email is taken (case-insensitively). */
  insertUser(user: NewUser): boolean;
  /** Inserts the user only while there is no user at all; returns false otherwise. */
  insertFirstUser(user: NewUser): boolean;
  findUserById(id: string): StoredUser | null;
  findUserByEmail(email: string): StoredUser | null;
  listUsers(): User[];

  insertSession(session: SessionRecord): void;
  findSession(idHash: string): SessionRecord | null;
  touchSession(idHash: string, lastSeenAt: number, expiresAt: number): void;
  deleteSession(idHash: string): void;
  deleteExpiredSessions(now: number): number;

  insertToken(token: ApiTokenRecord & { readonly tokenHash: string }): void;
  findTokenByHash(tokenHash: string): ApiTokenRecord | null;
  listTokens(userId: string): ApiTokenRecord[];
  revokeToken(userId: string, tokenId: string, at: number): boolean;
  touchToken(tokenId: string, at: number): void;
}
