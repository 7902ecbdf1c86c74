import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { bodyText, collabClient, eventually, typeInto } from '../test/collabClient';
import { startServerOnDataDir } from '../test/startServerOnDataDir';
import { startTestServer, type TestServer } from '../test/startTestServer';

let t: TestServer;
let token: string;
let cookie: string;
let pageId: string;

beforeEach(async () => {
  t = await startTestServer();
  const setup = await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
  cookie = (setup.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  token = (await (await t.request('/api/tokens', { method: 'POST', json: { name: 'ws' } })).json())
    .token;
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

describe('the collaboration endpoint', () => {
  it('syncs the stored page to the stock provider and relays edits between clients and to the API', async () => {
    const a = collabClient(t.url, pageId, { token });
    const b = collabClient(t.url, pageId, { cookie, origin: t.url });
    try {
      await Promise.all([a.synced(), b.synced()]);
      expect(bodyText(a.doc)).toBe('Hello');
      expect(a.doc.getText('title').toString()).toBe('Live');
      typeInto(a.doc, ' world');
      await eventually(() => bodyText(b.doc) === 'Hello world', 'b to see a');
      b.doc.transact(() => {
        const title = b.doc.getText('title');
        title.delete(0, title.length);
        title.insert(0, 'Live notes');
      });
      await eventually(
        () => a.doc.getText('title').toString() === 'Live notes',
        'a to see the title',
      );
      const read = await (await t.request(`/api/pages/${pageId}`)).json();
      expect(read.markdown.trim()).toBe('Hello world');
      // The title is mirrored into the page's metadata once edits pause.
      await eventually(
        async () =>
          (await (await t.request(`/api/pages/${pageId}`)).json()).page.title === 'Live notes',
        'the page title to follow the document',
      );
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('pushes a REST rename to connected editors at once', async () => {
    const a = collabClient(t.url, pageId, { token });
    try {
      await a.synced();
      await t.request(`/api/pages/${pageId}`, { method: 'PATCH', json: { title: 'Renamed' } });
      await eventually(() => a.doc.getText('title').toString() === 'Renamed', 'the renamed title');
    } finally {
      a.destroy();
    }
  });

  it.each([
    ['no credentials', {}, 4401],
    ['a forged token', { token: 'lore_pat_forged' }, 4401],
    ['a cookie from another origin', { cookie: '', origin: 'https://evil.example' }, 4403],
  ] as const)('closes a socket with %s with code %s', async (_what, options, code) => {
    const client = collabClient(t.url, pageId, {
      ...options,
      ...('cookie' in options ? { cookie } : {}),
    });
    try {
      expect(await client.closed()).toBe(code);
      expect(bodyText(client.doc)).toBe('');
    } finally {
      client.destroy();
    }
  });

  it('closes unknown and trashed pages with 4404, including sockets already open', async () => {
    const unknown = collabClient(t.url, 'no-such-page', { token });
    expect(await unknown.closed()).toBe(4404);
    unknown.destroy();

    const open = collabClient(t.url, pageId, { token });
    await open.synced();
    await t.request(`/api/pages/${pageId}`, { method: 'DELETE' });
    expect(await open.closed()).toBe(4404);
    open.destroy();
    const late = collabClient(t.url, pageId, { token });
    expect(await late.closed()).toBe(4404);
    late.destroy();
  });

  it('lets invited guests watch but drops their edits', async () => {
    const { user } = await (
      await t.request('/api/users', {
        method: 'POST',
        json: {
          email: 'g@example.com',
          displayName: 'Guest',
          password: 'guest password',
          role: 'guest',
        },
      })
    ).json();
    await t.request(`/api/spaces/docs/members/users/${user.id}`, {
      method: 'PUT',
      json: { role: 'viewer' },
    });
    const login = await t.request('/api/auth/login', {
      method: 'POST',
      anonymous: true,
      json: { email: 'g@example.com', password: 'guest password' },
    });
    const guestCookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const guest = collabClient(t.url, pageId, { cookie: guestCookie, origin: t.url });
    const editor = collabClient(t.url, pageId, { token });
    try {
      await Promise.all([guest.synced(), editor.synced()]);
      typeInto(guest.doc, ' from a guest');
      typeInto(editor.doc, '!');
      await eventually(() => bodyText(guest.doc).includes('!'), 'the guest to see the edit');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bodyText(editor.doc)).toBe('Hello!');
      expect((await (await t.request(`/api/pages/${pageId}`)).json()).markdown.trim()).toBe(
        'Hello!',
      );
    } finally {
      guest.destroy();
      editor.destroy();
    }
  });

  it('refuses updates outside the page model with 4422 and stores nothing of them', async () => {
    const rogue = collabClient(t.url, pageId, { token });
    const honest = collabClient(t.url, pageId, { token });
    try {
      await Promise.all([rogue.synced(), honest.synced()]);
      rogue.doc.getMap('elsewhere').set('x', 1);
      expect(await rogue.closed()).toBe(4422);
      typeInto(honest.doc, ' still fine');
      const fresh = collabClient(t.url, pageId, { token });
      await fresh.synced();
      await eventually(() => bodyText(fresh.doc) === 'Hello still fine', 'the honest edit');
      expect(fresh.doc.share.has('elsewhere')).toBe(false);
      fresh.destroy();

      const script = collabClient(t.url, pageId, { token });
      await script.synced();
      script.doc.transact(() => {
        script.doc.getXmlFragment('default').insert(0, [new Y.XmlElement('script')]);
      });
      expect(await script.closed()).toBe(4422);
      script.destroy();
    } finally {
      rogue.destroy();
      honest.destroy();
    }
  });

  it('survives garbage, oversize frames and a flood of unauthenticated sockets, serving others throughout', async () => {
    const bystander = collabClient(t.url, pageId, { token });
    await bystander.synced();
    const wsUrl = `${t.url.replace(/^http/, 'ws')}/collab/${pageId}?token=${token}`;
    const closeOf = (socket: WebSocket) =>
      new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));

    const garbage = new WebSocket(wsUrl);
    const garbageClosed = closeOf(garbage);
    garbage.on('open', () => garbage.send(Uint8Array.from([0, 0, 0xff, 0xff, 0xff])));
    expect(await garbageClosed).toBe(4400);

    const large = new WebSocket(wsUrl);
    const largeClosed = closeOf(large);
    large.on('open', () => large.send(new Uint8Array(10 * 1024 * 1024)));
    expect(await largeClosed).toBe(4413);

    const huge = new WebSocket(wsUrl);
    const hugeClosed = closeOf(huge);
    huge.on('open', () => huge.send(new Uint8Array(20 * 1024 * 1024)));
    expect(await hugeClosed).toBe(1009);

    const flood = Array.from(
      { length: 300 },
      (_, i) => new WebSocket(`${t.url.replace(/^http/, 'ws')}/collab/page-${i}`),
    );
    const codes = await Promise.all(flood.map(closeOf));
    expect(new Set(codes)).toEqual(new Set([4401]));

    typeInto(bystander.doc, ' after the storm');
    const check = collabClient(t.url, pageId, { token });
    await check.synced();
    await eventually(() => bodyText(check.doc) === 'Hello after the storm', 'the bystander edit');
    expect((await t.request('/healthz')).status).toBe(200);
    check.destroy();
    bystander.destroy();
  });
});

describe('shutdown', () => {
  it('mirrors a title typed just before a graceful stop into the page list', async () => {
    const editor = collabClient(t.url, pageId, { token });
    await editor.synced();
    editor.doc.transact(() => editor.doc.getText('title').insert(4, ' and kicking'));
    await eventually(async () => {
      const stored = await t.server.services.collab.getDocument(pageId);
      return stored.getText('title').toString() === 'Live and kicking';
    }, 'the title edit to be stored');
    editor.destroy();
    // Well inside the one-second debounce that normally mirrors the title.
    await t.server.close();
    const restarted = await startServerOnDataDir(t.dataDir);
    try {
      const page = restarted.server.services.pageStore.findPageById(pageId);
      expect(page?.title).toBe('Live and kicking');
      expect(t.logs.join('')).not.toContain('collaboration error');
    } finally {
      await restarted.close();
    }
  });
});
