import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { Notification } from './Notification';
import { defaultNotificationSettings } from './NotificationSettings';
import type { NotificationStore } from './NotificationStore';

/**
 * A fresh, empty store for one test; `seed` creates the users, spaces and pages notifications
 * refer to (a no-op where nothing is enforced), and `close` releases it.
 */
export interface NotificationStoreFixture {
  readonly store: NotificationStore;
  readonly seed: {
    users(ids: readonly string[]): void;
    space(id: string): void;
    page(id: string, spaceId: string): void;
  };
  close?(): void | Promise<void>;
}

const note = (id: string, fields: Partial<Notification> = {}): Notification => ({
  id,
  userId: 'u-ada',
  kind: 'page_changed',
  pageId: 'p-1',
  spaceId: 's-1',
  actorId: 'u-bob',
  threadId: null,
  commentId: null,
  createdAt: 100,
  readAt: null,
  archivedAt: null,
  dedupeKey: `key-${id}`,
  inApp: true,
  email: false,
  emailState: null,
  emailedAt: null,
  ...fields,
});

/** A notification whose email waits, made at `createdAt`. */
const mail = (id: string, createdAt: number, fields: Partial<Notification> = {}): Notification =>
  note(id, { createdAt, email: true, emailState: 'pending', ...fields });

const ids = (notifications: readonly Notification[]) => notifications.map((n) => n.id);

/**
 * The behaviour every `NotificationStore` implementation must share. Each implementation's test
 * file calls this once with its own factory; the suite imports no test runner.
 */
