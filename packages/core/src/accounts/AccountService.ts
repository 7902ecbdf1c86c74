import { randomUUID } from 'node:crypto';
import type { Clock } from '../Clock';
import {
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../DomainError';
import type { AccountStore, ApiTokenRecord, NewUser } from './AccountStore';
import { hashPassword, type ScryptParams, verifyPassword } from './passwordHash';
import { hashSecret, newSecret } from './secretToken';
import type { Role, User } from './User';
import { userColor } from './userColor';

export interface AccountServiceOptions {
  readonly store: AccountStore;
  readonly clock: Clock;
  /** How long a session lives without use; every use extends it. */
  readonly sessionTtlMs: number;
  readonly scrypt?: ScryptParams;
}

export interface NewAccount {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly role?: Role;
}

export interface LoginResult {
  readonly user: User;
  /** The session secret for the cookie; only its hash is stored. */
  readonly sessionSecret: string;
}

export const passwordMinLength = 10;
export const passwordMaxLength = 1024;
const emailPattern = /^[^\s@]+@[^\s@]+$/;
const sessionPrefix = 'lore_ses_';
const tokenPrefix = 'lore_pat_';

/** People, passwords, sessions and API tokens. Knows nothing of cookies or HTTP. */
export class AccountService {
  readonly #store: AccountStore;
  readonly #clock: Clock;
  readonly #sessionTtlMs: number;
  readonly #scrypt: ScryptParams | undefined;
  /** Compared against when the email is unknown, so timing does not reveal which emails exist. */
  #decoyHash: Promise<string> | undefined;

  constructor(options: AccountServiceOptions) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#sessionTtlMs = options.sessionTtlMs;
    this.#scrypt = options.scrypt;
  }

  needsSetup(): boolean {
    return this.#store.countUsers() === 0;
  }

  /** Creates the first admin; refuses once any user exists (also under a race). */
  async setupFirstAdmin(account: Omit<NewAccount, 'role'>): Promise<User> {
    if (!this.needsSetup()) throw alreadySetUp();
    const user = await this.#prepare({ ...account, role: 'admin' });
    if (!this.#store.insertFirstUser(user)) throw alreadySetUp();
    return present(user);
  }

  /** Creates a user on behalf of an admin (`actor`), or of the operator when `actor` is null. */
  async createUser(actor: User | null, account: NewAccount): Promise<User> {
    if (actor && actor.role !== 'admin') {
      throw new PermissionDeniedError('Only admins can create users.');
    }
    if (this.#store.findUserByEmail(normalizeEmail(account.email))) throw emailTaken();
    const user = await this.#prepare(account);
    if (!this.#store.insertUser(user)) throw emailTaken();
    return present(user);
  }

  listUsers(actor: User): User[] {
    if (actor.role !== 'admin') throw new PermissionDeniedError('Only admins can list users.');
    return this.#store.listUsers();
  }

  async login(email: string, password: string): Promise<LoginResult> {
    const stored = this.#store.findUserByEmail(normalizeEmail(email));
    if (!stored || stored.disabledAt !== null) {
      this.#decoyHash ??= hashPassword('decoy password', this.#scrypt);
      await verifyPassword(password, await this.#decoyHash);
      throw invalidCredentials();
    }
    if (!(await verifyPassword(password, stored.passwordHash))) throw invalidCredentials();
    return { user: present(stored), sessionSecret: this.#startSession(stored.id) };
  }

  /** A new session for a user who just proved who they are (login or first setup). */
  startSession(user: User): string {
    return this.#startSession(user.id);
  }

  /** Ends a session server-side; unknown secrets are ignored. */
  logout(sessionSecret: string): void {
    this.#store.deleteSession(hashSecret(sessionSecret));
  }

  /** The user behind a session secret, extending the session; null when unknown or expired. */
  authenticateSession(sessionSecret: string): User | null {
    if (!sessionSecret.startsWith(sessionPrefix)) return null;
    const idHash = hashSecret(sessionSecret);
    const session = this.#store.findSession(idHash);
    const now = this.#clock.now();
    if (!session) return null;
    if (session.expiresAt <= now) {
      this.#store.deleteSession(idHash);
      return null;
    }
    const user = this.#activeUser(session.userId);
    if (!user) return null;
    // Writing on every request would turn reads into writes; a minute of slack is plenty.
    if (now - session.lastSeenAt > 60_000) {
      this.#store.touchSession(idHash, now, now + this.#sessionTtlMs);
    }
    return user;
  }

  createToken(actor: User, name: string): { token: ApiTokenRecord; secret: string } {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 100) {
      throw new ValidationError('A token name must be 1 to 100 characters.');
    }
    const secret = newSecret(tokenPrefix);
    const token: ApiTokenRecord = {
      id: randomUUID(),
      userId: actor.id,
      name: trimmed,
      createdAt: this.#clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.#store.insertToken({ ...token, tokenHash: hashSecret(secret) });
    return { token, secret };
  }

  listTokens(actor: User): ApiTokenRecord[] {
    return this.#store.listTokens(actor.id);
  }

  revokeToken(actor: User, tokenId: string): void {
    if (!this.#store.revokeToken(actor.id, tokenId, this.#clock.now())) {
      throw new NotFoundError('The token', 'token_not_found');
    }
  }

  /** The user behind an API token; null when unknown or revoked. */
  authenticateToken(secret: string): User | null {
    if (!secret.startsWith(tokenPrefix)) return null;
    const token = this.#store.findTokenByHash(hashSecret(secret));
    if (!token || token.revokedAt !== null) return null;
    const user = this.#activeUser(token.userId);
    if (!user) return null;
    const now = this.#clock.now();
    if (token.lastUsedAt === null || now - token.lastUsedAt > 60_000) {
      this.#store.touchToken(token.id, now);
    }
    return user;
  }

  /** Deletes expired sessions; returns how many. */
  pruneSessions(): number {
    return this.#store.deleteExpiredSessions(this.#clock.now());
  }

  #startSession(userId: string): string {
    const secret = newSecret(sessionPrefix);
    const now = this.#clock.now();
    this.#store.insertSession({
      idHash: hashSecret(secret),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.#sessionTtlMs,
    });
    return secret;
  }

  #activeUser(userId: string): User | null {
    const user = this.#store.findUserById(userId);
    return user && user.disabledAt === null ? present(user) : null;
  }

  async #prepare(account: NewAccount): Promise<NewUser> {
    const email = normalizeEmail(account.email);
    const displayName = account.displayName.trim();
    if (!emailPattern.test(email) || email.length > 254) {
      throw new ValidationError('Enter a valid email address.');
    }
    if (displayName.length === 0 || displayName.length > 100) {
      throw new ValidationError('A display name must be 1 to 100 characters.');
    }
    if (
      account.password.length < passwordMinLength ||
      account.password.length > passwordMaxLength
    ) {
      throw new ValidationError(`A password must be at least ${passwordMinLength} characters.`);
    }
    const id = randomUUID();
    return {
      id,
      email,
      displayName,
      color: userColor(id),
      role: account.role ?? 'member',
      passwordHash: await hashPassword(account.password, this.#scrypt),
      createdAt: this.#clock.now(),
    };
  }
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function present(user: User): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    color: user.color,
    role: user.role,
    createdAt: user.createdAt,
  };
}

const alreadySetUp = () =>
  new ConflictError('already_set_up', 'Lore already has an admin; sign in instead.');
const emailTaken = () => new ConflictError('email_taken', 'A user with this email already exists.');
const invalidCredentials = () =>
  new UnauthenticatedError('The email or password is not correct.', 'invalid_credentials');
