import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { ShareLink } from './ShareLink';
import type { ShareLinkStore } from './ShareLinkStore';

/**
 * A fresh, empty store for one test; `seed` creates the users and pages links refer to (a no-op
 * where nothing is enforced), and `close` releases it.
 */
export interface ShareLinkStoreFixture {
  readonly store: ShareLinkStore;
  readonly seed: {
    user(id: string): void;
    page(id: string): void;
  };
  close?(): void | Promise<void>;
}

const share = (id: string, fields: Partial<ShareLink> = {}): ShareLink => ({
  id,
  secretHash: `hash-${id}`,
  pageId: 'p-1',
  includeSubpages: false,
  allowIndexing: false,
  expiresAt: null,
  createdBy: 'u-ada',
  createdAt: 10,
  revokedAt: null,
  revokedBy: null,
  lastUsedAt: null,
  ...fields,
});

/**
 * The behaviour every `ShareLinkStore` implementation must share. Each implementation's test
 * file calls this once with its own factory; the suite imports no test runner.
 */
export function shareLinkStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => ShareLinkStoreFixture | Promise<ShareLinkStoreFixture>,
): void {
  const withStore = (body: (store: ShareLinkStore) => Promise<void> | void) => async () => {
    const fixture = await open();
    try {
      for (const id of ['u-ada', 'u-bob']) fixture.seed.user(id);
      for (const id of ['p-1', 'p-2', 'p-3']) fixture.seed.page(id);
      await body(fixture.store);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`ShareLinkStore contract: ${name}`, () => {
    api.it(
      'keeps every field of a link and finds it by id and by the hash of its secret',
      withStore((store) => {
        const stored = share('s-1', {
          includeSubpages: true,
          allowIndexing: true,
          expiresAt: 5_000,
          createdBy: 'u-bob',
        });
        store.insertShare(stored);
        assert.deepEqual(store.findShareById('s-1'), stored);
        assert.deepEqual(store.findShareBySecretHash('hash-s-1'), stored);
        assert.equal(store.findShareById('s-unknown'), null);
        assert.equal(store.findShareBySecretHash('hash-unknown'), null);
      }),
    );

    api.it(
      'lists the links of the given pages that are not revoked, oldest first',
      withStore((store) => {
        store.insertShare(share('s-b', { pageId: 'p-2', createdAt: 30 }));
        store.insertShare(share('s-a', { pageId: 'p-1', createdAt: 20 }));
        store.insertShare(share('s-c', { pageId: 'p-3', createdAt: 10 }));
        store.insertShare(share('s-gone', { pageId: 'p-1', createdAt: 5 }));
        assert.equal(store.revokeShare('s-gone', 'u-ada', 40), true);
        assert.deepEqual(
          store.listSharesOfPages(['p-1', 'p-2']).map((s) => s.id),
          ['s-a', 's-b'],
        );
        assert.deepEqual(store.listSharesOfPages([]), []);
      }),
    );

    api.it(
      'revokes a link once, keeping who revoked it and when',
      withStore((store) => {
        store.insertShare(share('s-1'));
        assert.equal(store.revokeShare('s-1', 'u-bob', 50), true);
        assert.equal(store.revokeShare('s-1', 'u-ada', 60), false);
        assert.equal(store.revokeShare('s-unknown', 'u-ada', 60), false);
        const revoked = store.findShareBySecretHash('hash-s-1');
        assert.equal(revoked?.revokedAt, 50);
        assert.equal(revoked?.revokedBy, 'u-bob');
      }),
    );

    api.it(
      'records a use only when the last one is older than the interval asked',
      withStore((store) => {
        store.insertShare(share('s-1'));
        assert.equal(store.markShareUsed('s-1', 100, 100), true);
        assert.equal(store.findShareById('s-1')?.lastUsedAt, 100);
        // Used at 100: a visit that needs "not used since 90" is not recorded.
        assert.equal(store.markShareUsed('s-1', 150, 90), false);
        assert.equal(store.findShareById('s-1')?.lastUsedAt, 100);
        assert.equal(store.markShareUsed('s-1', 200, 101), true);
        assert.equal(store.findShareById('s-1')?.lastUsedAt, 200);
        assert.equal(store.markShareUsed('s-unknown', 200, 300), false);
      }),
    );

    api.it(
      'refuses a second link with the same secret',
      withStore((store) => {
        store.insertShare(share('s-1'));
        assert.throws(() => store.insertShare(share('s-2', { secretHash: 'hash-s-1' })));
        assert.equal(store.findShareById('s-2'), null);
      }),
    );

    api.it(
      'runs work atomically and returns its result',
      withStore((store) => {
        const result = store.transaction(() => {
          store.insertShare(share('s-1'));
          return 'done';
        });
        assert.equal(result, 'done');
        assert.notEqual(store.findShareById('s-1'), null);
      }),
    );
  });
}
