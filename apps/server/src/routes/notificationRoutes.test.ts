import type { PageState } from '@lore/core';
import { YjsVersionedContent } from '@lore/page-document';
import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import type { TestRequestInit, TestResponse } from '../test/startTestServer';
import { privateSpaceWithPage, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();
const person = (name: string, role?: string) => tokenPerson(t, name, role);

/** A private space `docs` where Sam edits and Eve and Max read, with Sam's page `Runbook`. */
async function world() {
  const sam = await person('sam');
  const eve = await person('eve');
  const max = await person('max');
  const { page } = await privateSpaceWithPage(t, [
    [sam, 'editor'],
    [eve, 'viewer'],
    [max, 'viewer'],
  ]);
  // A revision: what later changes are measured against.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const saved = await sam.as(`/api/pages/${page.id}/revisions`, { method: 'POST', json: {} });
  expect([200, 201]).toContain(saved.status);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await settle();
  // Joining the space told each of them so: start from empty inboxes.
  for (const who of [sam, eve, max]) await clearInbox(who);
  return { sam, eve, max, page };
}

/** Archives everything in the person's inbox. */
async function clearInbox(who: {
  as: (path: string, init?: TestRequestInit) => Promise<TestResponse>;
}) {
  const { notifications } = await expectJson(await who.as('/api/notifications'), 200);
  for (const { id } of notifications as { id: string }[]) {
    expect((await who.as(`/api/notifications/${id}/archive`, { method: 'POST' })).status).toBe(204);
  }
}

/** Delivers every event written so far (edits included) to the consumers. */
const settle = () => t.server.runtime.events.drain({ flushContent: true });

/** Writes the page's body as an ordinary collaborative edit by `userId`. */
async function edit(pageId: string, userId: string, text: string, title = 'Runbook') {
  const state: PageState = {
    title,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  };
  await new YjsVersionedContent(t.server.runtime.services.collab).write(pageId, state, userId);
  await settle();
}

const longText = (words: number) =>
  Array.from({ length: words }, (_, index) => `step${index}`).join(' ');

describe('watching', () => {
  it('watches the pages people create, and pages and spaces they choose, within what they may read', async () => {
    const { sam, eve, page } = await world();
    // Sam created the page: Sam watches it.
    const samWatching = await expectJson(await sam.as('/api/watching'), 200);
    expect(samWatching.pages.map((item: { page: { id: string } }) => item.page.id)).toEqual([
      page.id,
    ]);
    expect(await expectJson(await eve.as(`/api/pages/${page.id}/watch`), 200)).toEqual({
      pageId: page.id,
      watching: false,
      viaSpace: false,
    });
    expect(
      await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200),
    ).toEqual({ pageId: page.id, watching: true, viaSpace: false });
    expect(
      await expectJson(await eve.as('/api/spaces/docs/watch', { method: 'POST' }), 200),
    ).toEqual({ spaceId: page.spaceId, watching: true });
    const watching = await expectJson(await eve.as('/api/watching'), 200);
    expect(watching.pages).toHaveLength(1);
    expect(watching.pages[0].page.url).toMatch(/^\/docs\//);
    expect(watching.spaces.map((item: { space: { slug: string } }) => item.space.slug)).toEqual([
      'docs',
    ]);
    expect(
      await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'DELETE' }), 200),
    ).toEqual({ pageId: page.id, watching: false, viaSpace: true });
    await expectJson(await eve.as('/api/spaces/docs/watch', { method: 'DELETE' }), 200);
    expect(await expectJson(await eve.as('/api/watching'), 200)).toEqual({ pages: [], spaces: [] });

    // Someone outside the space learns nothing about it.
    const out = await person('out');
    const refused = await out.as(`/api/pages/${page.id}/watch`, { method: 'POST' });
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe('page_not_found');
    expect((await out.as('/api/spaces/docs/watch', { method: 'POST' })).status).toBe(404);
  });
});

