import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { WatchStore } from './WatchStore';

/** A new visit begins after this long without opening the page (in the tests' time). */
const visitGap = 1_000;

/**
 * A fresh, empty store for one test; `seed` creates the users, spaces and pages watches refer to
 * (a no-op where nothing is enforced), and `close` releases it.
 */
export interface WatchStoreFixture {
  readonly store: WatchStore;
  readonly seed: {
    users(ids: readonly string[]): void;
    space(id: string): void;
    page(id: string, spaceId: string): void;
  };
  close?(): void | Promise<void>;
}

/**
 * The behaviour every `WatchStore` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite imports no test runner.
 */
export function watchStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => WatchStoreFixture | Promise<WatchStoreFixture>,
): void {
  const withStore =
    (body: (store: WatchStore, fixture: WatchStoreFixture) => Promise<void> | void) => async () => {
      const fixture = await open();
      try {
        fixture.seed.users(['u-ada', 'u-bob', 'u-cy']);
        fixture.seed.space('s-1');
        fixture.seed.space('s-2');
        fixture.seed.page('p-1', 's-1');
        fixture.seed.page('p-2', 's-1');
        fixture.seed.page('p-3', 's-2');
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`WatchStore contract: ${name}`, () => {
    api.it(
      'watches and unwatches pages and spaces, once each',
      withStore((store) => {
        assert.equal(store.watch('u-ada', 'page', 'p-1', 10), true);
        assert.equal(store.watch('u-ada', 'page', 'p-1', 20), false);
        assert.equal(store.watch('u-ada', 'space', 's-2', 30), true);
        assert.equal(store.isWatching('u-ada', 'page', 'p-1'), true);
        assert.equal(store.isWatching('u-ada', 'page', 'p-2'), false);
        assert.equal(store.isWatching('u-bob', 'page', 'p-1'), false);
        assert.deepEqual(store.listWatches('u-ada'), [
          { userId: 'u-ada', kind: 'space', targetId: 's-2', createdAt: 30 },
          { userId: 'u-ada', kind: 'page', targetId: 'p-1', createdAt: 10 },
        ]);
        assert.equal(store.unwatch('u-ada', 'page', 'p-1', 100), true);
        assert.equal(store.unwatch('u-ada', 'page', 'p-1', 100), false);
        assert.equal(store.isWatching('u-ada', 'page', 'p-1'), false);
        assert.deepEqual(
          store.listWatches('u-ada').map((watch) => watch.targetId),
          ['s-2'],
        );
        assert.deepEqual(store.listWatches('u-bob'), []);
      }),
    );

    api.it(
      'watches for several people at once, keeping the first time of those watching already',
      withStore((store) => {
        store.watch('u-ada', 'page', 'p-1', 5);
        store.watchAll(['u-ada', 'u-bob', 'u-cy'], 'page', 'p-1', 10);
        store.watchAll([], 'page', 'p-1', 10);
        assert.deepEqual(
          store.listPageWatchers('p-1', 's-1').map((watcher) => watcher.userId),
          ['u-ada', 'u-bob', 'u-cy'],
        );
        assert.equal(store.listWatches('u-ada')[0]?.createdAt, 5);
        assert.equal(store.listWatches('u-bob')[0]?.createdAt, 10);
      }),
    );

    api.it(
      "lists a page's watchers, directly or through its space, each once, with their last view",
      withStore((store) => {
        store.watch('u-ada', 'page', 'p-1', 10);
        store.watch('u-ada', 'space', 's-1', 10);
        store.watch('u-bob', 'space', 's-1', 10);
        store.watch('u-cy', 'page', 'p-2', 10);
        store.watch('u-cy', 'space', 's-2', 10);
        store.recordView('u-bob', 'p-1', 50, visitGap);
        store.recordView('u-bob', 'p-2', 70, visitGap);
        assert.deepEqual(store.listPageWatchers('p-1', 's-1'), [
          { userId: 'u-ada', via: 'page', lastViewedAt: null },
          { userId: 'u-bob', via: 'space', lastViewedAt: 50 },
        ]);
        assert.deepEqual(store.listPageWatchers('p-3', 's-2'), [
          { userId: 'u-cy', via: 'space', lastViewedAt: null },
        ]);
      }),
    );

    api.it(
      'remembers when someone last opened a page, only ever moving it on',
      withStore((store) => {
        assert.equal(store.lastViewedAt('u-ada', 'p-1'), null);
        store.recordView('u-ada', 'p-1', 100, visitGap);
        store.recordView('u-ada', 'p-1', 90, visitGap);
        assert.equal(store.lastViewedAt('u-ada', 'p-1'), 100);
        store.recordView('u-ada', 'p-1', 120, visitGap);
        assert.equal(store.lastViewedAt('u-ada', 'p-1'), 120);
        assert.equal(store.lastViewedAt('u-bob', 'p-1'), null);
      }),
    );

    api.it(
      'keeps the end of the previous visit when a new one begins',
      withStore((store) => {
        assert.equal(store.pageVisit('u-ada', 'p-1'), null);
        store.recordView('u-ada', 'p-1', 10_000, visitGap);
        assert.deepEqual(store.pageVisit('u-ada', 'p-1'), {
          lastViewedAt: 10_000,
          previousViewedAt: null,
        });
        store.recordView('u-ada', 'p-1', 10_500, visitGap);
        assert.deepEqual(store.pageVisit('u-ada', 'p-1'), {
          lastViewedAt: 10_500,
          previousViewedAt: null,
        });
        store.recordView('u-ada', 'p-1', 20_000, visitGap);
        assert.deepEqual(store.pageVisit('u-ada', 'p-1'), {
          lastViewedAt: 20_000,
          previousViewedAt: 10_500,
        });
        store.recordView('u-ada', 'p-1', 20_400, visitGap);
        assert.deepEqual(store.pageVisit('u-ada', 'p-1'), {
          lastViewedAt: 20_400,
          previousViewedAt: 10_500,
        });
        // A late write of an older open changes neither.
        store.recordView('u-ada', 'p-1', 5_000, visitGap);
        assert.deepEqual(store.pageVisit('u-ada', 'p-1'), {
          lastViewedAt: 20_400,
          previousViewedAt: 10_500,
        });
        assert.equal(store.pageVisit('u-bob', 'p-1'), null);
      }),
    );

    api.it(
      "lists a person's recent views and the pages most people opened since a time",
      withStore((store) => {
        store.recordView('u-ada', 'p-1', 100, visitGap);
        store.recordView('u-ada', 'p-2', 300, visitGap);
        store.recordView('u-ada', 'p-3', 200, visitGap);
        store.recordView('u-bob', 'p-3', 250, visitGap);
        store.recordView('u-cy', 'p-3', 50, visitGap);
        store.recordView('u-bob', 'p-1', 120, visitGap);
        assert.deepEqual(store.listRecentViews('u-ada', 2), [
          { pageId: 'p-2', viewedAt: 300 },
          { pageId: 'p-3', viewedAt: 200 },
        ]);
        assert.deepEqual(store.listRecentViews('u-cy', 10), [{ pageId: 'p-3', viewedAt: 50 }]);
        assert.deepEqual(store.listPopularPages(100, 10), [
          { pageId: 'p-3', viewers: 2, lastViewedAt: 250 },
          { pageId: 'p-1', viewers: 2, lastViewedAt: 120 },
          { pageId: 'p-2', viewers: 1, lastViewedAt: 300 },
        ]);
        assert.deepEqual(store.listPopularPages(260, 1), [
          { pageId: 'p-2', viewers: 1, lastViewedAt: 300 },
        ]);
        assert.deepEqual(store.listPopularPages(1_000, 10), []);
      }),
    );

    api.it(
      'does not watch a page again on their behalf once they explicitly unwatched it',
      withStore((store) => {
        store.watchAll(['u-ada', 'u-bob'], 'page', 'p-1', 10);
        assert.equal(store.unwatch('u-ada', 'page', 'p-1', 100), true);
        store.watchAll(['u-ada', 'u-bob'], 'page', 'p-1', 20);
        assert.equal(store.isWatching('u-ada', 'page', 'p-1'), false);
        // Unwatching a page one never watched is remembered too.
        store.unwatch('u-cy', 'page', 'p-1', 100);
        store.watchAll(['u-cy'], 'page', 'p-1', 30);
        assert.equal(store.isWatching('u-cy', 'page', 'p-1'), false);
        // Other pages are watched as before.
        store.watchAll(['u-ada'], 'page', 'p-2', 40);
        assert.equal(store.isWatching('u-ada', 'page', 'p-2'), true);
        // Choosing to watch again clears it: a later unwatch-free auto watch keeps working.
        assert.equal(store.watch('u-ada', 'page', 'p-1', 50), true);
        store.unwatch('u-ada', 'page', 'p-1', 100);
        store.watch('u-ada', 'page', 'p-1', 60);
        store.unwatch('u-ada', 'page', 'p-1', 100);
        assert.equal(store.watch('u-ada', 'page', 'p-1', 70), true);
        store.transaction(() => store.unwatch('u-ada', 'page', 'p-1', 100));
        store.watch('u-ada', 'page', 'p-1', 80);
        store.watchAll(['u-ada'], 'page', 'p-1', 90);
        assert.equal(store.listWatches('u-ada').find((w) => w.targetId === 'p-1')?.createdAt, 80);
      }),
    );

    api.it(
      'runs work atomically and returns its result',
      withStore((store) => {
        const result = store.transaction(() => {
          store.watch('u-ada', 'page', 'p-1', 1);
          return 'done';
        });
        assert.equal(result, 'done');
        assert.equal(store.isWatching('u-ada', 'page', 'p-1'), true);
      }),
    );
  });
}
