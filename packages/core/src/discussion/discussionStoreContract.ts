import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { Comment } from './Comment';
import type { CommentThread } from './CommentThread';
import type { DiscussionStore } from './DiscussionStore';
import type { Reaction } from './Reaction';

/**
 * A fresh, empty store for one test; `seed` creates the users and pages threads refer to (a
 * no-op where nothing is enforced), `purgePage` deletes a page for good where the store has pages
 * (null where it has none), and `close` releases it.
 */
export interface DiscussionStoreFixture {
  readonly store: DiscussionStore;
  readonly seed: {
    user(id: string): void;
    page(id: string): void;
  };
  readonly purgePage: ((id: string) => void) | null;
  close?(): void | Promise<void>;
}

const thread = (id: string, fields: Partial<CommentThread> = {}): CommentThread => ({
  id,
  pageId: 'p-1',
  anchor: null,
  createdBy: 'u-ada',
  createdAt: 10,
  resolvedAt: null,
  resolvedBy: null,
  ...fields,
});

const comment = (id: string, threadId: string, fields: Partial<Comment> = {}): Comment => ({
  id,
  threadId,
  pageId: 'p-1',
  authorId: 'u-ada',
  body: `Body of ${id}`,
  mentions: [],
  createdAt: 10,
  editedAt: null,
  deletedAt: null,
  ...fields,
});

const reaction = (fields: Partial<Reaction> = {}): Reaction => ({
  targetKind: 'page',
  targetId: 'p-1',
  userId: 'u-ada',
  emoji: '👍',
  createdAt: 10,
  ...fields,
});

/**
 * The behaviour every `DiscussionStore` implementation must share. Each implementation's test
 * file calls this once with its own factory; the suite imports no test runner.
 */
