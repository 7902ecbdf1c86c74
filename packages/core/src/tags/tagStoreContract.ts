import assert from 'node:assert/strict';
import type { ReadScope } from '../access/ReadScope';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { SeededPage } from '../pages/pageLinkStoreContract';
import type { TagStore } from './TagStore';

/**
 * A fresh, empty store for one test. `seed` writes spaces and pages and removes a page's row as
 * purging it would; `close` releases the store.
 */
export interface TagStoreFixture {
  readonly store: TagStore;
  readonly seed: {
    space(id: string): void;
    page(page: SeededPage): void;
    removePage(id: string): void;
  };
  close?(): void | Promise<void>;
}

const everything: ReadScope = { readableSpaceIds: ['s-1', 's-2'], hiddenPageIds: [] };

/**
 * The behaviour every `TagStore` implementation must share. Tags reach the store normalized
 * (`normalizeTags`); the store compares them by `tagKey`. Each implementation's test file calls
 * this once with its own factory; the suite imports no test runner.
 */
export function tagStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => TagStoreFixture | Promise<TagStoreFixture>,
): void {
  const withStore =
    (body: (store: TagStore, fixture: TagStoreFixture) => Promise<void> | void) => async () => {
      const fixture = await open();
      try {
        for (const id of ['s-1', 's-2']) fixture.seed.space(id);
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  /** Tags p-1…p-5 in s-1 so that keys tie and spellings differ in case. */
  const tagFive = (store: TagStore, fixture: TagStoreFixture) => {
    for (const id of ['p-1', 'p-2', 'p-3', 'p-4', 'p-5']) {
      fixture.seed.page({ id, spaceId: 's-1', title: id });
    }
    store.setTags('p-1', ['Onboarding', 'hr']);
    store.setTags('p-2', ['onboarding', 'Holidays']);
    store.setTags('p-3', ['HR', 'Hiring']);
    store.setTags('p-4', ['Zoo', 'été']);
    store.setTags('p-5', ['ÉTÉ']);
  };

  api.describe(`TagStore contract: ${name}`, () => {
    api.it(
      'keeps a page’s tags in the order given, replaces them, and clears them',
      withStore((store, fixture) => {
        fixture.seed.page({ id: 'p-1', spaceId: 's-1', title: 'One' });
        fixture.seed.page({ id: 'p-2', spaceId: 's-1', title: 'Two' });
        assert.deepEqual(store.tagsOf('p-1'), []);
        store.setTags('p-1', ['Zebra', 'apple', 'Été', 'Mango']);
        store.setTags('p-2', ['Kept']);
        assert.deepEqual(store.tagsOf('p-1'), ['Zebra', 'apple', 'Été', 'Mango']);
        store.setTags('p-1', ['mango', 'Zebra']);
        assert.deepEqual(store.tagsOf('p-1'), ['mango', 'Zebra']);
        store.setTags('p-1', []);
        assert.deepEqual(store.tagsOf('p-1'), []);
        assert.deepEqual(store.tagsOf('p-2'), ['Kept']);
        assert.deepEqual(store.tagsOf('p-unknown'), []);
      }),
    );

    api.it(
      'counts pages per tag ignoring case, most used first, then by lowercase form in byte order',
      withStore((store, fixture) => {
        tagFive(store, fixture);
        // Among spellings of one tag the first in byte order is shown ('HR' before 'hr').
        assert.deepEqual(store.listTags('', 10, everything), [
          { tag: 'HR', pages: 2 },
          { tag: 'Onboarding', pages: 2 },
          { tag: 'ÉTÉ', pages: 2 },
          { tag: 'Hiring', pages: 1 },
          { tag: 'Holidays', pages: 1 },
          { tag: 'Zoo', pages: 1 },
        ]);
        assert.deepEqual(store.listTags('', 2, everything), [
          { tag: 'HR', pages: 2 },
          { tag: 'Onboarding', pages: 2 },
        ]);
      }),
    );

    api.it(
      'lists tags whose lowercase form starts with the prefix',
      withStore((store, fixture) => {
        tagFive(store, fixture);
        const tags = (prefix: string) => store.listTags(prefix, 10, everything).map((t) => t.tag);
        assert.deepEqual(tags('h'), ['HR', 'Hiring', 'Holidays']);
        assert.deepEqual(tags('ho'), ['Holidays']);
        assert.deepEqual(tags('holidays'), ['Holidays']);
        assert.deepEqual(tags('holidays!'), []);
        assert.deepEqual(tags('ét'), ['ÉTÉ']);
        // Prefixes arrive in lowercase form; matching is not a contains.
        assert.deepEqual(tags('H'), []);
        assert.deepEqual(tags('iring'), []);
        // Wildcards of LIKE are plain characters.
        assert.deepEqual(tags('%'), []);
        assert.deepEqual(tags('_'), []);
      }),
    );

    api.it(
      'counts only live pages inside the reader’s scope',
      withStore((store, fixture) => {
        fixture.seed.page({ id: 'p-1', spaceId: 's-1', title: 'One' });
        fixture.seed.page({ id: 'p-2', spaceId: 's-1', title: 'Two' });
        fixture.seed.page({ id: 'p-3', spaceId: 's-2', title: 'Three' });
        fixture.seed.page({ id: 'p-4', spaceId: 's-1', title: 'Four', trashed: true });
        store.setTags('p-1', ['Payroll', 'Launch']);
        store.setTags('p-2', ['Payroll']);
        store.setTags('p-3', ['Payroll', 'Ops']);
        store.setTags('p-4', ['Payroll', 'Gone']);
        assert.deepEqual(store.listTags('', 10, everything), [
          { tag: 'Payroll', pages: 3 },
          { tag: 'Launch', pages: 1 },
          { tag: 'Ops', pages: 1 },
        ]);
        assert.deepEqual(store.listTags('', 10, { readableSpaceIds: ['s-1'], hiddenPageIds: [] }), [
          { tag: 'Payroll', pages: 2 },
          { tag: 'Launch', pages: 1 },
        ]);
        assert.deepEqual(
          store.listTags('', 10, { readableSpaceIds: ['s-1', 's-2'], hiddenPageIds: ['p-1'] }),
          [
            { tag: 'Payroll', pages: 2 },
            { tag: 'Ops', pages: 1 },
          ],
        );
        assert.deepEqual(store.listTags('', 10, { readableSpaceIds: [], hiddenPageIds: [] }), []);
      }),
    );

    api.it(
      'drops a page’s tags with its row',
      withStore((store, fixture) => {
        fixture.seed.page({ id: 'p-1', spaceId: 's-1', title: 'One' });
        fixture.seed.page({ id: 'p-2', spaceId: 's-1', title: 'Two' });
        store.setTags('p-1', ['Payroll']);
        store.setTags('p-2', ['Payroll']);
        fixture.seed.removePage('p-1');
        assert.deepEqual(store.tagsOf('p-1'), []);
        assert.deepEqual(store.listTags('', 10, everything), [{ tag: 'Payroll', pages: 1 }]);
      }),
    );
  });
}
