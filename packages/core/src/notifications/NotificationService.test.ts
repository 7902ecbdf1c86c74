import { describe, expect, it } from 'vitest';
import { pageLookups, testAccessPolicy, testSpace } from '../access/testAccessPolicy';
import type { StoredUser, User } from '../accounts/User';
import { NotFoundError, ValidationError } from '../DomainError';
import type { Page } from '../pages/Page';
import { ManualClock } from '../revisions/ManualClock';
import { MemoryNotificationStore } from './MemoryNotificationStore';
import { MemoryWatchStore } from './MemoryWatchStore';
import { NotificationService } from './NotificationService';
import { WatchService } from './WatchService';

const person = (id: string, fields: Partial<StoredUser> = {}): StoredUser => ({
  id,
  email: `${id}@example.com`,
  displayName: id.toUpperCase(),
  color: '#123456',
  role: 'member',
  createdAt: 0,
  passwordHash: '',
  disabledAt: null,
  deletedAt: null,
  ...fields,
});

const page = (id: string, fields: Partial<Page> = {}): Page => ({
  id,
  shortId: `short${id}`.padEnd(10, 'x').slice(0, 10),
  spaceId: 'docs',
  parentId: null,
  position: 'V',
  title: id.toUpperCase(),
  icon: null,
  createdBy: 'ada',
  createdAt: 0,
  updatedBy: 'ada',
  updatedAt: 0,
  deletedAt: null,
  deletedBy: null,
  ...fields,
});

/** An open space `docs` with the pages `plan` and `gone` (in the trash); Ada, Bob, Cy and Dee. */
function setup(chunkSize?: number, sendsEmail = false) {
  const people = new Map(
    [person('ada'), person('bob'), person('cy'), person('dee', { disabledAt: 5 })].map((u) => [
      u.id,
      u,
    ]),
  );
  const who = (id: string) => people.get(id) as User;
  const space = testSpace({ id: 'docs', defaultRole: 'viewer' });
  const pages = new Map([
    ['plan', page('plan')],
    ['gone', page('gone', { deletedAt: 1, deletedBy: 'ada' })],
  ]);
  const lookups = pageLookups(pages);
  const { policy, store: access } = testAccessPolicy({ pages: lookups, spaces: [space] });
  const store = new MemoryNotificationStore();
  const clock = new ManualClock(1_000);
  const changed: string[] = [];
  const service = new NotificationService({
    store,
    pages: lookups,
    spaces: { findSpaceById: (id) => (id === 'docs' ? space : null) },
    people: {
      findUserById: (id) => people.get(id) ?? null,
      listUsers: () => [...people.values()],
    },
    policy,
    clock,
    onChange: (userId) => changed.push(userId),
    ...(chunkSize !== undefined ? { chunkSize } : {}),
    sendsEmail,
  });
  const watchStore = new MemoryWatchStore();
  const watches = new WatchService({
    store: watchStore,
    pages: lookups,
    spaces: { findSpaceById: (id) => (id === 'docs' ? space : null) },
    policy,
    clock,
    settingsOf: (userIds) => service.settingsOf(userIds),
  });
  return { service, store, who, access, clock, changed, watches, watchStore };
}

