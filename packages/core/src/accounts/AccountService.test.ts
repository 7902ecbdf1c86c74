import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../DomainError';
import { MemoryEventLog } from '../events/MemoryEventLog';
import { AccountService } from './AccountService';
import type { Authenticated } from './Credential';
import { MemoryAccountStore } from './MemoryAccountStore';
import type { User } from './User';

const hour = 3_600_000;
const password = 'long password';

function setup(options: { sessionMaxAgeMs?: number } = {}) {
  let now = 1_000_000;
  const clock = { now: () => now };
  const store = new MemoryAccountStore();
  const events = new MemoryEventLog();
  const service = new AccountService({
    store,
    clock,
    events,
    sessionTtlMs: hour,
    ...options,
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  });
  const types = () => events.readAfter(0, 1000).map((event) => event.type);
  return { service, store, events, types, advance: (ms: number) => (now += ms) };
}

async function withAdmin(options: { sessionMaxAgeMs?: number } = {}) {
  const context = setup(options);
  const admin = await context.service.setupFirstAdminFromConfig({
    email: 'a@example.com',
    displayName: 'A',
    password,
  });
  const adminAuth = context.service.authenticateSession(context.service.startSession(admin));
  if (!adminAuth) throw new Error('no admin session');
  return { ...context, admin, adminAuth };
}

function signIn(service: AccountService, user: User): { secret: string; auth: Authenticated } {
  const secret = service.startSession(user);
  const auth = service.authenticateSession(secret);
  if (!auth) throw new Error('no session');
  return { secret, auth };
}

