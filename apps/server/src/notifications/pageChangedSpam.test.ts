import type { DomainEvent } from '@lore/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAdmin } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { startTestServer, type TestServer } from '../test/startTestServer';
import { pageChangedConsumer } from './pageChangedConsumer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
  await t.request('/api/setup', { method: 'POST', json: testAdmin });
});
afterEach(() => t.close());

const minute = 60_000;

describe('page change notifications', () => {
  it('tell each watcher once about a 30-minute session of three people editing a watched page', async () => {
    const services = t.server.runtime.services;
    const admin = services.storage.accounts.findUserByEmail(testAdmin.email);
    if (!admin) throw new Error('no admin');
    const people = await Promise.all(
      ['ann', 'ben', 'cat', 'wes'].map((name) =>
        services.accounts.createUser(admin, {
          email: `${name}@example.com`,
          displayName: name,
          password: `${name} password`,
          role: 'member',
        }),
      ),
    );
    const [ann, ben, cat, wes] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    await expectJson(
      await t.request('/api/spaces', {
        method: 'POST',
        json: { name: 'Plans', slug: 'plans', visibility: 'open' },
      }),
      201,
    );
    const { page } = await expectJson(
      await t.request('/api/pages', { method: 'POST', json: { spaceId: 'plans', title: 'Plan' } }),
      201,
    );
    // Wes watches the page; the three editors watch it too, as editing makes them do.
    services.watches.watchPage(wes, page.id);
    services.watches.autoWatch([ann.id, ben.id, cat.id], page.id);

    // The real consumer over the real stores; who typed and how much is scripted per event.
    let typist = ann.id;
    let typed = 0;
    const consumer = pageChangedConsumer({
      pages: services.pageStore,
      watches: services.storage.watches,
      store: services.storage.notifications,
      notifications: services.notifications,
      changes: { editors: () => [typist], changedCharacters: async () => typed },
      windowMs: 6 * 60 * minute,
      minChangeChars: 20,
    });
    const start = Date.now();
    const editors = [ann.id, ben.id, cat.id];
    // One content event every 10 seconds for 30 minutes (as a quiet pause in typing makes one).
    for (let step = 0; step < 180; step++) {
      typist = editors[step % 3] as string;
      typed += 15;
      const at = start + step * 10_000;
      const event = {
        type: 'page.content_changed',
        seq: 10_000 + step,
        pageId: page.id,
        spaceId: null,
        actorId: null,
        at,
        data: { firstChangeAt: at - 2_000, lastChangeAt: at - 300 },
      } as DomainEvent;
      await consumer.handle(event);
      // At least once: every event may arrive twice.
      if (step % 7 === 0) await consumer.handle(event);
      // Wes reads the page now and then, which never brings the notifications back.
      if (step === 90) services.storage.watches.recordView(wes.id, page.id, at, 1_800_000);
    }

    const changedFor = (userId: string) =>
      services.storage.notifications
        .listNotifications(userId, { archived: false, limit: 100 })
        .filter((notification) => notification.kind === 'page_changed');
    expect(changedFor(wes.id)).toHaveLength(1);
    for (const editor of [ann, ben, cat]) {
      expect(changedFor(editor.id).length).toBeLessThanOrEqual(1);
    }

    // Past the window, the next change is told again.
    typist = ann.id;
    await consumer.handle({
      type: 'page.content_changed',
      seq: 20_000,
      pageId: page.id,
      spaceId: null,
      actorId: null,
      at: start + 7 * 60 * minute,
      data: {
        firstChangeAt: start + 7 * 60 * minute - 1_000,
        lastChangeAt: start + 7 * 60 * minute,
      },
    } as DomainEvent);
    expect(changedFor(wes.id)).toHaveLength(2);
  });
});
