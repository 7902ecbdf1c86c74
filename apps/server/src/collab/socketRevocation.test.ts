import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bodyText,
  type CollabClient,
  collabClient,
  eventually,
  typeInto,
} from '../test/collabClient';
import { signInNewUser } from '../test/signInNewUser';
import { startTestServer, type TestServer } from '../test/startTestServer';

/**
 * Open collaboration sockets lose what their person loses, within a second: each trigger is
 * applied through the API while a stock y-websocket provider is connected, and the time from
 * the API's answer to the close code reaching the client is measured.
 */
let t: TestServer;
let pageId: string;
const latencies: string[] = [];

beforeEach(async () => {
  t = await startTestServer({ LORE_COLLAB_SOCKET_MAX_SECONDS: '3' });
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'root@example.com', displayName: 'Root', password: 'root password' },
  });
  const space = (
    await (await t.request('/api/spaces', { method: 'POST', json: { name: 'Docs' } })).json()
  ).space;
  pageId = (
    await (
      await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId: space.id, title: 'Live', markdown: 'Hello' },
      })
    ).json()
  ).page.id;
});
afterEach(async () => {
  await t.close();
});

const member = { email: 'mia@example.com', displayName: 'Mia', password: 'mia password' };

async function userIdOf(email: string): Promise<string> {
  const { users } = await (await t.request('/api/users')).json();
  return users.find((user: { email: string }) => user.email === email).id;
}

/** Connects as the holder of `cookie`, waits for the sync, runs `trigger`, times the close. */
async function closeAfter(
  label: string,
  client: CollabClient,
  trigger: () => Promise<Response>,
): Promise<number> {
  try {
    await client.synced();
    const response = await trigger();
    expect(response.status, `${label}: ${response.status}`).toBeLessThan(300);
    const answered = performance.now();
    const code = await client.closed(5_000);
    const ms = performance.now() - answered;
    latencies.push(`${label}: ${code} after ${ms.toFixed(0)} ms`);
    expect(ms, label).toBeLessThanOrEqual(1_000);
    return code;
  } finally {
    client.destroy();
  }
}

