import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyText, collabClient, typeInto } from '../test/collabClient';
import { expectJson } from '../test/expectJson';
import { startTestServer, type TestServer } from '../test/startTestServer';

const admin = { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' };
const password = 'a long password';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const setUp = async () =>
  expectJson(await t.request('/api/setup', { method: 'POST', json: admin }), 201);

/** Signs in without touching the admin's cookie jar; returns a `cookie` header value. */
async function logIn(email: string, secret = password): Promise<string> {
  const response = await t.request('/api/auth/login', {
    method: 'POST',
    anonymous: true,
    json: { email, password: secret },
  });
  expect(response.status).toBe(200);
  return (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
}

async function createMember(email = 'bob@example.com', role = 'member'): Promise<string> {
  const { user } = await expectJson(
    await t.request('/api/users', {
      method: 'POST',
      json: { email, displayName: email.split('@')[0], password, role },
    }),
    201,
  );
  return user.id;
}

const as = (cookie: string) => ({ anonymous: true, headers: { cookie, origin: t.url } });
const tokenFrom = (url: string) => decodeURIComponent(url.split('/').at(-1) ?? '');
const eventTypes = () =>
  (
    t.server.services.db.prepare('SELECT type FROM domain_events ORDER BY seq').all() as {
      type: string;
    }[]
  ).map((row) => row.type);

describe('first run with a setup code', () => {
  it('refuses a missing or wrong code with 403 and creates nothing', async () => {
    for (const body of [
      { ...admin, setupCode: undefined },
      { ...admin, setupCode: 'WRONG-CODE' },
    ]) {
      const response = await t.request('/api/setup', { method: 'POST', json: body });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden');
    }
    expect(await (await t.request('/api/setup')).json()).toEqual({ needsSetup: true });
    expect(t.logs.join('')).toContain(t.server.services.accounts.setupCode() ?? 'no code');
    await setUp();
    expect(t.server.services.accounts.setupCode()).toBeNull();
  });
});

describe('admin account management', () => {
  beforeEach(setUp);

  it('invites someone, who sets a name and password and is signed in with the invited role', async () => {
    const link = await expectJson(
      await t.request('/api/invites', {
        method: 'POST',
        json: { email: 'New@Example.com', role: 'guest' },
      }),
      201,
    );
    expect(link.url).toMatch(new RegExp(`^${t.url}/invite/lore_inv_`));
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now());
    const listed = await expectJson(await t.request('/api/invites'), 200);
    expect(listed.invites).toMatchObject([{ id: link.id, email: 'new@example.com' }]);

    const token = tokenFrom(link.url);
    const info = await expectJson(
      await t.request('/api/invites/inspect', { method: 'POST', anonymous: true, json: { token } }),
      200,
    );
    expect(info).toMatchObject({ email: 'new@example.com', role: 'guest' });
    const accepted = await t.request('/api/invites/accept', {
      method: 'POST',
      anonymous: true,
      json: { token, displayName: 'Newcomer', password },
    });
    expect(accepted.status).toBe(201);
    expect((await accepted.json()).user).toMatchObject({ role: 'guest', displayName: 'Newcomer' });
    const cookie = (accepted.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect((await expectJson(await t.request('/api/me', as(cookie)), 200)).user.email).toBe(
      'new@example.com',
    );
    const again = await t.request('/api/invites/accept', {
      method: 'POST',
      anonymous: true,
      json: { token, displayName: 'Twice', password },
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('link_used');
    expect(eventTypes()).toEqual([
      'user.created',
      'user.signed_in',
      'user.invited',
      'user.created',
      'user.signed_in',
    ]);
  });

  it('disables an account: its sessions and tokens stop at once and it cannot sign in; enabling restores sign-in', async () => {
    const bobId = await createMember();
    const cookie = await logIn('bob@example.com');
    const { token } = await expectJson(
      await t.request('/api/tokens', { method: 'POST', ...as(cookie), json: { name: 'bot' } }),
      201,
    );
    const disabled = await expectJson(
      await t.request(`/api/users/${bobId}`, { method: 'PATCH', json: { disabled: true } }),
      200,
    );
    expect(disabled.user.disabled).toBe(true);
    expect((await t.request('/api/me', as(cookie))).status).toBe(401);
    const viaToken = await t.request('/api/me', {
      anonymous: true,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.status).toBe(401);
    const login = await t.request('/api/auth/login', {
      method: 'POST',
      anonymous: true,
      json: { email: 'bob@example.com', password },
    });
    expect(login.status).toBe(401);
    await expectJson(
      await t.request(`/api/users/${bobId}`, { method: 'PATCH', json: { disabled: false } }),
      200,
    );
    await logIn('bob@example.com');
    const events = eventTypes();
    expect(events).toContain('user.disabled');
    expect(events).toContain('user.enabled');
  });

  it('changes roles, and never leaves the workspace without an enabled admin', async () => {
    const me = (await expectJson(await t.request('/api/me'), 200)).user;
    for (const change of [{ role: 'member' }, { disabled: true }]) {
      const response = await t.request(`/api/users/${me.id}`, { method: 'PATCH', json: change });
      expect(response.status).toBe(409);
      expect((await response.json()).error.code).toBe('last_admin');
    }
    const selfDelete = await t.request(`/api/users/${me.id}`, { method: 'DELETE' });
    expect(selfDelete.status).toBe(409);
    const bobId = await createMember();
    const promoted = await expectJson(
      await t.request(`/api/users/${bobId}`, { method: 'PATCH', json: { role: 'admin' } }),
      200,
    );
    expect(promoted.user.role).toBe('admin');
    const bob = await logIn('bob@example.com');
    expect((await t.request('/api/users', as(bob))).status).toBe(200);
    const empty = await t.request(`/api/users/${bobId}`, { method: 'PATCH', json: {} });
    expect(empty.status).toBe(400);
    const unknown = await t.request('/api/users/nobody', {
      method: 'PATCH',
      json: { role: 'guest' },
    });
    expect(unknown.status).toBe(404);
    const event = t.server.services.db
      .prepare("SELECT data FROM domain_events WHERE type = 'user.role_changed'")
      .get() as { data: string };
    expect(JSON.parse(event.data)).toEqual({
      userId: bobId,
      role: 'admin',
      previousRole: 'member',
    });
  });

  it('deletes an account: content stays under "Former user", sessions and tokens die', async () => {
    const bobId = await createMember();
    const cookie = await logIn('bob@example.com');
    const space = (
      await expectJson(
        await t.request('/api/spaces', { method: 'POST', ...as(cookie), json: { name: 'Bob' } }),
        201,
      )
    ).space;
    const page = (
      await expectJson(
        await t.request('/api/pages', {
          method: 'POST',
          ...as(cookie),
          json: { spaceId: space.id, title: 'Notes', markdown: 'Written by Bob' },
        }),
        201,
      )
    ).page;
    expect((await t.request(`/api/users/${bobId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.request('/api/me', as(cookie))).status).toBe(401);
    const users = (await expectJson(await t.request('/api/users'), 200)).users;
    expect(users.map((u: { id: string }) => u.id)).not.toContain(bobId);
    const kept = await expectJson(await t.request(`/api/pages/${page.id}`), 200);
    expect(kept.markdown).toContain('Written by Bob');
    const people = t.server.services.revisions.people([bobId]);
    expect(people).toMatchObject([{ id: bobId, displayName: 'Former user' }]);
    expect((await t.request(`/api/users/${bobId}`, { method: 'DELETE' })).status).toBe(404);
    expect(eventTypes()).toContain('user.deleted');
  });

  it('hands over a one-time password-reset link; using it ends every old session', async () => {
    const bobId = await createMember();
    const oldSession = await logIn('bob@example.com');
    const link = await expectJson(
      await t.request(`/api/users/${bobId}/password-reset`, { method: 'POST' }),
      201,
    );
    expect(link.url).toMatch(/\/reset-password\/lore_pwr_/);
    const token = tokenFrom(link.url);
    const info = await expectJson(
      await t.request('/api/password-resets/inspect', {
        method: 'POST',
        anonymous: true,
        json: { token },
      }),
      200,
    );
    expect(info.email).toBe('bob@example.com');
    const done = await t.request('/api/password-resets/complete', {
      method: 'POST',
      anonymous: true,
      json: { token, password: 'the new password' },
    });
    expect(done.status).toBe(200);
    expect((await t.request('/api/me', as(oldSession))).status).toBe(401);
    await logIn('bob@example.com', 'the new password');
    const reuse = await t.request('/api/password-resets/complete', {
      method: 'POST',
      anonymous: true,
      json: { token, password: 'yet another password' },
    });
    expect(reuse.status).toBe(409);
    const bob = await logIn('bob@example.com', 'the new password');
    const forbidden = await t.request(`/api/users/${bobId}/password-reset`, {
      method: 'POST',
      ...as(bob),
    });
    expect(forbidden.status).toBe(403);
    const event = t.server.services.db
      .prepare("SELECT data FROM domain_events WHERE type = 'user.sessions_revoked'")
      .get() as { data: string };
    expect(JSON.parse(event.data)).toMatchObject({ userId: bobId, reason: 'password_reset' });
    expect(event.data).not.toContain('lore_ses_');
  });
});

describe('self-service', () => {
  beforeEach(setUp);

  it('changes the own name, color and password, and signs out everywhere', async () => {
    const profile = await expectJson(
      await t.request('/api/me', {
        method: 'PATCH',
        json: { displayName: 'Ada L.', color: '#112233' },
      }),
      200,
    );
    expect(profile.user).toMatchObject({ displayName: 'Ada L.', color: '#112233' });
    expect((await t.request('/api/me', { method: 'PATCH', json: { color: 'red' } })).status).toBe(
      400,
    );
    const other = await logIn(admin.email, admin.password);
    const wrong = await t.request('/api/me/password', {
      method: 'POST',
      json: { currentPassword: 'not it at all', newPassword: 'brand new password' },
    });
    expect(wrong.status).toBe(401);
    await t.request('/api/me/password', {
      method: 'POST',
      json: { currentPassword: admin.password, newPassword: 'brand new password' },
    });
    // This session stays; the other one ended.
    expect((await t.request('/api/me')).status).toBe(200);
    expect((await t.request('/api/me', as(other))).status).toBe(401);
    const third = await logIn(admin.email, 'brand new password');
    expect((await t.request('/api/auth/logout-everywhere', { method: 'POST' })).status).toBe(204);
    expect((await t.request('/api/me', as(third))).status).toBe(401);
    expect((await t.request('/api/me')).status).toBe(401);
  });
});

describe('API token scopes and expiry', () => {
  beforeEach(setUp);

  const bearer = (token: string) => ({
    anonymous: true,
    headers: { authorization: `Bearer ${token}` },
  });

  it('keeps read tokens from writing, write tokens from admin work, and tokens from minting tokens', async () => {
    const make = async (body: object) =>
      (await expectJson(await t.request('/api/tokens', { method: 'POST', json: body }), 201)).token;
    const read = await make({ name: 'reader', scope: 'read' });
    const write = await make({ name: 'writer' });
    const adminToken = await make({ name: 'ops', scope: 'admin' });

    expect((await t.request('/api/spaces', bearer(read))).status).toBe(200);
    const readWrite = await t.request('/api/spaces', {
      method: 'POST',
      ...bearer(read),
      json: { name: 'Nope' },
    });
    expect(readWrite.status).toBe(403);
    expect(
      (await t.request('/api/spaces', { method: 'POST', ...bearer(write), json: { name: 'Yes' } }))
        .status,
    ).toBe(201);
    expect((await t.request('/api/users', bearer(write))).status).toBe(403);
    expect((await t.request('/api/users', bearer(adminToken))).status).toBe(200);
    const minted = await t.request('/api/tokens', {
      method: 'POST',
      ...bearer(adminToken),
      json: { name: 'child' },
    });
    expect(minted.status).toBe(403);
    const tokens = (await expectJson(await t.request('/api/tokens'), 200)).tokens;
    expect(tokens.map((token: { scope: string }) => token.scope).sort()).toEqual([
      'admin',
      'read',
      'write',
    ]);
  });

  it('stops a token at its expiry and refuses an expiry in the past', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const { token, expiresAt } = await expectJson(
      await t.request('/api/tokens', { method: 'POST', json: { name: 'brief', expiresAt: soon } }),
      201,
    );
    expect(expiresAt).toBe(soon);
    expect((await t.request('/api/me', bearer(token))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await t.request('/api/me', bearer(token))).status).toBe(401);
    const past = await t.request('/api/tokens', {
      method: 'POST',
      json: { name: 'late', expiresAt: '2000-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
  });
});

describe('collaboration tickets', () => {
  beforeEach(setUp);

  it('opens a socket once with a ticket; a used or forged ticket is refused', async () => {
    const space = (
      await expectJson(
        await t.request('/api/spaces', { method: 'POST', json: { name: 'Live' } }),
        201,
      )
    ).space;
    const page = (
      await expectJson(
        await t.request('/api/pages', { method: 'POST', json: { spaceId: space.id, title: 'P' } }),
        201,
      )
    ).page;
    const { ticket, expiresAt } = await expectJson(
      await t.request('/api/collab/tickets', { method: 'POST' }),
      201,
    );
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);
    const first = collabClient(t.url, page.id, { ticket });
    try {
      await first.synced();
    } finally {
      first.destroy();
    }
    for (const reused of [ticket, 'lore_wst_forged']) {
      const client = collabClient(t.url, page.id, { ticket: reused });
      try {
        expect(await client.closed()).toBe(4401);
      } finally {
        client.destroy();
      }
    }
    expect(
      (await t.request('/api/collab/tickets', { method: 'POST', anonymous: true })).status,
    ).toBe(401);
  });

  it('lets a read-only token follow a page but not change it', async () => {
    const space = (
      await expectJson(
        await t.request('/api/spaces', { method: 'POST', json: { name: 'Live' } }),
        201,
      )
    ).space;
    const page = (
      await expectJson(
        await t.request('/api/pages', {
          method: 'POST',
          json: { spaceId: space.id, title: 'P', markdown: 'Hello' },
        }),
        201,
      )
    ).page;
    const { token } = await expectJson(
      await t.request('/api/tokens', { method: 'POST', json: { name: 'r', scope: 'read' } }),
      201,
    );
    const { ticket } = await expectJson(
      await t.request('/api/collab/tickets', {
        method: 'POST',
        anonymous: true,
        headers: { authorization: `Bearer ${token}` },
      }),
      201,
    );
    const reader = collabClient(t.url, page.id, { ticket });
    const writer = collabClient(t.url, page.id, { token });
    try {
      await Promise.all([reader.synced(), writer.synced()]);
      expect(bodyText(reader.doc)).toBe('Hello');
      typeInto(reader.doc, ' from the reader');
      typeInto(writer.doc, '!');
      // Neither edit reaches the server; the page still reads as it was.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stored = await expectJson(await t.request(`/api/pages/${page.id}`), 200);
      expect(stored.markdown.trim()).toBe('Hello');
    } finally {
      reader.destroy();
      writer.destroy();
    }
  });
});

describe('sign-in limiting behind proxies', () => {
  async function failFrom(server: TestServer, email: string, forwardedFor: string) {
    const response = await server.request('/api/auth/login', {
      method: 'POST',
      anonymous: true,
      headers: { 'x-forwarded-for': forwardedFor },
      json: { email, password: 'wrong password!' },
    });
    return response.status;
  }

  it('does not let a rotating X-Forwarded-For escape the per-address limit', async () => {
    for (const trust of ['false', 'true', '127.0.0.1/8,::1']) {
      const server = await startTestServer({
        LORE_TRUST_PROXY: trust,
        LORE_LOGIN_MAX_ATTEMPTS: '1',
      });
      try {
        // Five free failures per address (five times the per-account allowance), each with a new
        // email and a new made-up leftmost address, then the address has to wait.
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) {
          statuses.push(await failFrom(server, `u${i}@example.com`, `10.9.${i}.1, 198.51.100.7`));
        }
        expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
        expect(statuses.slice(6)).toEqual([429, 429]);
      } finally {
        await server.close();
      }
    }
  });
});

describe('bounded password hashing', () => {
  it('answers 503 with Retry-After when too many sign-ins hash at once', async () => {
    const server = await startTestServer({
      LORE_PASSWORD_HASH_CONCURRENCY: '1',
      LORE_PASSWORD_HASH_QUEUE: '0',
      LORE_LOGIN_MAX_ATTEMPTS: '100',
    });
    try {
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          server.request('/api/auth/login', {
            method: 'POST',
            anonymous: true,
            json: { email: `x${i}@example.com`, password: 'some password' },
          }),
        ),
      );
      const statuses = attempts.map((response) => response.status);
      expect(statuses).toContain(401);
      expect(statuses).toContain(503);
      const busy = attempts.find((response) => response.status === 503);
      expect(busy?.headers.get('retry-after')).toBe('1');
    } finally {
      await server.close();
    }
  });
});

describe('workspace admins, by name', () => {
  beforeEach(setUp);

  it('tells anyone signed in the names of the enabled admins, without emails or ids', async () => {
    const graceId = await createMember('grace@example.com', 'admin');
    const disabledId = await createMember('dora@example.com', 'admin');
    await createMember('guest@example.com', 'guest');
    expect(
      (await t.request(`/api/users/${disabledId}`, { method: 'PATCH', json: { disabled: true } }))
        .status,
    ).toBe(200);

    const guest = await logIn('guest@example.com');
    const answer = await expectJson(await t.request('/api/workspace/admins', as(guest)), 200);
    expect(answer).toEqual({ admins: [{ displayName: 'Ada' }, { displayName: 'grace' }] });
    expect(JSON.stringify(answer)).not.toContain('@');
    expect(JSON.stringify(answer)).not.toContain(graceId);

    const anonymous = await t.request('/api/workspace/admins', { anonymous: true });
    expect(anonymous.status).toBe(401);
  });
});

describe('the people directory', () => {
  beforeEach(setUp);

  it('lists the enabled people to members and admins, and to no guest', async () => {
    await createMember('grace@example.com', 'member');
    const doraId = await createMember('dora@example.com', 'member');
    await createMember('guest@example.com', 'guest');
    expect(
      (await t.request(`/api/users/${doraId}`, { method: 'PATCH', json: { disabled: true } }))
        .status,
    ).toBe(200);

    const grace = await logIn('grace@example.com');
    const { people } = await expectJson(await t.request('/api/people', as(grace)), 200);
    const emails = people.map((person: { email: string }) => person.email);
    expect(emails).toContain('grace@example.com');
    expect(emails).toContain('guest@example.com');
    expect(emails).not.toContain('dora@example.com');
    expect(
      people.find((person: { email: string }) => person.email === 'guest@example.com'),
    ).toMatchObject({
      guest: true,
    });
    expect(Object.keys(people[0]).sort()).toEqual(['displayName', 'email', 'guest', 'id']);

    const guest = await logIn('guest@example.com');
    expect((await t.request('/api/people', as(guest))).status).toBe(403);
    expect((await t.request('/api/people', { anonymous: true })).status).toBe(401);
  });
});
