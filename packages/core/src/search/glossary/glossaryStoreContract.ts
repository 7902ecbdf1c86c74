import assert from 'node:assert/strict';
import type { ContractTestApi } from '../../documents/documentStoreContract';
import type { GlossaryEntry } from './GlossaryEntry';
import type { GlossaryStore } from './GlossaryStore';

/** A fresh, empty store for one test, and how to release it afterwards. */
export interface GlossaryStoreFixture {
  readonly store: GlossaryStore;
  close?(): void | Promise<void>;
}

const entry = (id: string, term: string): GlossaryEntry => ({
  id,
  term,
  meaning: `${term} means something`,
  expansions: ['paid time off'],
  createdBy: null,
  createdAt: 1,
  updatedBy: null,
  updatedAt: 1,
});

/** The behaviour every `GlossaryStore` implementation must share. */
export function glossaryStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => GlossaryStoreFixture | Promise<GlossaryStoreFixture>,
): void {
  const withStore = (body: (store: GlossaryStore) => void) => async () => {
    const fixture = await open();
    try {
      body(fixture.store);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`Glossary store contract: ${name}`, () => {
    api.it(
      'stores entries, refuses duplicate terms and bumps the version on each change',
      withStore((store) => {
        assert.equal(store.version(), 0);
        assert.equal(store.insert(entry('a', 'PTO'), 'pto'), true);
        assert.equal(store.insert(entry('b', 'pto'), 'pto'), false);
        assert.equal(store.insert(entry('c', 'OKR'), 'okr'), true);
        assert.equal(store.version(), 2);
        assert.deepEqual(
          store.list().map((e) => e.term),
          ['OKR', 'PTO'],
        );
        assert.deepEqual(store.findById('a')?.expansions, ['paid time off']);
        assert.equal(store.update({ ...entry('c', 'PTO') }, 'pto'), false);
        assert.equal(store.update({ ...entry('c', 'OKRs'), meaning: 'Goals' }, 'okrs'), true);
        assert.equal(store.findById('c')?.meaning, 'Goals');
        assert.equal(store.update(entry('zz', 'None'), 'none'), false);
        assert.equal(store.remove('a'), true);
        assert.equal(store.remove('a'), false);
        assert.equal(store.version(), 4);
        assert.equal(store.findById('a'), null);
      }),
    );

    api.it(
      'orders terms ignoring ASCII case, then by their exact spelling',
      withStore((store) => {
        store.insert(entry('1', 'beta'), 'beta');
        store.insert(entry('2', 'Alpha'), 'alpha');
        store.insert(entry('3', 'BETA'), 'beta-upper');
        store.insert(entry('4', 'alpha2'), 'alpha2');
        assert.deepEqual(
          store.list().map((e) => e.term),
          ['Alpha', 'alpha2', 'BETA', 'beta'],
        );
      }),
    );
  });
}