describe('open collaboration sockets after an account change', () => {
  it('close with 4401 within a second of signing out', async () => {
    const cookie = await signInNewUser(t, member);
    const client = collabClient(t.url, pageId, { cookie, origin: t.url });
    const code = await closeAfter('sign out', client, () =>
      fetch(`${t.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, origin: t.url },
      }),
    );
    expect(code).toBe(4401);
  });

  it('close with 4401 within a second of signing out everywhere', async () => {
    const cookie = await signInNewUser(t, member);
    const client = collabClient(t.url, pageId, { cookie, origin: t.url });
    const code = await closeAfter('sign out everywhere', client, () =>
      fetch(`${t.url}/api/auth/logout-everywhere`, {
        method: 'POST',
        headers: { cookie, origin: t.url },
      }),
    );
    expect(code).toBe(4401);
  });

  it('close with 4401 within a second of the account being disabled, and of being deleted', async () => {
    const cookie = await signInNewUser(t, member);
    const id = await userIdOf(member.email);
    const disabled = await closeAfter(
      'account disabled',
      collabClient(t.url, pageId, { cookie, origin: t.url }),
      () => t.request(`/api/users/${id}`, { method: 'PATCH', json: { disabled: true } }),
    );
    expect(disabled).toBe(4401);

    const other = { email: 'noah@example.com', displayName: 'Noah', password: 'noah password' };
    const otherCookie = await signInNewUser(t, other);
    const otherId = await userIdOf(other.email);
    const deleted = await closeAfter(
      'account deleted',
      collabClient(t.url, pageId, { cookie: otherCookie, origin: t.url }),
      () => t.request(`/api/users/${otherId}`, { method: 'DELETE' }),
    );
    expect(deleted).toBe(4401);
  });

  it('close with 4401 within a second of the token they were opened with being revoked', async () => {
    const created = await (
      await t.request('/api/tokens', { method: 'POST', json: { name: 'editor' } })
    ).json();
    const client = collabClient(t.url, pageId, { token: created.token });
    const code = await closeAfter('token revoked', client, () =>
      t.request(`/api/tokens/${created.id}`, {
        method: 'DELETE',
      }),
    );
    expect(code).toBe(4401);
  });

  it('close with 4401 within a second of the session expiring', async () => {
    const cookie = await signInNewUser(t, member);
    // The session ends 1.5 s from now (as if its idle lifetime ran out then).
    const endsAt = Date.now() + 1_500;
    t.server.runtime.db
      .prepare('UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE user_id = ?')
      .run(endsAt, Date.now(), await userIdOf(member.email));
    const client = collabClient(t.url, pageId, { cookie, origin: t.url });
    try {
      await client.synced();
      const code = await client.closed(5_000);
      const late = Date.now() - endsAt;
      latencies.push(`session expired: ${code} ${late} ms after the end`);
      expect(code).toBe(4401);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThanOrEqual(1_000);
    } finally {
      client.destroy();
    }
  });

  it('close with 4403 within a second of the person becoming a guest (guests see only what is shared with them)', async () => {
    const cookie = await signInNewUser(t, member);
    const id = await userIdOf(member.email);
    const code = await closeAfter(
      'made a guest',
      collabClient(t.url, pageId, { cookie, origin: t.url }),
      () => t.request(`/api/users/${id}`, { method: 'PATCH', json: { role: 'guest' } }),
    );
    expect(code).toBe(4403);
  });

  it('ask a socket past its maximum lifetime to reconnect (1001), and the provider does', async () => {
    const cookie = await signInNewUser(t, member);
    const client = collabClient(t.url, pageId, { cookie, origin: t.url });
    try {
      await client.synced();
      await eventually(() => client.closeCodes.includes(1001), 'the lifetime close', 6_000);
      await eventually(() => client.provider.wsconnected, 'the reconnect', 5_000);
      typeInto(client.doc, ' again');
      await eventually(
        async () =>
          (await (await t.request(`/api/pages/${pageId}`)).json()).markdown.trim() ===
          'Hello again',
        'the edit after the reconnect',
      );
    } finally {
      client.destroy();
    }
  });
});

describe('open collaboration sockets after an access change', () => {
  const json = (path: string, method: string, body?: unknown) =>
    t.request(path, { method, ...(body === undefined ? {} : { json: body }) });
  const createPage = async (spaceId: string, title: string, parentId?: string) =>
    (
      await (
        await json('/api/pages', 'POST', { spaceId, title, markdown: 'Hello', parentId })
      ).json()
    ).page.id as string;

  it('turn read-only, without closing, when the space role drops to viewer; and writable again', async () => {
    const cookie = await signInNewUser(t, member);
    const id = await userIdOf(member.email);
    const client = collabClient(t.url, pageId, { cookie, origin: t.url });
    const adminToken = (
      await (await t.request('/api/tokens', { method: 'POST', json: { name: 'watch' } })).json()
    ).token;
    const watcher = collabClient(t.url, pageId, { token: adminToken });
    try {
      await Promise.all([client.synced(), watcher.synced()]);
      typeInto(client.doc, ' one');
      await eventually(() => bodyText(watcher.doc) === 'Hello one', 'the first edit');
      // Members of the open space now only read it by default.
      const lowered = await json('/api/spaces/docs', 'PATCH', { defaultRole: 'viewer' });
      expect(lowered.status).toBe(200);
      const connection = () =>
        t.server.runtime.collab.connections(pageId).find((socket) => socket.context.user.id === id);
      await eventually(
        () => connection()?.canWrite === false,
        'the socket to turn read-only',
        1_000,
      );
      typeInto(client.doc, ' two');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bodyText(watcher.doc)).toBe('Hello one');
      expect(client.closeCodes).toEqual([]);

      // Made an editor of the space in person: writable again, without a reconnect.
      const granted = await json(`/api/spaces/docs/members/users/${id}`, 'PUT', {
        role: 'editor',
      });
      expect(granted.status).toBe(200);
      await eventually(
        () => connection()?.canWrite === true,
        'the socket to be writable again',
        1_000,
      );
      // Regaining write access asks the client for what it typed meanwhile.
      await eventually(() => bodyText(watcher.doc) === 'Hello one two', 'the held-back edit');
      expect(client.closeCodes).toEqual([]);
    } finally {
      client.destroy();
      watcher.destroy();
    }
  });

  it('close with 4403 within a second of being removed from a private space', async () => {
    const space = (
      await (await json('/api/spaces', 'POST', { name: 'Secret', visibility: 'private' })).json()
    ).space;
    const secretPage = await createPage(space.id, 'Plans');
    const cookie = await signInNewUser(t, member);
    const id = await userIdOf(member.email);
    expect(
      (await json(`/api/spaces/secret/members/users/${id}`, 'PUT', { role: 'editor' })).status,
    ).toBe(200);
    const code = await closeAfter(
      'removed from a private space',
      collabClient(t.url, secretPage, { cookie, origin: t.url }),
      () => json(`/api/spaces/secret/members/users/${id}`, 'DELETE'),
    );
    expect(code).toBe(4403);
  });

  it('close with 4403 within a second of leaving the group that gave access, and of the space turning private', async () => {
    const space = (
      await (await json('/api/spaces', 'POST', { name: 'Finance', visibility: 'private' })).json()
    ).space;
    const ledger = await createPage(space.id, 'Ledger');
    const cookie = await signInNewUser(t, member);
    const id = await userIdOf(member.email);
    const group = (await (await json('/api/groups', 'POST', { name: 'Accounting' })).json()).group;
    expect((await json(`/api/groups/${group.id}/members/${id}`, 'PUT')).status).toBeLessThan(300);
    expect(
      (await json(`/api/spaces/finance/members/groups/${group.id}`, 'PUT', { role: 'viewer' }))
        .status,
    ).toBe(200);
    const left = await closeAfter(
      'left the group',
      collabClient(t.url, ledger, { cookie, origin: t.url }),
      () => json(`/api/groups/${group.id}/members/${id}`, 'DELETE'),
    );
    expect(left).toBe(4403);

    // The open space (which Mia reads as a member) is made private.
    const closed = await closeAfter(
      'space made private',
      collabClient(t.url, pageId, { cookie, origin: t.url }),
      () => json('/api/spaces/docs', 'PATCH', { visibility: 'private' }),
    );
    expect(closed).toBe(4403);
  });

  it('close with 4403 within a second of a restriction above the page, and of a move into a restricted subtree', async () => {
    const docs = (await (await json('/api/spaces/docs', 'GET')).json()).space;
    const parent = await createPage(docs.id, 'Parent');
    const child = await createPage(docs.id, 'Child', parent);
    const cookie = await signInNewUser(t, member);
    const rootId = (await (await t.request('/api/me')).json()).user.id;
    const restricted = await closeAfter(
      'restricted above',
      collabClient(t.url, child, { cookie, origin: t.url }),
      () =>
        json(`/api/pages/${parent}/restrictions`, 'PUT', {
          view: { users: [rootId], groups: [] },
          edit: null,
        }),
    );
    expect(restricted).toBe(4403);

    const moved = await closeAfter(
      'moved under a restricted page',
      collabClient(t.url, pageId, { cookie, origin: t.url }),
      () => json(`/api/pages/${pageId}/move`, 'POST', { parentId: parent }),
    );
    expect(moved).toBe(4403);
  });
});

describe('revocation latencies', () => {
  it('were all printed', () => {
    process.stdout.write(`socket revocation latencies:\n  ${latencies.join('\n  ')}\n`);
    expect(latencies.length).toBeGreaterThanOrEqual(11);
  });
});