export function discussionStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => DiscussionStoreFixture | Promise<DiscussionStoreFixture>,
): void {
  const withStore =
    (body: (store: DiscussionStore, fixture: DiscussionStoreFixture) => Promise<void> | void) =>
    async () => {
      const fixture = await open();
      try {
        for (const id of ['u-ada', 'u-bob']) fixture.seed.user(id);
        for (const id of ['p-1', 'p-2']) fixture.seed.page(id);
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`DiscussionStore contract: ${name}`, () => {
    api.it(
      'keeps every field of a thread and of a comment',
      withStore((store) => {
        const anchored = thread('t-1', {
          anchor: { from: 'AQID', to: 'BAUG', quote: 'the “quoted” text ✓' },
          createdBy: 'u-bob',
        });
        store.insertThread(anchored);
        const first = comment('c-1', 't-1', {
          authorId: 'u-bob',
          body: 'Hi @[Ada](user:u-ada) — **really**?',
          mentions: ['u-ada'],
          createdAt: 11,
        });
        store.insertComment(first);
        assert.deepEqual(store.findThread('t-1'), anchored);
        assert.deepEqual(store.findComment('c-1'), first);
        assert.equal(store.findThread('t-unknown'), null);
        assert.equal(store.findComment('c-unknown'), null);
      }),
    );

    api.it(
      "lists a page's threads oldest first, by state",
      withStore((store) => {
        store.insertThread(thread('t-b', { createdAt: 30 }));
        store.insertThread(thread('t-a', { createdAt: 20 }));
        store.insertThread(thread('t-c', { createdAt: 25, resolvedAt: 40, resolvedBy: 'u-bob' }));
        store.insertThread(thread('t-other', { pageId: 'p-2', createdAt: 5 }));
        const ids = (threads: CommentThread[]) => threads.map((t) => t.id);
        assert.deepEqual(ids(store.listThreadsOfPage('p-1', null)), ['t-a', 't-c', 't-b']);
        assert.deepEqual(ids(store.listThreadsOfPage('p-1', 'open')), ['t-a', 't-b']);
        assert.deepEqual(ids(store.listThreadsOfPage('p-1', 'resolved')), ['t-c']);
        assert.deepEqual(ids(store.listThreadsOfPage('p-unknown', null)), []);
      }),
    );

    api.it(
      'resolves and reopens a thread',
      withStore((store) => {
        store.insertThread(thread('t-1'));
        assert.equal(store.setThreadResolution('t-1', 50, 'u-bob'), true);
        assert.equal(store.findThread('t-1')?.resolvedAt, 50);
        assert.equal(store.findThread('t-1')?.resolvedBy, 'u-bob');
        assert.equal(store.setThreadResolution('t-1', null, null), true);
        assert.deepEqual(store.findThread('t-1'), thread('t-1'));
        assert.equal(store.setThreadResolution('t-unknown', 50, 'u-bob'), false);
      }),
    );

    api.it(
      'lists the comments of several threads in one read, oldest first',
      withStore((store) => {
        store.insertThread(thread('t-1'));
        store.insertThread(thread('t-2'));
        store.insertThread(thread('t-3'));
        store.insertComment(comment('c-3', 't-2', { createdAt: 30 }));
        store.insertComment(comment('c-1', 't-1', { createdAt: 10 }));
        store.insertComment(comment('c-2', 't-1', { createdAt: 20 }));
        store.insertComment(comment('c-4', 't-3', { createdAt: 40 }));
        assert.deepEqual(
          store.listCommentsOfThreads(['t-1', 't-2']).map((c) => c.id),
          ['c-1', 'c-2', 'c-3'],
        );
        assert.deepEqual(store.listCommentsOfThreads([]), []);
      }),
    );

    api.it(
      'edits a comment, and leaves a deleted one as a placeholder',
      withStore((store) => {
        store.insertThread(thread('t-1'));
        store.insertComment(comment('c-1', 't-1', { mentions: ['u-bob'] }));
        assert.equal(store.updateComment('c-1', 'New @[Ada](user:u-ada)', ['u-ada'], 60), true);
        assert.deepEqual(store.findComment('c-1'), {
          ...comment('c-1', 't-1'),
          body: 'New @[Ada](user:u-ada)',
          mentions: ['u-ada'],
          editedAt: 60,
        });
        assert.equal(store.markCommentDeleted('c-1', 70), true);
        const placeholder = store.findComment('c-1');
        assert.equal(placeholder?.body, '');
        assert.deepEqual(placeholder?.mentions, []);
        assert.equal(placeholder?.deletedAt, 70);
        assert.equal(store.updateComment('c-unknown', 'x', [], 1), false);
        assert.equal(store.markCommentDeleted('c-unknown', 1), false);
      }),
    );

    api.it(
      'deletes a comment with its reactions, and a thread with its comments',
      withStore((store) => {
        store.insertThread(thread('t-1'));
        store.insertComment(comment('c-1', 't-1', { createdAt: 10 }));
        store.insertComment(comment('c-2', 't-1', { createdAt: 20 }));
        store.addReaction(reaction({ targetKind: 'comment', targetId: 'c-2' }));
        assert.equal(store.deleteComment('c-2'), true);
        assert.equal(store.deleteComment('c-2'), false);
        assert.deepEqual(store.listReactions('comment', ['c-2']), []);
        store.addReaction(reaction({ targetKind: 'comment', targetId: 'c-1' }));
        assert.equal(store.deleteThread('t-1'), true);
        assert.equal(store.deleteThread('t-1'), false);
        assert.equal(store.findComment('c-1'), null);
        assert.deepEqual(store.listReactions('comment', ['c-1']), []);
      }),
    );

    api.it(
      'keeps one reaction per person, emoji and target, and removes it',
      withStore((store) => {
        store.insertThread(thread('t-1'));
        store.insertComment(comment('c-1', 't-1'));
        assert.equal(store.addReaction(reaction({ createdAt: 10 })), true);
        assert.equal(store.addReaction(reaction({ createdAt: 11 })), false);
        assert.equal(store.addReaction(reaction({ emoji: '🎉', createdAt: 12 })), true);
        assert.equal(store.addReaction(reaction({ userId: 'u-bob', createdAt: 13 })), true);
        assert.equal(
          store.addReaction(reaction({ targetKind: 'comment', targetId: 'c-1', createdAt: 14 })),
          true,
        );
        assert.equal(store.addReaction(reaction({ targetId: 'p-2', createdAt: 15 })), true);
        assert.deepEqual(store.listReactions('page', ['p-1']), [
          reaction({ createdAt: 10 }),
          reaction({ emoji: '🎉', createdAt: 12 }),
          reaction({ userId: 'u-bob', createdAt: 13 }),
        ]);
        assert.deepEqual(store.listReactions('comment', ['c-1']), [
          reaction({ targetKind: 'comment', targetId: 'c-1', createdAt: 14 }),
        ]);
        assert.equal(store.removeReaction('page', 'p-1', 'u-ada', '👍'), true);
        assert.equal(store.removeReaction('page', 'p-1', 'u-ada', '👍'), false);
        assert.deepEqual(
          store.listReactions('page', ['p-1', 'p-2']).map((r) => [r.targetId, r.userId, r.emoji]),
          [
            ['p-1', 'u-ada', '🎉'],
            ['p-1', 'u-bob', '👍'],
            ['p-2', 'u-ada', '👍'],
          ],
        );
        assert.deepEqual(store.listReactions('page', []), []);
      }),
    );

    api.it(
      'lists 500 threads with their comments and reactions',
      withStore((store) => {
        store.transaction(() => {
          for (let i = 0; i < 500; i += 1) {
            const id = `t-${String(i).padStart(3, '0')}`;
            store.insertThread(thread(id, { createdAt: i }));
            store.insertComment(comment(`${id}-c1`, id, { createdAt: i }));
            store.insertComment(comment(`${id}-c2`, id, { createdAt: i + 1 }));
            store.addReaction(reaction({ targetKind: 'comment', targetId: `${id}-c1` }));
          }
        });
        const threads = store.listThreadsOfPage('p-1', null);
        assert.equal(threads.length, 500);
        const comments = store.listCommentsOfThreads(threads.map((t) => t.id));
        assert.equal(comments.length, 1000);
        assert.equal(
          store.listReactions(
            'comment',
            comments.map((c) => c.id),
          ).length,
          500,
        );
      }),
    );

    api.it(
      'removes threads and page reactions with their page when it is purged',
      withStore((store, fixture) => {
        if (!fixture.purgePage) return;
        store.insertThread(thread('t-1'));
        store.insertComment(comment('c-1', 't-1'));
        store.addReaction(reaction({ targetKind: 'comment', targetId: 'c-1' }));
        store.addReaction(reaction());
        fixture.purgePage('p-1');
        assert.equal(store.findThread('t-1'), null);
        assert.equal(store.findComment('c-1'), null);
        assert.deepEqual(store.listReactions('comment', ['c-1']), []);
        assert.deepEqual(store.listReactions('page', ['p-1']), []);
      }),
    );

    api.it(
      'runs work atomically and returns its result',
      withStore((store) => {
        assert.throws(() =>
          store.transaction(() => {
            store.insertThread(thread('t-1'));
            throw new Error('rolled back');
          }),
        );
        assert.equal(store.findThread('t-1'), null);
        assert.equal(
          store.transaction(() => {
            store.insertThread(thread('t-2'));
            return 'done';
          }),
          'done',
        );
        assert.notEqual(store.findThread('t-2'), null);
      }),
    );
  });
}