describe('the inbox', () => {
  it("tells watchers of a page's changes, not its editor, and keeps read, archive and paging", async () => {
    const { sam, eve, max, page } = await world();
    await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200);
    await expectJson(await max.as('/api/spaces/docs/watch', { method: 'POST' }), 200);

    // A typo fix is below the threshold and tells no one.
    await edit(page.id, sam.user.id, 'Restart the thing!');
    expect(await expectJson(await eve.as('/api/notifications/unread-count'), 200)).toEqual({
      unread: 0,
    });

    await edit(page.id, sam.user.id, `Restart the thing. ${longText(20)}`);
    const inbox = await expectJson(await eve.as('/api/notifications'), 200);
    expect(inbox.unread).toBe(1);
    expect(inbox.notifications).toHaveLength(1);
    const [note] = inbox.notifications;
    expect(note).toMatchObject({
      kind: 'page_changed',
      page: { id: page.id, title: 'Runbook' },
      space: { slug: 'docs' },
      actor: { id: sam.user.id, displayName: 'sam' },
      read: false,
      archivedAt: null,
    });
    expect(note.page.url).toMatch(/^\/docs\/runbook-/);
    expect((await expectJson(await max.as('/api/notifications'), 200)).unread).toBe(1);
    expect((await expectJson(await sam.as('/api/notifications'), 200)).notifications).toEqual([]);

    // Someone else's notification cannot be touched, and nothing about it is told.
    const foreign = await max.as(`/api/notifications/${note.id}/read`, { method: 'POST' });
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe('notification_not_found');

    expect((await eve.as(`/api/notifications/${note.id}/read`, { method: 'POST' })).status).toBe(
      204,
    );
    expect((await eve.as(`/api/notifications/${note.id}/read`, { method: 'POST' })).status).toBe(
      204,
    );
    expect(await expectJson(await eve.as('/api/notifications/unread-count'), 200)).toEqual({
      unread: 0,
    });
    expect((await eve.as(`/api/notifications/${note.id}/archive`, { method: 'POST' })).status).toBe(
      204,
    );
    expect((await expectJson(await eve.as('/api/notifications'), 200)).notifications).toEqual([]);
    const archived = await expectJson(await eve.as('/api/notifications?archived=true'), 200);
    // Newest first: before it, the note that she joined the space (archived when the test began).
    expect(archived.notifications[0].id).toBe(note.id);
    expect(archived.notifications.map((item: { kind: string }) => item.kind)).toEqual([
      'page_changed',
      'page_shared',
    ]);
    expect(archived.notifications[0].read).toBe(true);

    expect(
      await expectJson(await max.as('/api/notifications/read-all', { method: 'POST' }), 200),
    ).toEqual({ unread: 0 });

    // Paging: newest first, `before` the last one seen.
    const notifications = t.server.runtime.services.notifications;
    for (let index = 0; index < 5; index++) {
      await notifications.notify({
        kind: 'page_changed',
        pageId: page.id,
        actorId: sam.user.id,
        at: 1_000 + index,
        dedupeKey: `paging-${index}`,
        recipients: [eve.user.id],
      });
    }
    const first = await expectJson(await eve.as('/api/notifications?limit=2'), 200);
    expect(first.notifications.map((item: { createdAt: string }) => item.createdAt)).toEqual([
      new Date(1_004).toISOString(),
      new Date(1_003).toISOString(),
    ]);
    const second = await expectJson(
      await eve.as(`/api/notifications?limit=2&before=${first.nextBefore}`),
      200,
    );
    expect(second.notifications.map((item: { createdAt: string }) => item.createdAt)).toEqual([
      new Date(1_002).toISOString(),
      new Date(1_001).toISOString(),
    ]);
    const foreignCursor = await max.as(`/api/notifications?before=${first.nextBefore}`);
    expect(foreignCursor.status).toBe(400);
    expect((await foreignCursor.json()).error.code).toBe('invalid_request');
  });

  it('hides a notification whose page its recipient can no longer read, title and count included', async () => {
    const { sam, eve, max, page } = await world();
    await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200);
    await expectJson(await max.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200);
    await edit(page.id, sam.user.id, `Restart the thing. ${longText(20)}`, 'Secret merger');
    expect((await expectJson(await eve.as('/api/notifications'), 200)).unread).toBe(1);

    // The page is restricted to Sam and Max: Eve's notification is gone from her view.
    await expectJson(
      await t.request(`/api/pages/${page.id}/restrictions`, {
        method: 'PUT',
        json: { view: { users: [sam.user.id, max.user.id], groups: [] }, edit: null },
      }),
      200,
    );
    const hidden = await eve.as('/api/notifications');
    const body = await hidden.text();
    expect(hidden.status).toBe(200);
    expect(JSON.parse(body)).toEqual({ notifications: [], unread: 0, nextBefore: null });
    expect(body).not.toContain('Secret');
    expect(body).not.toContain(page.id);
    expect(await expectJson(await eve.as('/api/notifications/unread-count'), 200)).toEqual({
      unread: 0,
    });
    // Max may still read it and still sees his.
    const kept = await expectJson(await max.as('/api/notifications'), 200);
    expect(kept.notifications.map((item: { page: { title: string } }) => item.page.title)).toEqual([
      'Secret merger',
    ]);
  });

  it('tells people a page was shared with them or that they joined a space', async () => {
    const { sam, eve, max, page } = await world();
    await expectJson(
      await t.request(`/api/pages/${page.id}/restrictions`, {
        method: 'PUT',
        json: { view: { users: [sam.user.id], groups: [] }, edit: null },
      }),
      200,
    );
    await expectJson(
      await t.request(`/api/pages/${page.id}/restrictions`, {
        method: 'PUT',
        json: { view: { users: [sam.user.id, eve.user.id], groups: [] }, edit: null },
      }),
      200,
    );
    const newcomer = await person('newcomer');
    await expectJson(
      await t.request(`/api/spaces/docs/members/users/${newcomer.user.id}`, {
        method: 'PUT',
        json: { role: 'viewer' },
      }),
      200,
    );
    await settle();
    const shared = await expectJson(await eve.as('/api/notifications'), 200);
    expect(shared.notifications).toMatchObject([
      { kind: 'page_shared', page: { id: page.id }, actor: { displayName: 'Ada' } },
    ]);
    // Max was not added to the page's list: nothing for him.
    expect((await expectJson(await max.as('/api/notifications'), 200)).notifications).toEqual([]);
    const joined = await expectJson(await newcomer.as('/api/notifications'), 200);
    expect(joined.notifications).toMatchObject([
      { kind: 'page_shared', page: null, space: { slug: 'docs' } },
    ]);
  });

  it('keeps settings per person, refuses unknown ones and honours them', async () => {
    const { sam, eve, page } = await world();
    const defaults = await expectJson(await eve.as('/api/notifications/settings'), 200);
    expect(defaults.channels.page_changed).toEqual({ in_app: true, email: false });
    expect(defaults.channels.mentioned).toEqual({ in_app: true, email: true });
    expect(defaults.emailDigest).toBe('instant');
    expect(defaults.autoWatch).toBe(true);

    for (const json of [
      { channels: { page_teleported: { in_app: true } } },
      { channels: { page_changed: { pigeon: true } } },
      { emailDigest: 'hourly' },
      { autoWatch: 'yes' },
    ]) {
      const refused = await eve.as('/api/notifications/settings', { method: 'PUT', json });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.code).toBe('invalid_request');
    }
    expect(await expectJson(await eve.as('/api/notifications/settings'), 200)).toEqual(defaults);

    const changed = await expectJson(
      await eve.as('/api/notifications/settings', {
        method: 'PUT',
        json: { channels: { page_changed: { in_app: false } }, emailDigest: 'weekly' },
      }),
      200,
    );
    expect(changed.channels.page_changed).toEqual({ in_app: false, email: false });
    expect(changed.emailDigest).toBe('weekly');
    expect(await expectJson(await eve.as('/api/notifications/settings'), 200)).toEqual(changed);

    // Eve wants no page changes any more: watching tells her nothing.
    await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200);
    await edit(page.id, sam.user.id, `Restart the thing. ${longText(20)}`);
    expect((await expectJson(await eve.as('/api/notifications'), 200)).notifications).toEqual([]);

    // Sam turns automatic watching off: a page Sam creates is not watched.
    await expectJson(
      await sam.as('/api/notifications/settings', { method: 'PUT', json: { autoWatch: false } }),
      200,
    );
    await expectJson(
      await sam.as('/api/pages', { method: 'POST', json: { spaceId: 'docs', title: 'Unwatched' } }),
      201,
    );
    await settle();
    const watching = await expectJson(await sam.as('/api/watching'), 200);
    expect(watching.pages.map((item: { page: { title: string } }) => item.page.title)).toEqual([
      'Runbook',
    ]);
  });
});

