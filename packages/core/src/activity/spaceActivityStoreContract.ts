import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { NewSpaceActivity } from './SpaceActivity';
import type { SpaceActivityStore } from './SpaceActivityStore';

/**
 * A fresh, empty store for one test; `seed` creates the users, spaces and pages rows refer to
 * (a no-op where nothing is enforced), and `close` releases it.
 */
export interface SpaceActivityStoreFixture {
  readonly store: SpaceActivityStore;
  readonly seed: {
    users(ids: readonly string[]): void;
    space(id: string): void;
    page(id: string, spaceId: string): void;
  };
  close?(): void | Promise<void>;
}

const row = (overrides: Partial<NewSpaceActivity>): NewSpaceActivity => ({
  spaceId: 's-1',
  pageId: 'p-1',
  actorId: 'u-ada',
  kind: 'created',
  at: 100,
  dedupeKey: 'event:1',
  ...overrides,
});

/**
 * The behaviour every `SpaceActivityStore` implementation must share. Each implementation's test
 * file calls this once with its own factory; the suite imports no test runner.
 */
export function spaceActivityStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => SpaceActivityStoreFixture | Promise<SpaceActivityStoreFixture>,
): void {
  const withStore = (body: (store: SpaceActivityStore) => Promise<void> | void) => async () => {
    const fixture = await open();
    try {
      fixture.seed.users(['u-ada', 'u-bob']);
      fixture.seed.space('s-1');
      fixture.seed.space('s-2');
      fixture.seed.page('p-1', 's-1');
      fixture.seed.page('p-2', 's-1');
      fixture.seed.page('p-3', 's-2');
      await body(fixture.store);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`SpaceActivityStore contract: ${name}`, () => {
    api.it(
      "lists a space's rows newest first, one page at a time",
      withStore((store) => {
        store.record(row({ dedupeKey: 'event:1', at: 100 }));
        store.record(row({ dedupeKey: 'event:2', at: 200, kind: 'renamed', actorId: null }));
        store.record(row({ dedupeKey: 'event:3', at: 200, pageId: 'p-2', actorId: 'u-bob' }));
        store.record(row({ dedupeKey: 'event:4', at: 300, pageId: 'p-3', spaceId: 's-2' }));
        const all = store.list('s-1', null, 10);
        assert.deepEqual(
          all.map((r) => [r.pageId, r.kind, r.actorId, r.at]),
          [
            ['p-2', 'created', 'u-bob', 200],
            ['p-1', 'renamed', null, 200],
            ['p-1', 'created', 'u-ada', 100],
          ],
        );
        assert.ok(all.every((r) => r.spaceId === 's-1' && Number.isInteger(r.id)));
        const first = store.list('s-1', null, 1);
        assert.deepEqual(first, all.slice(0, 1));
        const last = first.at(-1);
        assert.ok(last);
        assert.deepEqual(store.list('s-1', { at: last.at, id: last.id }, 1), all.slice(1, 2));
        const second = all[1];
        assert.ok(second);
        assert.deepEqual(store.list('s-1', { at: second.at, id: second.id }, 5), all.slice(2));
        assert.deepEqual(store.list('s-1', { at: 100, id: 0 }, 5), []);
        assert.deepEqual(
          store.list('s-2', null, 5).map((r) => r.pageId),
          ['p-3'],
        );
      }),
    );

    api.it(
      'records a key once, moving its time on when it comes again later',
      withStore((store) => {
        const edit = row({ kind: 'edited', dedupeKey: 'edit:p-1:u-ada:0', at: 1_000 });
        store.record(edit);
        store.record(edit);
        store.record({ ...edit, at: 2_000 });
        store.record({ ...edit, at: 1_500 });
        const rows = store.list('s-1', null, 10);
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.at, 2_000);
        assert.equal(rows[0]?.kind, 'edited');
      }),
    );
  });
}
