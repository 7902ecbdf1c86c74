import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../DomainError';
import { AccountService } from './AccountService';
import type { AccountStore, ApiTokenRecord, NewUser, SessionRecord } from './AccountStore';
import type { StoredUser } from './User';

/** A plain in-memory AccountStore: the domain needs no database to be tested. */
function memoryStore(): AccountStore {
  const users = new Map<string, StoredUser>();
  const sessions = new Map<string, SessionRecord>();
  const tokens = new Map<string, ApiTokenRecord & { tokenHash: string }>();
  const byEmail = (email: string) =>
    [...users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  const insert = (user: NewUser) => {
    if (byEmail(user.email)) return false;
    users.set(user.id, { ...user, disabledAt: null });
    return true;
  };
  return {
    countUsers: () => users.size,
    insertUser: insert,
    insertFirstUser: (user) => users.size === 0 && insert(user),
    findUserById: (id) => users.get(id) ?? null,
    findUserByEmail: (email) => byEmail(email) ?? null,
    listUsers: () => [...users.values()],
    insertSession: (session) => void sessions.set(session.idHash, session),
    findSession: (idHash) => sessions.get(idHash) ?? null,
    touchSession: (idHash, lastSeenAt, expiresAt) => {
      const session = sessions.get(idHash);
      if (session) sessions.set(idHash, { ...session, lastSeenAt, expiresAt });
    },
    deleteSession: (idHash) => void sessions.delete(idHash),
    deleteExpiredSessions: (now) => {
      let n = 0;
      for (const [key, session] of sessions)
        if (session.expiresAt <= now && sessions.delete(key)) n++;
      return n;
    },
    insertToken: (token) => void tokens.set(token.tokenHash, token),
    findTokenByHash: (hash) => tokens.get(hash) ?? null,
    listTokens: (userId) =>
      [...tokens.values()].filter((t) => t.userId === userId && t.revokedAt === null),
    revokeToken: (userId, id, at) => {
      const token = [...tokens.values()].find(
        (t) => t.id === id && t.userId === userId && t.revokedAt === null,
      );
      if (!token) return false;
      tokens.set(token.tokenHash, { ...token, revokedAt: at });
      return true;
    },
    touchToken: () => {},
  };
}

function setup() {
  let now = 1_000_000;
  const clock = { now: () => now };
  const service = new AccountService({
    store: memoryStore(),
    clock,
    sessionTtlMs: 60 * 60_000,
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  });
  return { service, advance: (ms: number) => (now += ms) };
}

describe('AccountService', () => {
  it('sets up the first admin once', async () => {
    const { service } = setup();
    const admin = await service.setupFirstAdmin({
      email: ' Ada@Example.com ',
      displayName: 'Ada',
      password: 'long password',
    });
    expect(admin).toMatchObject({ email: 'ada@example.com', role: 'admin' });
    await expect(
      service.setupFirstAdmin({
        email: 'b@example.com',
        displayName: 'B',
        password: 'long password',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('validates accounts before storing them', async () => {
    const { service } = setup();
    for (const bad of [
      { email: 'not-an-email', displayName: 'X', password: 'long password' },
      { email: 'x@example.com', displayName: '   ', password: 'long password' },
      { email: 'x@example.com', displayName: 'X', password: 'short' },
    ]) {
      await expect(service.createUser(null, bad)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(service.needsSetup()).toBe(true);
  });

  it('expires idle sessions and extends used ones', async () => {
    const { service, advance } = setup();
    const admin = await service.setupFirstAdmin({
      email: 'a@example.com',
      displayName: 'A',
      password: 'long password',
    });
    const secret = service.startSession(admin);
    advance(50 * 60_000);
    expect(service.authenticateSession(secret)?.id).toBe(admin.id);
    advance(50 * 60_000);
    expect(service.authenticateSession(secret)?.id).toBe(admin.id);
    advance(61 * 60_000);
    expect(service.authenticateSession(secret)).toBeNull();
  });

  it('keeps members from creating users', async () => {
    const { service } = setup();
    const admin = await service.setupFirstAdmin({
      email: 'a@example.com',
      displayName: 'A',
      password: 'long password',
    });
    const member = await service.createUser(admin, {
      email: 'm@example.com',
      displayName: 'M',
      password: 'long password',
    });
    expect(member.role).toBe('member');
    await expect(
      service.createUser(member, {
        email: 'x@example.com',
        displayName: 'X',
        password: 'long password',
      }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(service.login('m@example.com', 'wrong password')).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    expect((await service.login('M@example.com', 'long password')).user.id).toBe(member.id);
  });

  it('authenticates tokens until they are revoked and ignores secrets of the wrong kind', async () => {
    const { service } = setup();
    const admin = await service.setupFirstAdmin({
      email: 'a@example.com',
      displayName: 'A',
      password: 'long password',
    });
    const { token, secret } = service.createToken(admin, 'bot');
    expect(service.authenticateToken(secret)?.id).toBe(admin.id);
    expect(service.authenticateSession(secret)).toBeNull();
    service.revokeToken(admin, token.id);
    expect(service.authenticateToken(secret)).toBeNull();
  });
});
