import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { assertWorkspaceMember } from '../access/workspaceRole';
import type { AuditWriter } from '../audit/AuditWriter';
import type { Clock } from '../Clock';
import { ConcurrencyGate } from '../ConcurrencyGate';
import {
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../DomainError';
import type {
  DomainEventData,
  DomainEventType,
  SessionRevocationReason,
  SignInPath,
  UserCreationPath,
} from '../events/DomainEvent';
import type { EventLog } from '../events/EventLog';
import type {
  AccountStore,
  ApiTokenRecord,
  InviteRecord,
  NewUser,
  SessionRecord,
} from './AccountStore';
import { type CollabTicket, CollabTicketBook } from './CollabTicketBook';
import type { Authenticated, Credential, CredentialCheck } from './Credential';
import { hashPassword, type ScryptParams, verifyPassword } from './passwordHash';
import { hashSecret, newSecret } from './secretToken';
import type { TokenScope } from './TokenScope';
import { type Role, roles, type StoredUser, type User, type UserAccount } from './User';
import { userColor } from './userColor';

export interface AccountServiceOptions {
  readonly store: AccountStore;
  readonly clock: Clock;
  /** Where every account change writes its domain event, in the change's own transaction. */
  readonly events: EventLog;
  /** Where failed sign-ins are recorded (they change nothing, so they are not events). */
  readonly audit?: AuditWriter;
  /** How long a session lives without use; every use extends it, up to `sessionMaxAgeMs`. */
  readonly sessionTtlMs: number;
  /** How long a session lives at most after sign-in, however much it is used (default 30 days). */
  readonly sessionMaxAgeMs?: number;
  /** How long an invite link works (default 7 days). */
  readonly inviteTtlMs?: number;
  /** How long a password-reset link works (default 24 hours). */
  readonly passwordResetTtlMs?: number;
  /** How long a collaboration ticket works (default 30 s). */
  readonly collabTicketTtlMs?: number;
  /** Bounds password hashing; default: 4 at once, 64 waiting, the rest refused as busy. */
  readonly hashGate?: ConcurrencyGate;
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

export interface NewToken {
  readonly name: string;
  readonly scope?: TokenScope;
  /** When the token stops working; omitted or null for never. */
  readonly expiresAt?: number | null;
}

export interface ProfileChanges {
  readonly displayName?: string;
  readonly color?: string;
}

export interface AccountChanges {
  readonly role?: Role;
  readonly disabled?: boolean;
}

/** A one-time link's secret and when it stops working; the edge turns it into a URL. */
export interface OneTimeLink {
  readonly id: string;
  readonly secret: string;
  readonly expiresAt: number;
}

export const passwordMinLength = 10;
export const passwordMaxLength = 1024;
const emailPattern = /^[^\s@]+@[^\s@]+$/;
const colorPattern = /^#[0-9a-f]{6}$/;
const sessionPrefix = 'lore_ses_';
const tokenPrefix = 'lore_pat_';
const invitePrefix = 'lore_inv_';
const resetPrefix = 'lore_pwr_';
const day = 86_400_000;
/** Not a scrypt hash, so no password ever matches it: accounts made by single sign-on. */
const noPassword = '!sso';

/**
 * People and their credentials: accounts and their lifecycle (invite, disable, role, delete),
 * passwords, sessions, API tokens, one-time links and collaboration tickets. Knows nothing of
 * cookies or HTTP; every change writes its domain event in the same transaction.
 */
export class AccountService {
  readonly #store: AccountStore;
  readonly #clock: Clock;
  readonly #events: EventLog;
  readonly #audit: AuditWriter | null;
  readonly #sessionTtlMs: number;
  readonly #sessionMaxAgeMs: number;
  readonly #inviteTtlMs: number;
  readonly #resetTtlMs: number;
  readonly #tickets: CollabTicketBook;
  readonly #hashGate: ConcurrencyGate;
  readonly #scrypt: ScryptParams | undefined;
  /** Compared against when the email is unknown, so timing does not reveal which emails exist. */
  #decoyHash: Promise<string> | undefined;

  constructor(options: AccountServiceOptions) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#events = options.events;
    this.#audit = options.audit ?? null;
    this.#sessionTtlMs = options.sessionTtlMs;
    this.#sessionMaxAgeMs = options.sessionMaxAgeMs ?? 30 * day;
    this.#inviteTtlMs = options.inviteTtlMs ?? 7 * day;
    this.#resetTtlMs = options.passwordResetTtlMs ?? day;
    this.#tickets = new CollabTicketBook({
      clock: options.clock,
      ttlMs: options.collabTicketTtlMs ?? 30_000,
    });
    this.#hashGate = options.hashGate ?? new ConcurrencyGate({ concurrency: 4, maxQueue: 64 });
    this.#scrypt = options.scrypt;
  }

  // --- First run ---------------------------------------------------------------------------

  needsSetup(): boolean {
    return this.#store.countUsers() === 0;
  }

  /**
   * The one-time code that `POST /api/setup` requires while Lore has no user, made on first
   * call and kept until setup succeeds; null once Lore is set up.
   */
  setupCode(): string | null {
    if (!this.needsSetup()) return null;
    const existing = this.#store.readSetupCode();
    if (existing) return existing;
    // Groups of four from an alphabet without look-alikes, easy to read out and type.
    const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''),
    );
    const code = groups.join('-');
    this.#store.saveSetupCode(code, this.#clock.now());
    return code;
  }

  /** Creates the first admin for whoever holds the setup code; refuses once any user exists. */
  async setupFirstAdmin(
    account: Omit<NewAccount, 'role'> & { readonly setupCode?: string | undefined },
  ): Promise<User> {
    if (!this.needsSetup()) throw alreadySetUp();
    const expected = this.#store.readSetupCode();
    if (!expected || !account.setupCode || !sameSecret(account.setupCode, expected)) {
      throw new PermissionDeniedError(
        'The setup code is missing or wrong. The server prints it when it starts; `lore setup-code` prints it again.',
      );
    }
    return this.#createFirstAdmin(account, 'setup');
  }

  /** Creates the first admin from the operator's configuration (no setup code needed). */
  async setupFirstAdminFromConfig(account: Omit<NewAccount, 'role'>): Promise<User> {
    if (!this.needsSetup()) throw alreadySetUp();
    return this.#createFirstAdmin(account, 'operator');
  }

  // --- People ------------------------------------------------------------------------------

  /** Creates a user on behalf of an admin (`actor`), or of the operator when `actor` is null. */
  async createUser(actor: User | null, account: NewAccount): Promise<User> {
    if (actor) assertAdmin(actor, 'create users');
    if (this.#store.findUserByEmail(normalizeEmail(account.email))) throw emailTaken();
    const user = await this.#prepare(account);
    this.#store.transaction(() => {
      if (!this.#store.insertUser(user)) throw emailTaken();
      this.#emitCreated(actor?.id ?? null, user, actor ? 'admin' : 'operator');
    });
    return present(user);
  }

  /** Every account not deleted, for admins and the operator (`actor` null). */
  listUsers(actor: User | null): UserAccount[] {
    if (actor) assertAdmin(actor, 'list users');
    return this.#store.listUsers();
  }

  /**
   * The enabled people of the workspace, for members and admins to pick from when they give
   * access or share (names and emails are no secret inside the company); guests, who see only
   * what was shared with them, may not list people.
   */
  people(actor: User): UserAccount[] {
    assertWorkspaceMember(actor, 'Guests cannot list people.');
    return this.#store
      .listUsers()
      .filter((user) => user.disabledAt === null)
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  }

  /**
   * The display names of the enabled workspace admins, for anyone signed in: whom to ask when
   * something is out of reach. No emails or ids, which only admins see.
   */
  workspaceAdminNames(): string[] {
    return this.#store
      .listUsers()
      .filter((user) => user.role === 'admin' && user.disabledAt === null)
      .map((user) => user.displayName)
      .sort((a, b) => a.localeCompare(b));
  }

  /** An account by id or email, for admins and the operator (`actor` null). */
  findAccount(actor: User | null, idOrEmail: string): UserAccount {
    if (actor) assertAdmin(actor, 'manage users');
    const stored = idOrEmail.includes('@')
      ? this.#store.findUserByEmail(normalizeEmail(idOrEmail))
      : this.#store.findUserById(idOrEmail);
    if (!stored || stored.deletedAt !== null) throw userNotFound();
    return presentAccount(stored);
  }

  /**
   * Changes an account's role and whether it can sign in (admins, or the operator with `actor`
   * null). The last enabled admin can be neither demoted nor disabled. Disabling ends every
   * session of the account at once; its tokens stop working until it is enabled again.
   */
  updateAccount(actor: User | null, userId: string, changes: AccountChanges): UserAccount {
    if (actor) assertAdmin(actor, 'manage users');
    if (changes.role !== undefined && !roles.includes(changes.role)) {
      throw new ValidationError(`A role is one of ${roles.join(', ')}.`);
    }
    return this.#store.transaction(() => {
      const user = this.#liveAccount(userId);
      const now = this.#clock.now();
      const demoting = changes.role !== undefined && changes.role !== 'admin';
      const disabling = changes.disabled === true && user.disabledAt === null;
      if (user.role === 'admin' && user.disabledAt === null && (demoting || disabling)) {
        this.#assertNotLastAdmin();
      }
      if (changes.role !== undefined && changes.role !== user.role) {
        this.#store.updateUser(user.id, { role: changes.role }, now);
        this.#emit(actor, 'user.role_changed', {
          userId: user.id,
          role: changes.role,
          previousRole: user.role,
        });
      }
      if (disabling) {
        this.#store.updateUser(user.id, { disabledAt: now }, now);
        this.#store.deleteSessionsOfUser(user.id);
        this.#emit(actor, 'user.disabled', { userId: user.id });
      } else if (changes.disabled === false && user.disabledAt !== null) {
        this.#store.updateUser(user.id, { disabledAt: null }, now);
        this.#emit(actor, 'user.enabled', { userId: user.id });
      }
      return this.findAccount(null, user.id);
    });
  }

  /**
   * Deletes an account: it can no longer sign in, its sessions and tokens end, and it shows as
   * "Former user" wherever its name appeared; what it wrote stays. Not the last enabled admin.
   */
  deleteAccount(actor: User | null, userId: string): void {
    if (actor) assertAdmin(actor, 'delete users');
    this.#store.transaction(() => {
      const user = this.#liveAccount(userId);
      if (user.role === 'admin' && user.disabledAt === null) this.#assertNotLastAdmin();
      // The event first: its audit record names the person as they were, not the tombstone.
      this.#emit(actor, 'user.deleted', { userId: user.id });
      this.#store.tombstoneUser(user.id, this.#clock.now());
    });
  }

  /** Changes the signed-in person's own name and color. */
  updateProfile(actor: User, changes: ProfileChanges): User {
    const displayName = changes.displayName?.trim();
    if (displayName !== undefined) checkDisplayName(displayName);
    const color = changes.color?.toLowerCase();
    if (color !== undefined && !colorPattern.test(color)) {
      throw new ValidationError('A color is written #rrggbb.');
    }
    this.#store.updateUser(
      actor.id,
      {
        ...(displayName !== undefined ? { displayName } : {}),
        ...(color !== undefined ? { color } : {}),
      },
      this.#clock.now(),
    );
    const updated = this.#activeUser(actor.id);
    if (!updated) throw userNotFound();
    return { ...updated, role: actor.role };
  }

  /**
   * Changes the signed-in person's password after checking the current one. Every other
   * session of theirs ends; the one used for the change stays. Not with an API token.
   */
  async changePassword(
    auth: Authenticated,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    if (auth.credential.kind !== 'session') {
      throw new PermissionDeniedError('Sign in with your password to change it.');
    }
    const stored = this.#store.findUserById(auth.user.id);
    if (!stored || !(await this.#verify(currentPassword, stored.passwordHash))) {
      throw new UnauthenticatedError('The current password is not correct.', 'invalid_credentials');
    }
    checkPassword(newPassword);
    const passwordHash = await this.#hash(newPassword);
    const keep = auth.credential.sessionId;
    this.#store.transaction(() => {
      this.#store.updateUser(stored.id, { passwordHash }, this.#clock.now());
      this.#emit(auth.user, 'user.password_changed', { userId: stored.id, via: 'self' });
      this.#revokeSessions(auth.user, stored.id, 'password_changed', keep);
    });
  }

  // --- Invites and password resets ---------------------------------------------------------

  /** A one-time link with which someone creates their own account with `role` (admins only). */
  createInvite(actor: User, invite: { email: string; role?: Role }): OneTimeLink {
    assertAdmin(actor, 'invite people');
    const email = normalizeEmail(invite.email);
    checkEmail(email);
    const role = invite.role ?? 'member';
    if (!roles.includes(role)) throw new ValidationError(`A role is one of ${roles.join(', ')}.`);
    if (this.#store.findUserByEmail(email)) throw emailTaken();
    const secret = newSecret(invitePrefix);
    const now = this.#clock.now();
    const record: InviteRecord = {
      id: randomUUID(),
      email,
      role,
      createdBy: actor.id,
      createdAt: now,
      expiresAt: now + this.#inviteTtlMs,
      acceptedAt: null,
      revokedAt: null,
    };
    this.#store.transaction(() => {
      this.#store.insertInvite({ ...record, tokenHash: hashSecret(secret) });
      this.#emit(actor, 'user.invited', {
        inviteId: record.id,
        email,
        role,
        expiresAt: record.expiresAt,
      });
    });
    return { id: record.id, secret, expiresAt: record.expiresAt };
  }

  listInvites(actor: User): InviteRecord[] {
    assertAdmin(actor, 'see invites');
    return this.#store.listOpenInvites(this.#clock.now());
  }

  revokeInvite(actor: User, inviteId: string): void {
    assertAdmin(actor, 'revoke invites');
    const now = this.#clock.now();
    const invite = this.#store.listOpenInvites(now).find((open) => open.id === inviteId);
    this.#store.transaction(() => {
      if (!invite || !this.#store.revokeInvite(inviteId, now)) {
        throw new NotFoundError('The invite', 'invite_not_found');
      }
      this.#emit(actor, 'user.invite_revoked', { inviteId, email: invite.email });
    });
  }

  /** What an open invite is for, to show on its page; throws when it cannot be used. */
  inspectInvite(secret: string): InviteRecord {
    return this.#openInvite(secret);
  }

  /** Creates the invited account with the name and password its owner chose, and signs in. */
  async acceptInvite(
    secret: string,
    account: { displayName: string; password: string },
  ): Promise<LoginResult> {
    const invite = this.#openInvite(secret);
    const user = await this.#prepare({ ...account, email: invite.email, role: invite.role });
    const sessionSecret = this.#store.transaction(() => {
      if (!this.#store.acceptInvite(invite.id, this.#clock.now())) throw linkUsed('invite');
      if (!this.#store.insertUser(user)) throw emailTaken();
      this.#emitCreated(invite.createdBy, user, 'invite');
      return this.#startSession(user.id, 'invite');
    });
    return { user: present(user), sessionSecret };
  }

  /** A one-time link an admin hands over so the person can choose a new password. */
  createPasswordReset(actor: User | null, userId: string): OneTimeLink {
    if (actor) assertAdmin(actor, 'reset passwords');
    const user = this.#liveAccount(userId);
    const secret = newSecret(resetPrefix);
    const now = this.#clock.now();
    const id = randomUUID();
    const expiresAt = now + this.#resetTtlMs;
    this.#store.transaction(() => {
      this.#store.retirePasswordResets(user.id, now);
      this.#store.insertPasswordReset({
        id,
        userId: user.id,
        createdBy: actor?.id ?? null,
        createdAt: now,
        expiresAt,
        usedAt: null,
        tokenHash: hashSecret(secret),
      });
      this.#emit(actor, 'user.password_reset_created', { userId: user.id, resetId: id, expiresAt });
    });
    return { id, secret, expiresAt };
  }

  /** Whose password a reset link is for, to show on its page; throws when it cannot be used. */
  inspectPasswordReset(secret: string): { user: User; expiresAt: number } {
    const { reset, user } = this.#openReset(secret);
    return { user: present(user), expiresAt: reset.expiresAt };
  }

  /** Sets the new password, ends every session of the account, and signs in afresh. */
  async completePasswordReset(secret: string, newPassword: string): Promise<LoginResult> {
    const { reset, user } = this.#openReset(secret);
    checkPassword(newPassword);
    const passwordHash = await this.#hash(newPassword);
    const sessionSecret = this.#store.transaction(() => {
      const now = this.#clock.now();
      if (!this.#store.usePasswordReset(reset.id, now)) throw linkUsed('password reset');
      this.#store.updateUser(user.id, { passwordHash }, now);
      this.#emit(null, 'user.password_changed', { userId: user.id, via: 'reset' }, user.id);
      this.#revokeSessions(null, user.id, 'password_reset');
      return this.#startSession(user.id, 'password_reset');
    });
    return { user: present(user), sessionSecret };
  }

  // --- Single sign-on ---------------------------------------------------------------------

  /**
   * Creates the account of someone an outside identity provider vouched for. It has no
   * password (password sign-in never matches it); the provider is how its owner signs in.
   */
  createExternalUser(account: { email: string; displayName: string; role: Role }): User {
    const email = normalizeEmail(account.email);
    checkEmail(email);
    if (!roles.includes(account.role)) {
      throw new ValidationError(`A role is one of ${roles.join(', ')}.`);
    }
    const displayName = account.displayName.trim().slice(0, 100) || email.split('@')[0] || email;
    const id = randomUUID();
    const user: NewUser = {
      id,
      email,
      displayName,
      color: userColor(id),
      role: account.role,
      passwordHash: noPassword,
      createdAt: this.#clock.now(),
    };
    this.#store.transaction(() => {
      if (!this.#store.insertUser(user)) throw emailTaken();
      this.#emitCreated(null, user, 'sso');
    });
    return present(user);
  }

  /** The account (deleted ones included) with this email, or null; for outside sign-in. */
  findAccountByEmail(email: string): (UserAccount & { readonly deleted: boolean }) | null {
    const stored = this.#store.findUserByEmail(normalizeEmail(email));
    return stored ? { ...presentAccount(stored), deleted: stored.deletedAt !== null } : null;
  }

  /** The account with this id, deleted ones included, or null; for outside sign-in. */
  findAccountById(userId: string): (UserAccount & { readonly deleted: boolean }) | null {
    const stored = this.#store.findUserById(userId);
    return stored ? { ...presentAccount(stored), deleted: stored.deletedAt !== null } : null;
  }

  /**
   * Starts a session for a person an outside provider vouched for; refuses disabled and
   * deleted accounts (and records the refusal for admins).
   */
  signInExternal(userId: string): LoginResult {
    const stored = this.#store.findUserById(userId);
    if (!stored || stored.disabledAt !== null || stored.deletedAt !== null) {
      const reason = !stored ? 'unknown_account' : stored.deletedAt ? 'deleted' : 'disabled';
      this.#signInFailed(stored?.email ?? '', stored, `sso_${reason}`);
      throw new UnauthenticatedError(
        'This account cannot sign in: it was disabled or deleted. Ask an admin of this wiki.',
        'account_disabled',
      );
    }
    const sessionSecret = this.#store.transaction(() => this.#startSession(stored.id, 'sso'));
    return { user: present(stored), sessionSecret };
  }

  // --- Sessions ----------------------------------------------------------------------------

  async login(email: string, password: string): Promise<LoginResult> {
    const stored = this.#store.findUserByEmail(normalizeEmail(email));
    if (!stored || stored.disabledAt !== null || stored.deletedAt !== null) {
      this.#decoyHash ??= hashPassword('decoy password', this.#scrypt);
      await this.#verify(password, await this.#decoyHash);
      const reason = !stored ? 'unknown_account' : stored.deletedAt ? 'deleted' : 'disabled';
      this.#signInFailed(email, stored, reason);
      throw invalidCredentials();
    }
    if (!(await this.#verify(password, stored.passwordHash))) {
      this.#signInFailed(email, stored, 'wrong_password');
      throw invalidCredentials();
    }
    const sessionSecret = this.#store.transaction(() => this.#startSession(stored.id, 'password'));
    return { user: present(stored), sessionSecret };
  }

  /** A new session for a user who just proved who they are (login or first setup). */
  startSession(user: User, via: SignInPath = 'password'): string {
    return this.#store.transaction(() => this.#startSession(user.id, via));
  }

  /** Ends a session server-side; unknown secrets are ignored. */
  logout(sessionSecret: string): void {
    const idHash = hashSecret(sessionSecret);
    const session = this.#store.findSession(idHash);
    if (!session) return;
    this.#store.transaction(() => {
      this.#store.deleteSession(idHash);
      this.#emit(
        null,
        'user.sessions_revoked',
        {
          userId: session.userId,
          sessionIds: [idHash],
          reason: 'logout',
        },
        session.userId,
      );
    });
  }

  /** Ends every session of the signed-in person, the current one included. */
  logoutEverywhere(actor: User): void {
    this.#store.transaction(() => this.#revokeSessions(actor, actor.id, 'logout_everywhere'));
  }

  /** The person behind a session secret, extending the session; null when unknown or expired. */
  authenticateSession(sessionSecret: string): Authenticated | null {
    if (!sessionSecret.startsWith(sessionPrefix)) return null;
    return this.#authenticateSessionId(hashSecret(sessionSecret));
  }

  // --- API tokens --------------------------------------------------------------------------

  /**
   * Creates an API token for the signed-in person. Only a session can (a token cannot mint
   * tokens), and only admins can create `admin` tokens.
   */
  createToken(auth: Authenticated, input: NewToken): { token: ApiTokenRecord; secret: string } {
    if (auth.credential.kind !== 'session') {
      throw new PermissionDeniedError('API tokens cannot create API tokens; sign in instead.');
    }
    const trimmed = input.name.trim();
    if (trimmed.length === 0 || trimmed.length > 100) {
      throw new ValidationError('A token name must be 1 to 100 characters.');
    }
    const scope = input.scope ?? 'write';
    if (scope === 'admin' && auth.user.role !== 'admin') {
      throw new PermissionDeniedError('Only admins can create admin tokens.');
    }
    const now = this.#clock.now();
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && expiresAt <= now) {
      throw new ValidationError('A token must expire in the future.');
    }
    const secret = newSecret(tokenPrefix);
    const token: ApiTokenRecord = {
      id: randomUUID(),
      userId: auth.user.id,
      name: trimmed,
      scope,
      createdAt: now,
      lastUsedAt: null,
      expiresAt,
      revokedAt: null,
    };
    this.#store.transaction(() => {
      this.#store.insertToken({ ...token, tokenHash: hashSecret(secret) });
      this.#emit(auth.user, 'token.created', {
        userId: auth.user.id,
        tokenId: token.id,
        name: trimmed,
        scope,
        expiresAt,
      });
    });
    return { token, secret };
  }

  listTokens(actor: User): ApiTokenRecord[] {
    return this.#store.listTokens(actor.id);
  }

  revokeToken(actor: User, tokenId: string): void {
    this.#store.transaction(() => {
      if (!this.#store.revokeToken(actor.id, tokenId, this.#clock.now())) {
        throw new NotFoundError('The token', 'token_not_found');
      }
      const name = this.#store.findTokenById(tokenId)?.name ?? '';
      this.#emit(actor, 'token.revoked', { userId: actor.id, tokenId, name });
    });
  }

  /** The person behind an API token; null when unknown, revoked or expired. */
  authenticateToken(secret: string): Authenticated | null {
    if (!secret.startsWith(tokenPrefix)) return null;
    return this.#authenticateTokenRecord(this.#store.findTokenByHash(hashSecret(secret)));
  }

  /**
   * Checks again a credential a long-lived connection was opened with, by its id (no secret):
   * the person behind it as they are now, and until when the credential holds (null: until it
   * is revoked), or null when it no longer holds (signed out, expired, revoked, account
   * disabled or deleted).
   */
  recheckCredential(credential: Credential): CredentialCheck | null {
    if (credential.kind === 'session') {
      const auth = this.#authenticateSessionId(credential.sessionId);
      const session = auth ? this.#store.findSession(credential.sessionId) : null;
      if (!auth || !session) return null;
      return { auth, validUntil: Math.min(session.expiresAt, this.#sessionEnd(session)) };
    }
    const token = this.#store.findTokenById(credential.tokenId);
    const auth = this.#authenticateTokenRecord(token);
    return auth ? { auth, validUntil: token?.expiresAt ?? null } : null;
  }

  // --- Collaboration tickets ---------------------------------------------------------------

  /** A short-lived, single-use ticket for opening a collaboration socket as `auth`. */
  issueCollabTicket(auth: Authenticated): CollabTicket {
    return this.#tickets.issue(auth.user.id, auth.credential);
  }

  /** Redeems a ticket: the person and credential it was issued for, if that still holds. */
  authenticateCollabTicket(ticket: string): Authenticated | null {
    const entry = this.#tickets.redeem(ticket);
    if (!entry) return null;
    const auth =
      entry.credential.kind === 'session'
        ? this.#authenticateSessionId(entry.credential.sessionId)
        : this.#authenticateTokenRecord(this.#store.findTokenById(entry.credential.tokenId));
    return auth && auth.user.id === entry.userId ? auth : null;
  }

  /** Deletes expired sessions; returns how many. */
  pruneSessions(): number {
    return this.#store.deleteExpiredSessions(this.#clock.now());
  }

  // --- Internals ---------------------------------------------------------------------------

  async #createFirstAdmin(account: Omit<NewAccount, 'role'>, via: UserCreationPath): Promise<User> {
    const user = await this.#prepare({
      email: account.email,
      displayName: account.displayName,
      password: account.password,
      role: 'admin',
    });
    this.#store.transaction(() => {
      if (!this.#store.insertFirstUser(user)) throw alreadySetUp();
      this.#store.deleteSetupCode();
      // Whoever held the setup code made themselves the admin; the operator's config is no one.
      this.#emitCreated(via === 'setup' ? user.id : null, user, via);
    });
    return present(user);
  }

  #authenticateSessionId(idHash: string): Authenticated | null {
    const session = this.#store.findSession(idHash);
    const now = this.#clock.now();
    if (!session) return null;
    const endsAt = this.#sessionEnd(session);
    if (session.expiresAt <= now || endsAt <= now) {
      this.#store.deleteSession(idHash);
      return null;
    }
    const user = this.#activeUser(session.userId);
    if (!user) return null;
    // Writing on every request would turn reads into writes; a minute of slack is plenty.
    if (now - session.lastSeenAt > 60_000) {
      this.#store.touchSession(idHash, now, Math.min(now + this.#sessionTtlMs, endsAt));
    }
    return { user, credential: { kind: 'session', sessionId: idHash } };
  }

  #authenticateTokenRecord(token: ApiTokenRecord | null): Authenticated | null {
    const now = this.#clock.now();
    if (!token || token.revokedAt !== null) return null;
    if (token.expiresAt !== null && token.expiresAt <= now) return null;
    const user = this.#activeUser(token.userId);
    if (!user) return null;
    if (token.lastUsedAt === null || now - token.lastUsedAt > 60_000) {
      this.#store.touchToken(token.id, now);
    }
    // A token acts with no more than its scope allows: admin work needs an admin token.
    const acting: User =
      user.role === 'admin' && token.scope !== 'admin' ? { ...user, role: 'member' } : user;
    return {
      user: acting,
      credential: { kind: 'token', tokenId: token.id, scope: token.scope },
    };
  }

  #sessionEnd(session: SessionRecord): number {
    return session.createdAt + this.#sessionMaxAgeMs;
  }

  /** Call inside a transaction. */
  #startSession(userId: string, via: SignInPath): string {
    const secret = newSecret(sessionPrefix);
    const now = this.#clock.now();
    this.#store.insertSession({
      idHash: hashSecret(secret),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + Math.min(this.#sessionTtlMs, this.#sessionMaxAgeMs),
    });
    this.#emit(null, 'user.signed_in', { userId, via }, userId);
    return secret;
  }

  /** A failed sign-in changes nothing, but admins see it in the audit log. */
  #signInFailed(email: string, user: StoredUser | null, reason: string): void {
    this.#audit?.record({
      action: 'user.sign_in_failed',
      actorId: null,
      target: { kind: 'user', id: user?.id ?? null, label: normalizeEmail(email).slice(0, 320) },
      details: { reason },
    });
  }

  /** Call inside a transaction. */
  #revokeSessions(
    actor: User | null,
    userId: string,
    reason: SessionRevocationReason,
    keepSessionId?: string,
  ): void {
    const sessionIds = this.#store.deleteSessionsOfUser(userId, keepSessionId);
    if (sessionIds.length === 0) return;
    this.#emit(actor, 'user.sessions_revoked', { userId, sessionIds, reason });
  }

  #emitCreated(actorId: string | null, user: NewUser, via: UserCreationPath): void {
    const data = { userId: user.id, email: user.email, role: user.role, via };
    this.#emit(null, 'user.created', data, actorId);
  }

  #emit<T extends DomainEventType>(
    actor: User | null,
    type: T,
    data: DomainEventData[T],
    actorId: string | null = actor?.id ?? null,
  ): void {
    this.#events.append({
      type,
      pageId: null,
      spaceId: null,
      actorId,
      at: this.#clock.now(),
      data,
    });
  }

  #assertNotLastAdmin(): void {
    if (this.#store.countEnabledAdmins() <= 1) {
      throw new ConflictError(
        'last_admin',
        'This is the last enabled admin; make someone else an admin first.',
      );
    }
  }

  #liveAccount(userId: string): StoredUser {
    const user = this.#store.findUserById(userId);
    if (!user || user.deletedAt !== null) throw userNotFound();
    return user;
  }

  #openInvite(secret: string): InviteRecord {
    const invite = secret.startsWith(invitePrefix)
      ? this.#store.findInviteByHash(hashSecret(secret))
      : null;
    if (!invite || invite.revokedAt !== null) {
      throw new NotFoundError('The invite', 'invite_not_found');
    }
    if (invite.acceptedAt !== null) throw linkUsed('invite');
    if (invite.expiresAt <= this.#clock.now()) throw linkExpired('invite');
    return invite;
  }

  #openReset(secret: string) {
    const reset = secret.startsWith(resetPrefix)
      ? this.#store.findPasswordResetByHash(hashSecret(secret))
      : null;
    const user = reset ? this.#store.findUserById(reset.userId) : null;
    if (!reset || !user || user.deletedAt !== null) {
      throw new NotFoundError('The password reset link', 'reset_not_found');
    }
    if (reset.usedAt !== null) throw linkUsed('password reset');
    if (reset.expiresAt <= this.#clock.now()) throw linkExpired('password reset');
    return { reset, user };
  }

  #activeUser(userId: string): User | null {
    const user = this.#store.findUserById(userId);
    return user && user.disabledAt === null && user.deletedAt === null ? present(user) : null;
  }

  #hash(password: string): Promise<string> {
    return this.#hashGate.run(() => hashPassword(password, this.#scrypt));
  }

  #verify(password: string, hash: string): Promise<boolean> {
    return this.#hashGate.run(() => verifyPassword(password, hash));
  }

  async #prepare(account: NewAccount): Promise<NewUser> {
    const email = normalizeEmail(account.email);
    const displayName = account.displayName.trim();
    checkEmail(email);
    checkDisplayName(displayName);
    checkPassword(account.password);
    const id = randomUUID();
    return {
      id,
      email,
      displayName,
      color: userColor(id),
      role: account.role ?? 'member',
      passwordHash: await this.#hash(account.password),
      createdAt: this.#clock.now(),
    };
  }
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function checkEmail(email: string): void {
  if (!emailPattern.test(email) || email.length > 254) {
    throw new ValidationError('Enter a valid email address.');
  }
}