export function notificationStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => NotificationStoreFixture | Promise<NotificationStoreFixture>,
): void {
  const withStore =
    (body: (store: NotificationStore, fixture: NotificationStoreFixture) => Promise<void> | void) =>
    async () => {
      const fixture = await open();
      try {
        fixture.seed.users(['u-ada', 'u-bob', 'u-cy']);
        fixture.seed.space('s-1');
        for (const id of ['p-1', 'p-2']) fixture.seed.page(id, 's-1');
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`NotificationStore contract: ${name}`, () => {
    api.it(
      'keeps every field of a notification and finds it by id',
      withStore((store) => {
        const stored = note('n-1', {
          kind: 'thread_reply',
          threadId: 't-1',
          commentId: 'c-1',
          actorId: null,
          email: true,
          emailState: 'pending',
        });
        assert.equal(store.addNotifications([stored]), 1);
        assert.deepEqual(store.findNotification('n-1'), stored);
        assert.equal(store.findNotification('n-unknown'), null);
      }),
    );

    api.it(
      'adds a notification once per recipient and dedupe key, however often it is delivered',
      withStore((store) => {
        assert.equal(store.addNotifications([note('n-1', { dedupeKey: 'event-7' })]), 1);
        assert.equal(
          store.addNotifications([
            note('n-2', { dedupeKey: 'event-7' }),
            note('n-3', { dedupeKey: 'event-7', userId: 'u-bob' }),
          ]),
          1,
        );
        assert.equal(store.findNotification('n-2'), null);
        assert.equal(store.findNotification('n-3')?.userId, 'u-bob');
        assert.equal(store.addNotifications([]), 0);
      }),
    );

    api.it(
      'adds a fan-out to 5,000 people at once',
      withStore((store, fixture) => {
        const userIds = Array.from({ length: 5_000 }, (_, index) => `u-many-${index}`);
        fixture.seed.users(userIds);
        const fanOut = userIds.map((userId, index) =>
          note(`n-many-${index}`, { userId, dedupeKey: 'event-9' }),
        );
        assert.equal(store.addNotifications(fanOut), 5_000);
        assert.equal(store.addNotifications(fanOut), 0);
        assert.equal(store.unreadCount('u-many-4999'), 1);
      }),
    );

    api.it(
      "lists a person's inbox newest first, a page at a time, and archived ones apart",
      withStore((store) => {
        store.addNotifications([
          note('n-a', { createdAt: 10 }),
          note('n-c', { createdAt: 30 }),
          note('n-b2', { createdAt: 20 }),
          note('n-b1', { createdAt: 20 }),
          note('n-other', { createdAt: 40, userId: 'u-bob' }),
          note('n-mail-only', { createdAt: 50, inApp: false, email: true }),
        ]);
        const ids = (list: Notification[]) => list.map((item) => item.id);
        assert.deepEqual(ids(store.listNotifications('u-ada', { archived: false, limit: 10 })), [
          'n-c',
          'n-b2',
          'n-b1',
          'n-a',
        ]);
        const first = store.listNotifications('u-ada', { archived: false, limit: 2 });
        assert.deepEqual(ids(first), ['n-c', 'n-b2']);
        const last = first.at(-1) as Notification;
        assert.deepEqual(
          ids(
            store.listNotifications('u-ada', {
              archived: false,
              limit: 2,
              before: { createdAt: last.createdAt, id: last.id },
            }),
          ),
          ['n-b1', 'n-a'],
        );
        assert.equal(store.archive('u-ada', 'n-b1', 60), true);
        assert.deepEqual(ids(store.listNotifications('u-ada', { archived: true, limit: 10 })), [
          'n-b1',
        ]);
        assert.deepEqual(ids(store.listNotifications('u-ada', { archived: false, limit: 10 })), [
          'n-c',
          'n-b2',
          'n-a',
        ]);
      }),
    );

    api.it(
      'counts unread inbox notifications, marks them read one or all at once, and archives',
      withStore((store) => {
        store.addNotifications([
          note('n-1', { pageId: 'p-1' }),
          note('n-2', { pageId: 'p-1' }),
          note('n-3', { pageId: 'p-2' }),
          note('n-4', { userId: 'u-bob' }),
          note('n-mail-only', { inApp: false, email: true }),
          note('n-space', { pageId: null, kind: 'page_shared' }),
        ]);
        assert.equal(store.unreadCount('u-ada'), 4);
        assert.deepEqual(
          store
            .unreadByPage('u-ada')
            .sort((a, b) => ((a.pageId ?? '') < (b.pageId ?? '') ? -1 : 1)),
          [
            { pageId: null, spaceId: 's-1', count: 1 },
            { pageId: 'p-1', spaceId: 's-1', count: 2 },
            { pageId: 'p-2', spaceId: 's-1', count: 1 },
          ],
        );
        assert.equal(store.findNotification('n-space')?.pageId, null);
        // Only the recipient marks their own notification, once.
        assert.equal(store.markRead('u-bob', 'n-1', 200), false);
        assert.equal(store.markRead('u-ada', 'n-1', 200), true);
        assert.equal(store.markRead('u-ada', 'n-1', 300), false);
        assert.equal(store.findNotification('n-1')?.readAt, 200);
        assert.equal(store.unreadCount('u-ada'), 3);
        // Archiving reads it too, once; someone else's cannot be archived.
        assert.equal(store.archive('u-bob', 'n-3', 250), false);
        assert.equal(store.archive('u-ada', 'n-3', 250), true);
        assert.equal(store.archive('u-ada', 'n-3', 260), false);
        assert.equal(store.findNotification('n-3')?.readAt, 250);
        assert.equal(store.findNotification('n-3')?.archivedAt, 250);
        assert.equal(store.unreadCount('u-ada'), 2);
        assert.equal(store.markAllRead('u-ada', 400) >= 1, true);
        assert.equal(store.unreadCount('u-ada'), 0);
        assert.deepEqual(store.unreadByPage('u-ada'), []);
        assert.equal(store.findNotification('n-1')?.readAt, 200);
        assert.equal(store.findNotification('n-2')?.readAt, 400);
        assert.equal(store.unreadCount('u-bob'), 1);
        assert.equal(store.markRead('u-ada', 'n-unknown', 1), false);
      }),
    );

    api.it(
      'tells when each person was last notified of a kind about a page',
      withStore((store) => {
        store.addNotifications([
          note('n-1', { createdAt: 10 }),
          note('n-2', { createdAt: 30 }),
          note('n-3', { createdAt: 50, pageId: 'p-2' }),
          note('n-4', { createdAt: 70, kind: 'page_shared' }),
          note('n-5', { createdAt: 20, userId: 'u-bob' }),
          note('n-6', { createdAt: 90, userId: 'u-cy' }),
        ]);
        assert.deepEqual(
          [...store.lastNotifiedAt('p-1', 'page_changed', ['u-ada', 'u-bob', 'u-nobody'])].sort(),
          [
            ['u-ada', 30],
            ['u-bob', 20],
          ],
        );
        assert.equal(store.lastNotifiedAt('p-1', 'page_changed', []).size, 0);
      }),
    );

    api.it(
      "keeps each person's settings",
      withStore((store) => {
        assert.equal(store.findSettings('u-ada'), null);
        const chosen = {
          ...defaultNotificationSettings,
          channels: {
            ...defaultNotificationSettings.channels,
            page_changed: { in_app: false, email: true },
          },
          emailDigest: 'weekly' as const,
          autoWatch: false,
        };
        store.saveSettings('u-ada', chosen, 10);
        assert.deepEqual(store.findSettings('u-ada'), chosen);
        store.saveSettings('u-ada', defaultNotificationSettings, 20);
        assert.deepEqual(store.findSettings('u-ada'), defaultNotificationSettings);
        store.saveSettings('u-bob', chosen, 30);
        const listed = store.listSettings(['u-ada', 'u-bob', 'u-cy']);
        assert.deepEqual([...listed.keys()].sort(), ['u-ada', 'u-bob']);
        assert.deepEqual(listed.get('u-bob'), chosen);
        assert.equal(store.listSettings([]).size, 0);
      }),
    );

    api.it(
      'runs work atomically and returns its result',
      withStore((store) => {
        const result = store.transaction(() => {
          store.addNotifications([note('n-1')]);
          return 'done';
        });
        assert.equal(result, 'done');
        assert.notEqual(store.findNotification('n-1'), null);
      }),
    );

    api.it(
      'lists who has email waiting, the longest waiting first, without email that is not pending',
      withStore((store) => {
        store.addNotifications([
          mail('n-1', 300),
          mail('n-2', 100, { userId: 'u-bob' }),
          mail('n-3', 200),
          note('n-4', { createdAt: 50, userId: 'u-cy', email: true }),
          mail('n-5', 10, { userId: 'u-cy', emailState: 'sent', emailedAt: 20 }),
        ]);
        assert.deepEqual(store.listEmailRecipients(1_000, 10), [
          { userId: 'u-bob', oldestAt: 100 },
          { userId: 'u-ada', oldestAt: 200 },
        ]);
        assert.deepEqual(store.listEmailRecipients(1_000, 1), [{ userId: 'u-bob', oldestAt: 100 }]);
      }),
    );

    api.it(
      'claims pending emails oldest first and holds them until the lease ends',
      withStore((store) => {
        store.addNotifications([mail('n-3', 300), mail('n-1', 100), mail('n-2', 200)]);
        store.addNotifications([mail('n-9', 100, { userId: 'u-bob' })]);
        const first = store.claimEmails('u-ada', 1_000, 5_000, 2);
        assert.deepEqual(ids(first), ['n-1', 'n-2']);
        assert.equal(first[0]?.emailState, 'pending');
        // Held: neither claimed again nor listed until the lease ends.
        assert.deepEqual(ids(store.claimEmails('u-ada', 2_000, 6_000, 10)), ['n-3']);
        assert.deepEqual(store.claimEmails('u-ada', 2_000, 6_000, 10), []);
        assert.deepEqual(store.listEmailRecipients(2_000, 10), [
          { userId: 'u-bob', oldestAt: 100 },
        ]);
        // A holder that died: its emails are free again once the lease ended.
        assert.deepEqual(store.listEmailRecipients(5_000, 10), [
          { userId: 'u-ada', oldestAt: 100 },
          { userId: 'u-bob', oldestAt: 100 },
        ]);
        assert.deepEqual(ids(store.claimEmails('u-ada', 5_000, 9_000, 10)), ['n-1', 'n-2']);
      }),
    );

    api.it(
      'finishes email work once: sent, skipped or failed, with when',
      withStore((store) => {
        store.addNotifications([mail('n-1', 100), mail('n-2', 200), mail('n-3', 300)]);
        store.claimEmails('u-ada', 1_000, 5_000, 10);
        assert.equal(store.finishEmails(['n-1', 'n-2', 'n-unknown'], 'sent', 1_500), 2);
        assert.equal(store.finishEmails(['n-1', 'n-3'], 'skipped', 1_600), 1);
        assert.equal(store.findNotification('n-1')?.emailState, 'sent');
        assert.equal(store.findNotification('n-1')?.emailedAt, 1_500);
        assert.equal(store.findNotification('n-3')?.emailState, 'skipped');
        assert.equal(store.finishEmails([], 'failed', 1_700), 0);
        // Nothing pending is left, even after every lease ended.
        assert.deepEqual(store.listEmailRecipients(10_000, 10), []);
        assert.deepEqual(store.claimEmails('u-ada', 10_000, 20_000, 10), []);
      }),
    );

    api.it(
      'lets emails go to be taken again from a later time',
      withStore((store) => {
        store.addNotifications([mail('n-1', 100), mail('n-2', 200)]);
        assert.equal(store.claimEmails('u-ada', 1_000, 60_000, 10).length, 2);
        store.retryEmailsAt(['n-1', 'n-2'], 3_000);
        assert.deepEqual(store.claimEmails('u-ada', 2_000, 60_000, 10), []);
        assert.deepEqual(ids(store.claimEmails('u-ada', 3_000, 60_000, 10)), ['n-1', 'n-2']);
        store.finishEmails(['n-1'], 'sent', 3_500);
        // A finished email stays finished.
        store.retryEmailsAt(['n-1'], 0);
        assert.deepEqual(store.listEmailRecipients(4_000, 10), []);
        assert.equal(store.findNotification('n-1')?.emailState, 'sent');
      }),
    );
  });
}
