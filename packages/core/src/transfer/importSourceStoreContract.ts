import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { ImportSourceStore } from './ImportSourceStore';

/**
 * A fresh, empty store for one test. `seed` writes spaces and pages (in the given space) and
 * removes a page's or a space's row as purging it would; `close` releases the store.
 */
export interface ImportSourceStoreFixture {
  readonly store: ImportSourceStore;
  readonly seed: {
    space(id: string): void;
    page(id: string, spaceId: string): void;
    removePage(id: string): void;
    removeSpace(id: string): void;
  };
  close?(): void | Promise<void>;
}

/**
 * The behaviour every `ImportSourceStore` implementation must share. Each implementation's test
 * file calls this once with its own factory; the suite imports no test runner.
 */
export function importSourceStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => ImportSourceStoreFixture | Promise<ImportSourceStoreFixture>,
): void {
  const withStore =
    (body: (store: ImportSourceStore, fixture: ImportSourceStoreFixture) => Promise<void> | void) =>
    async () => {
      const fixture = await open();
      try {
        for (const id of ['s-1', 's-2']) fixture.seed.space(id);
        for (const id of ['p-1', 'p-2', 'p-3']) fixture.seed.page(id, 's-1');
        fixture.seed.page('p-4', 's-2');
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`ImportSourceStore contract: ${name}`, () => {
    api.it(
      'remembers source paths per space and import root, the space root apart from any page',
      withStore((store) => {
        store.record(
          's-1',
          null,
          [
            { sourcePath: 'a.md', pageId: 'p-1' },
            { sourcePath: 'b/', pageId: 'p-2' },
          ],
          1,
        );
        store.record('s-1', 'p-1', [{ sourcePath: 'a.md', pageId: 'p-2' }], 1);
        store.record('s-2', null, [{ sourcePath: 'a.md', pageId: 'p-4' }], 1);
        assert.deepEqual(
          store.pagesBySource('s-1', null),
          new Map([
            ['a.md', 'p-1'],
            ['b/', 'p-2'],
          ]),
        );
        assert.deepEqual(store.pagesBySource('s-1', 'p-1'), new Map([['a.md', 'p-2']]));
        assert.deepEqual(store.pagesBySource('s-2', null), new Map([['a.md', 'p-4']]));
        assert.deepEqual(store.pagesBySource('s-1', 'p-2'), new Map());
        assert.deepEqual(store.pagesBySource('s-unknown', null), new Map());
        // Paths are matched exactly, case included.
        store.record('s-1', null, [{ sourcePath: 'A.md', pageId: 'p-3' }], 1);
        assert.equal(store.pagesBySource('s-1', null).get('a.md'), 'p-1');
        assert.equal(store.pagesBySource('s-1', null).get('A.md'), 'p-3');
      }),
    );

    api.it(
      'replaces a path’s page, the last entry winning when one call names a path twice',
      withStore((store) => {
        store.record('s-1', null, [{ sourcePath: 'a.md', pageId: 'p-1' }], 1);
        store.record('s-1', null, [{ sourcePath: 'a.md', pageId: 'p-2' }], 2);
        assert.deepEqual(store.pagesBySource('s-1', null), new Map([['a.md', 'p-2']]));
        store.record(
          's-1',
          null,
          [
            { sourcePath: 'b.md', pageId: 'p-1' },
            { sourcePath: 'a.md', pageId: 'p-3' },
            { sourcePath: 'b.md', pageId: 'p-2' },
          ],
          3,
        );
        assert.deepEqual(
          store.pagesBySource('s-1', null),
          new Map([
            ['a.md', 'p-3'],
            ['b.md', 'p-2'],
          ]),
        );
        store.record('s-1', null, [], 4);
        assert.equal(store.pagesBySource('s-1', null).size, 2);
      }),
    );

    api.it(
      'records all entries or none',
      withStore((store) => {
        store.record('s-1', null, [{ sourcePath: 'a.md', pageId: 'p-1' }], 1);
        assert.throws(() =>
          store.record(
            's-1',
            null,
            [
              { sourcePath: 'a.md', pageId: 'p-2' },
              { sourcePath: 'b.md', pageId: 'p-unknown' },
            ],
            2,
          ),
        );
        assert.deepEqual(store.pagesBySource('s-1', null), new Map([['a.md', 'p-1']]));
      }),
    );

    api.it(
      'forgets the given paths of one import root only',
      withStore((store) => {
        const entries = [
          { sourcePath: 'a.md', pageId: 'p-1' },
          { sourcePath: 'b/', pageId: 'p-2' },
          { sourcePath: 'c.md', pageId: 'p-3' },
        ];
        store.record('s-1', null, entries, 1);
        store.record('s-1', 'p-1', entries, 1);
        store.forget('s-1', null, ['b/', 'c.md', 'never.md']);
        store.forget('s-1', null, []);
        assert.deepEqual(store.pagesBySource('s-1', null), new Map([['a.md', 'p-1']]));
        assert.equal(store.pagesBySource('s-1', 'p-1').size, 3);
        store.forget('s-2', 'p-1', ['a.md']);
        assert.equal(store.pagesBySource('s-1', 'p-1').size, 3);
      }),
    );

    api.it(
      'drops mappings with their page, and with their space',
      withStore((store, fixture) => {
        store.record(
          's-1',
          null,
          [
            { sourcePath: 'a.md', pageId: 'p-1' },
            { sourcePath: 'b.md', pageId: 'p-2' },
          ],
          1,
        );
        store.record('s-2', null, [{ sourcePath: 'a.md', pageId: 'p-4' }], 1);
        fixture.seed.removePage('p-1');
        assert.deepEqual(store.pagesBySource('s-1', null), new Map([['b.md', 'p-2']]));
        fixture.seed.removeSpace('s-2');
        assert.equal(store.pagesBySource('s-2', null).size, 0);
        assert.equal(store.pagesBySource('s-1', null).size, 1);
      }),
    );
  });
}
