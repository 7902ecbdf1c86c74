import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collabClient, eventually } from '../test/collabClient';
import { signInNewUser } from '../test/signInNewUser';
import { startTestServer, type TestServer } from '../test/startTestServer';

/** Presence through Lore's own door: the server writes who each socket belongs to. */
let t: TestServer;
let pageId: string;

beforeAll(async () => {
  t = await startTestServer();
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'root@example.com', displayName: 'Root', password: 'root password' },
  });
  const space = (
    await (await t.request('/api/spaces', { method: 'POST', json: { name: 'Docs' } })).json()
  ).space;
  pageId = (
    await (
      await t.request('/api/pages', { method: 'POST', json: { spaceId: space.id, title: 'Live' } })
    ).json()
  ).page.id;
});
afterAll(async () => {
  await t.close();
});

describe('presence over the collaboration socket', () => {
  it("carries the signed-in person's name, color and id, not the ones the client sent", async () => {
    const cookie = await signInNewUser(t, {
      email: 'mia@example.com',
      displayName: 'Mia',
      password: 'mia password',
    });
    const me = await (await fetch(`${t.url}/api/me`, { headers: { cookie } })).json();
    const mia = collabClient(t.url, pageId, { cookie, origin: t.url });
    const rootCookie = await (async () => {
      const login = await t.request('/api/auth/login', {
        method: 'POST',
        anonymous: true,
        json: { email: 'root@example.com', password: 'root password' },
      });
      return (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    })();
    const root = collabClient(t.url, pageId, { cookie: rootCookie, origin: t.url });
    try {
      await Promise.all([mia.synced(), root.synced()]);
      mia.provider.awareness.setLocalState({
        user: { id: 'someone-else', name: 'Root', color: '#000000' },
        cursor: 'spoof',
      });
      const seen = () =>
        root.provider.awareness.getStates().get(mia.doc.clientID) as
          | { user?: unknown; cursor?: string }
          | undefined;
      await eventually(() => seen()?.cursor === 'spoof', "Mia's presence");
      expect(seen()?.user).toEqual({
        id: me.user.id,
        name: 'Mia',
        color: me.user.color,
      });
    } finally {
      mia.destroy();
      root.destroy();
    }
  });
});