describe('AccountService', () => {
  it('sets up the first admin once, and only with the setup code', async () => {
    const { service, types } = setup();
    const code = service.setupCode();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(service.setupCode()).toBe(code);
    const account = { email: ' Ada@Example.com ', displayName: 'Ada', password };
    await expect(service.setupFirstAdmin(account)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(
      service.setupFirstAdmin({ ...account, setupCode: 'AAAA-AAAA-AAAA-AAAA' }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(service.needsSetup()).toBe(true);
    const admin = await service.setupFirstAdmin({
      ...account,
      setupCode: code?.toLowerCase(),
    });
    expect(admin).toMatchObject({ email: 'ada@example.com', role: 'admin' });
    expect(service.setupCode()).toBeNull();
    await expect(
      service.setupFirstAdmin({ ...account, email: 'b@example.com', setupCode: code ?? '' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(types()).toEqual(['user.created']);
  });

  it('validates accounts before storing them', async () => {
    const { service } = setup();
    for (const bad of [
      { email: 'not-an-email', displayName: 'X', password },
      { email: 'x@example.com', displayName: '   ', password },
      { email: 'x@example.com', displayName: 'X', password: 'short' },
    ]) {
      await expect(service.createUser(null, bad)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(service.needsSetup()).toBe(true);
  });

  it('expires idle sessions, extends used ones, and ends every session at its maximum age', async () => {
    const { service, admin, advance } = await withAdmin({ sessionMaxAgeMs: 3 * hour });
    const secret = service.startSession(admin);
    advance(50 * 60_000);
    expect(service.authenticateSession(secret)?.user.id).toBe(admin.id);
    advance(50 * 60_000);
    expect(service.authenticateSession(secret)?.user.id).toBe(admin.id);
    advance(50 * 60_000);
    expect(service.authenticateSession(secret)?.user.id).toBe(admin.id);
    // Used all along, but three hours after sign-in it ends.
    advance(35 * 60_000);
    expect(service.authenticateSession(secret)).toBeNull();

    const idle = service.startSession(admin);
    advance(61 * 60_000);
    expect(service.authenticateSession(idle)).toBeNull();
  });

  it('keeps members from managing users', async () => {
    const { service, admin } = await withAdmin();
    const member = await service.createUser(admin, {
      email: 'm@example.com',
      displayName: 'M',
      password,
    });
    expect(member.role).toBe('member');
    await expect(
      service.createUser(member, { email: 'x@example.com', displayName: 'X', password }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(() => service.updateAccount(member, admin.id, { disabled: true })).toThrow(
      PermissionDeniedError,
    );
    expect(() => service.createInvite(member, { email: 'x@example.com' })).toThrow(
      PermissionDeniedError,
    );
    await expect(service.login('m@example.com', 'wrong password')).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    expect((await service.login('M@example.com', password)).user.id).toBe(member.id);
  });

  it('disables and enables accounts: sessions end at once and tokens pause', async () => {
    const { service, admin, types } = await withAdmin();
    const member = await service.createUser(admin, {
      email: 'm@example.com',
      displayName: 'M',
      password,
    });
    const { secret, auth } = signIn(service, member);
    const { secret: token } = service.createToken(auth, { name: 'bot' });
    service.updateAccount(admin, member.id, { disabled: true });
    expect(service.authenticateSession(secret)).toBeNull();
    expect(service.authenticateToken(token)).toBeNull();
    await expect(service.login('m@example.com', password)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    expect(service.listUsers(admin).find((u) => u.id === member.id)?.disabledAt).not.toBeNull();
    service.updateAccount(admin, member.id, { disabled: false });
    // Sessions stay ended; the token works again; signing in works again.
    expect(service.authenticateSession(secret)).toBeNull();
    expect(service.authenticateToken(token)?.user.id).toBe(member.id);
    expect((await service.login('m@example.com', password)).user.id).toBe(member.id);
    expect(types()).toEqual([
      'user.created',
      'user.signed_in',
      'user.created',
      'user.signed_in',
      'token.created',
      'user.disabled',
      'user.enabled',
      'user.signed_in',
    ]);
  });

  it('never disables, demotes or deletes the last enabled admin', async () => {
    const { service, admin, events } = await withAdmin();
    expect(() => service.updateAccount(admin, admin.id, { disabled: true })).toThrow(ConflictError);
    expect(() => service.updateAccount(admin, admin.id, { role: 'member' })).toThrow(ConflictError);
    expect(() => service.deleteAccount(admin, admin.id)).toThrow(ConflictError);
    const second = await service.createUser(admin, {
      email: 'b@example.com',
      displayName: 'B',
      password,
      role: 'admin',
    });
    service.updateAccount(admin, second.id, { disabled: true });
    // The disabled admin does not count: the first is still the last enabled one.
    expect(() => service.updateAccount(admin, admin.id, { role: 'guest' })).toThrow(ConflictError);
    service.updateAccount(admin, second.id, { disabled: false });
    service.updateAccount(admin, admin.id, { role: 'member' });
    const last = events.readAfter(0, 100).at(-1);
    expect(last).toMatchObject({
      type: 'user.role_changed',
      actorId: admin.id,
      data: { userId: admin.id, role: 'member', previousRole: 'admin' },
    });
  });

  it('deletes an account into a "Former user" whose sessions and tokens die', async () => {
    const { service, store, admin } = await withAdmin();
    const member = await service.createUser(admin, {
      email: 'm@example.com',
      displayName: 'M',
      password,
    });
    const { secret, auth } = signIn(service, member);
    const { secret: token } = service.createToken(auth, { name: 'bot' });
    service.deleteAccount(admin, member.id);
    expect(service.authenticateSession(secret)).toBeNull();
    expect(service.authenticateToken(token)).toBeNull();
    expect(store.findUserById(member.id)?.displayName).toBe('Former user');
    expect(service.listUsers(admin).map((u) => u.id)).toEqual([admin.id]);
    expect(() => service.deleteAccount(admin, member.id)).toThrow(NotFoundError);
    // The email is free again.
    const again = await service.createUser(admin, {
      email: 'm@example.com',
      displayName: 'M2',
      password,
    });
    expect(again.id).not.toBe(member.id);
  });

  it('invites: one use, before it expires, with the invited role', async () => {
    const { service, admin, advance, events } = await withAdmin();
    const link = service.createInvite(admin, { email: 'New@Example.com', role: 'guest' });
    expect(service.inspectInvite(link.secret)).toMatchObject({
      email: 'new@example.com',
      role: 'guest',
    });
    const { user, sessionSecret } = await service.acceptInvite(link.secret, {
      displayName: 'Newcomer',
      password,
    });
    expect(user).toMatchObject({ email: 'new@example.com', role: 'guest' });
    expect(service.authenticateSession(sessionSecret)?.user.id).toBe(user.id);
    await expect(
      service.acceptInvite(link.secret, { displayName: 'Again', password }),
    ).rejects.toMatchObject({ code: 'link_used' });
    const created = events
      .readAfter(0, 100)
      .filter((e) => e.type === 'user.created')
      .at(-1);
    expect(created).toMatchObject({ actorId: admin.id, data: { via: 'invite', userId: user.id } });

    const late = service.createInvite(admin, { email: 'late@example.com' });
    advance(8 * 24 * hour);
    await expect(
      service.acceptInvite(late.secret, { displayName: 'Late', password }),
    ).rejects.toMatchObject({ code: 'link_expired' });
    expect(() => service.inspectInvite('lore_inv_made-up')).toThrow(NotFoundError);
    expect(() => service.createInvite(admin, { email: 'new@example.com' })).toThrow(ConflictError);
  });

  it('resets a password once: the old one and every session stop working', async () => {
    const { service, admin, events } = await withAdmin();
    const member = await service.createUser(admin, {
      email: 'm@example.com',
      displayName: 'M',
      password,
    });
    const { secret, auth } = signIn(service, member);
    const first = service.createPasswordReset(admin, member.id);
    const link = service.createPasswordReset(admin, member.id);
    // A newer link replaces the older one.
    expect(() => service.inspectPasswordReset(first.secret)).toThrow(ConflictError);
    expect(service.inspectPasswordReset(link.secret).user.id).toBe(member.id);
    await service.completePasswordReset(link.secret, 'a brand new password');
    expect(service.authenticateSession(secret)).toBeNull();
    await expect(service.login('m@example.com', password)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    expect((await service.login('m@example.com', 'a brand new password')).user.id).toBe(member.id);
    await expect(
      service.completePasswordReset(link.secret, 'another password!'),
    ).rejects.toBeInstanceOf(ConflictError);
    const revoked = events.readAfter(0, 100).find((e) => e.type === 'user.sessions_revoked');
    expect(revoked?.data).toEqual({
      userId: member.id,
      sessionIds: [auth.credential.kind === 'session' ? auth.credential.sessionId : ''],
      reason: 'password_reset',
    });
  });

  it('changes the own password and profile, keeping only the current session', async () => {
    const { service, admin } = await withAdmin();
    const current = signIn(service, admin);
    const other = signIn(service, admin);
    await expect(
      service.changePassword(current.auth, 'wrong password', 'new password!'),
    ).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(service.changePassword(current.auth, password, 'short')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await service.changePassword(current.auth, password, 'new password!');
    expect(service.authenticateSession(current.secret)?.user.id).toBe(admin.id);
    expect(service.authenticateSession(other.secret)).toBeNull();
    const updated = service.updateProfile(admin, { displayName: ' Ada L. ', color: '#AABBCC' });
    expect(updated).toMatchObject({ displayName: 'Ada L.', color: '#aabbcc' });
    expect(() => service.updateProfile(admin, { color: 'red' })).toThrow(ValidationError);
    service.logoutEverywhere(admin);
    expect(service.authenticateSession(current.secret)).toBeNull();
  });

  it('scopes tokens, expires them, and keeps tokens from minting tokens', async () => {
    const { service, admin, adminAuth, advance } = await withAdmin();
    const { token, secret } = service.createToken(adminAuth, { name: 'bot' });
    expect(token.scope).toBe('write');
    const viaToken = service.authenticateToken(secret);
    expect(viaToken?.user.role).toBe('member');
    expect(viaToken?.credential).toMatchObject({ kind: 'token', scope: 'write' });
    expect(service.authenticateSession(secret)).toBeNull();
    if (!viaToken) throw new Error('unreachable');
    expect(() => service.createToken(viaToken, { name: 'child' })).toThrow(PermissionDeniedError);
    expect(() => service.listUsers(viaToken.user)).toThrow(PermissionDeniedError);

    const adminToken = service.createToken(adminAuth, { name: 'ops', scope: 'admin' });
    const asAdmin = service.authenticateToken(adminToken.secret);
    expect(asAdmin?.user.role).toBe('admin');

    const short = service.createToken(adminAuth, { name: 'short', expiresAt: 1_000_000 + hour });
    expect(service.authenticateToken(short.secret)).not.toBeNull();
    advance(hour + 1);
    expect(service.authenticateToken(short.secret)).toBeNull();
    expect(() => service.createToken(adminAuth, { name: 'past', expiresAt: 5 })).toThrow(
      ValidationError,
    );

    service.revokeToken(admin, token.id);
    expect(service.authenticateToken(secret)).toBeNull();

    const member = await service.createUser(admin, {
      email: 'm@example.com',
      displayName: 'M',
      password,
    });
    const memberAuth = signIn(service, member).auth;
    expect(() => service.createToken(memberAuth, { name: 'x', scope: 'admin' })).toThrow(
      PermissionDeniedError,
    );
  });

  it('redeems a collaboration ticket once, within its lifetime, while its session lives', async () => {
    const { service, admin, advance } = await withAdmin();
    const { secret, auth } = signIn(service, admin);
    const once = service.issueCollabTicket(auth);
    expect(service.authenticateCollabTicket(once.ticket)?.user.id).toBe(admin.id);
    expect(service.authenticateCollabTicket(once.ticket)).toBeNull();
    const late = service.issueCollabTicket(auth);
    advance(31_000);
    expect(service.authenticateCollabTicket(late.ticket)).toBeNull();
    const orphan = service.issueCollabTicket(auth);
    service.logout(secret);
    expect(service.authenticateCollabTicket(orphan.ticket)).toBeNull();
  });
});