describe('NotificationService', () => {
  it('notifies each recipient once, never the actor, nor who cannot sign in or read the page', async () => {
    const { service, store, who, access } = setup();
    access.setPageRestriction({
      pageId: 'plan',
      view: { users: ['ada', 'bob', 'dee'], groups: [] },
      edit: null,
      updatedBy: 'ada',
      updatedAt: 0,
    });
    const input = {
      kind: 'page_changed' as const,
      pageId: 'plan',
      actorId: 'ada',
      at: 2_000,
      dedupeKey: 'page_changed:1',
      recipients: ['ada', 'bob', 'bob', 'cy', 'dee', 'nobody'],
    };
    expect(await service.notify(input)).toEqual(['bob']);
    // Delivered again: nothing new.
    await service.notify(input);
    expect(store.unreadCount('bob')).toBe(1);
    expect(service.unreadCount(who('cy'))).toBe(0);
    expect(service.unreadCount(who('ada'))).toBe(0);
    expect(await service.notify({ ...input, pageId: 'unknown', dedupeKey: 'x' })).toEqual([]);
  });

  it('notifies a chunk of recipients at a time', async () => {
    const { service, store } = setup(1);
    const notified = await service.notify({
      kind: 'page_changed',
      pageId: 'plan',
      actorId: 'ada',
      at: 2_000,
      dedupeKey: 'chunks',
      recipients: ['ada', 'bob', 'cy', 'dee'],
    });
    expect(notified).toEqual(['bob', 'cy']);
    expect(store.unreadCount('bob') + store.unreadCount('cy')).toBe(2);
  });

  it('hides, and stops counting, what its recipient can no longer read', async () => {
    const { service, who, access } = setup();
    await service.notify({
      kind: 'page_changed',
      pageId: 'plan',
      actorId: 'ada',
      at: 2_000,
      dedupeKey: 'k',
      recipients: ['bob'],
    });
    expect(service.list(who('bob')).items.map((item) => item.page?.title)).toEqual(['PLAN']);
    access.setPageRestriction({
      pageId: 'plan',
      view: { users: ['ada'], groups: [] },
      edit: null,
      updatedBy: 'ada',
      updatedAt: 0,
    });
    expect(service.list(who('bob')).items).toEqual([]);
    expect(service.unreadCount(who('bob'))).toBe(0);
  });

  it('respects settings: a kind turned off on both channels makes nothing', async () => {
    const { service, who } = setup();
    service.updateSettings(who('bob'), { channels: { page_changed: { in_app: false } } });
    service.updateSettings(who('cy'), { channels: { page_changed: { email: true } } });
    const notified = await service.notify({
      kind: 'page_changed',
      pageId: 'plan',
      actorId: 'ada',
      at: 2_000,
      dedupeKey: 'k',
      recipients: ['bob', 'cy'],
    });
    expect(notified).toEqual(['cy']);
    service.unsubscribeEmail('cy', 'all');
    expect(service.settings(who('cy')).channels.page_changed).toEqual({
      in_app: true,
      email: false,
    });
    expect(service.settings(who('cy')).channels.mentioned.email).toBe(false);
  });

  it('makes the email pending in the same write when the recipient wants it and email is on', async () => {
    const input = {
      kind: 'mentioned' as const,
      pageId: 'plan',
      actorId: 'ada',
      at: 2_000,
      dedupeKey: 'k',
      recipients: ['bob', 'cy'],
    };
    const on = setup(undefined, true);
    on.service.updateSettings(on.who('cy'), { channels: { mentioned: { email: false } } });
    await on.service.notify(input);
    const states = (store: MemoryNotificationStore, userId: string) =>
      store.listNotifications(userId, { archived: false, limit: 10 }).map((n) => n.emailState);
    expect(states(on.store, 'bob')).toEqual(['pending']);
    expect(states(on.store, 'cy')).toEqual([null]);
    expect(on.store.listEmailRecipients(10_000, 10)).toEqual([{ userId: 'bob', oldestAt: 2_000 }]);

    // Email off (no mail server): wanted or not, nothing waits to be sent.
    const off = setup();
    await off.service.notify(input);
    expect(states(off.store, 'bob')).toEqual([null]);
    expect(off.store.listEmailRecipients(10_000, 10)).toEqual([]);
  });

  it("reads, archives and pages only the person's own notifications", async () => {
    const { service, who, changed } = setup();
    for (let index = 0; index < 3; index++) {
      await service.notify({
        kind: 'page_changed',
        pageId: 'plan',
        actorId: 'ada',
        at: 2_000 + index,
        dedupeKey: `k${index}`,
        recipients: ['bob'],
      });
    }
    const bob = who('bob');
    const first = service.list(bob, { limit: 2 });
    expect(first.items.map((item) => item.notification.createdAt)).toEqual([2_002, 2_001]);
    expect(first.items[0]?.actor).toEqual({ id: 'ada', displayName: 'ADA' });
    const rest = service.list(bob, { limit: 2, before: first.nextBefore as string });
    expect(rest.items.map((item) => item.notification.createdAt)).toEqual([2_000]);
    expect(rest.nextBefore).toBeNull();
    expect(() => service.list(who('cy'), { before: first.nextBefore as string })).toThrow(
      ValidationError,
    );
    const id = first.items[0]?.notification.id as string;
    expect(() => service.markRead(who('cy'), id)).toThrow(NotFoundError);
    service.markRead(bob, id);
    expect(service.unreadCount(bob)).toBe(2);
    service.archive(bob, id);
    expect(service.list(bob, { archived: true }).items.map((item) => item.notification.id)).toEqual(
      [id],
    );
    expect(service.markAllRead(bob)).toBe(2);
    expect(service.unreadCount(bob)).toBe(0);
    expect(changed.filter((userId) => userId === 'bob').length).toBeGreaterThanOrEqual(3);
  });
});

describe('WatchService', () => {
  it('watches live pages people may read, and automatically only for who wants it', () => {
    const { service, who, watches, watchStore } = setup();
    expect(watches.watchPage(who('bob'), 'plan')).toMatchObject({
      watching: true,
      viaSpace: false,
    });
    expect(() => watches.watchPage(who('bob'), 'gone')).toThrow(NotFoundError);
    watches.watchSpace(who('cy'), 'docs');
    expect(watches.pageState(who('cy'), 'plan')).toMatchObject({ watching: false, viaSpace: true });
    service.updateSettings(who('cy'), { autoWatch: false });
    expect(watches.autoWatch(['ada', 'cy'], 'plan')).toEqual(['ada']);
    expect(watchStore.listPageWatchers('plan', 'docs').map((watcher) => watcher.userId)).toEqual([
      'ada',
      'bob',
      'cy',
    ]);
    expect(watches.watching(who('bob')).pages.map((item) => item.page.id)).toEqual(['plan']);
    watches.unwatchPage(who('bob'), 'plan');
    expect(watches.watching(who('bob')).pages).toEqual([]);
  });

  it('writes a view at most once a minute per person and page', async () => {
    const { watches, watchStore, clock } = setup();
    watches.recordView('bob', 'plan');
    await clock.advance(30_000);
    watches.recordView('bob', 'plan');
    expect(watchStore.lastViewedAt('bob', 'plan')).toBe(1_000);
    await clock.advance(31_000);
    watches.recordView('bob', 'plan');
    expect(watchStore.lastViewedAt('bob', 'plan')).toBe(62_000);
  });
});