describe('the live unread count', () => {
  it('streams the count on connect and on every change, as Server-Sent Events', async () => {
    const { sam, eve, page } = await world();
    const response = await fetch(`${t.url}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${eve.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    /** The next `unread` event's count. */
    const nextUnread = async (): Promise<number> => {
      for (;;) {
        const match = /event: unread\ndata: (\{[^\n]*\})\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return JSON.parse(match[1] as string).unread;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('The stream ended.');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    try {
      expect(await nextUnread()).toBe(0);
      await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200);
      await edit(page.id, sam.user.id, `Restart the thing. ${longText(20)}`);
      expect(await nextUnread()).toBe(1);
      await expectJson(await eve.as('/api/notifications/read-all', { method: 'POST' }), 200);
      expect(await nextUnread()).toBe(0);
    } finally {
      await reader.cancel();
    }
    // Without a credential there is no stream.
    expect((await fetch(`${t.url}/api/notifications/stream`)).status).toBe(401);
  });

  it('sees changes made by another process, by asking the database', async () => {
    const { eve, page } = await world();
    const response = await fetch(`${t.url}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${eve.token}` },
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const waitFor = async (text: string) => {
      while (!seen.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('The stream ended.');
        seen += decoder.decode(value, { stream: true });
      }
    };
    try {
      await waitFor('data: {"unread":0}');
      // Written straight to the store, as a consumer in another process would: no signal here.
      t.server.runtime.storage.notifications.addNotifications([
        {
          id: 'elsewhere',
          userId: eve.user.id,
          kind: 'page_changed',
          pageId: page.id,
          spaceId: page.spaceId,
          actorId: null,
          threadId: null,
          commentId: null,
          createdAt: Date.now(),
          readAt: null,
          archivedAt: null,
          dedupeKey: 'elsewhere',
          inApp: true,
          email: false,
          emailState: null,
          emailedAt: null,
        },
      ]);
      await waitFor('data: {"unread":1}');
    } finally {
      await reader.cancel();
    }
  });
});