function checkDisplayName(displayName: string): void {
  if (displayName.length === 0 || displayName.length > 100) {
    throw new ValidationError('A display name must be 1 to 100 characters.');
  }
}

function checkPassword(password: string): void {
  if (password.length < passwordMinLength || password.length > passwordMaxLength) {
    throw new ValidationError(`A password must be at least ${passwordMinLength} characters.`);
  }
}

function assertAdmin(actor: User, what: string): void {
  if (actor.role !== 'admin') throw new PermissionDeniedError(`Only admins can ${what}.`);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(hashSecret(given.trim().toUpperCase()));
  const b = Buffer.from(hashSecret(expected));
  return timingSafeEqual(a, b);
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

function presentAccount(user: StoredUser): UserAccount {
  return { ...present(user), disabledAt: user.disabledAt };
}

const alreadySetUp = () =>
  new ConflictError('already_set_up', 'Lore already has an admin; sign in instead.');
const emailTaken = () => new ConflictError('email_taken', 'A user with this email already exists.');
const userNotFound = () => new NotFoundError('The user', 'user_not_found');
const linkUsed = (what: string) =>
  new ConflictError('link_used', `This ${what} link was already used.`);
const linkExpired = (what: string) =>
  new ConflictError('link_expired', `This ${what} link has expired; ask an admin for a new one.`);
const invalidCredentials = () =>
  new UnauthenticatedError('The email or password is not correct.', 'invalid_credentials');
