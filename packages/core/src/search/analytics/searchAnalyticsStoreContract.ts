import assert from 'node:assert/strict';
import type { ContractTestApi } from '../../documents/documentStoreContract';
import type { SearchAnalyticsStore } from './SearchAnalyticsStore';

/** A fresh, empty store for one test, and how to release it afterwards. */
export interface SearchAnalyticsStoreFixture {
  readonly store: SearchAnalyticsStore;
  /** How many clicks are stored, whatever search they belong to. */
  storedClicks(): number | Promise<number>;
  close?(): void | Promise<void>;
}

const search = (id: string, at: number, query: string, results: number) => ({
  id,
  at,
  query,
  normalized: query.toLowerCase(),
  results,
});

/** The behaviour every `SearchAnalyticsStore` implementation must share. */
export function searchAnalyticsStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => SearchAnalyticsStoreFixture | Promise<SearchAnalyticsStoreFixture>,
): void {
  api.describe(`Search analytics store contract: ${name}`, () => {
    api.it('groups queries, counts zero results and click-through, and prunes', async () => {
      const { store, storedClicks, close } = await open();
      try {
        store.insertSearch(search('1', 100, 'Laptop', 3));
        store.insertSearch(search('2', 200, 'laptop', 3));
        store.insertSearch(search('3', 300, 'expense policy', 0));
        store.insertSearch(search('4', 400, 'vpn', 1));
        assert.equal(store.recordClick({ searchId: '1', pageId: 'p', position: 0, at: 150 }), true);
        assert.equal(store.recordClick({ searchId: '1', pageId: 'q', position: 1, at: 160 }), true);
        assert.equal(
          store.recordClick({ searchId: 'nope', pageId: 'p', position: 0, at: 1 }),
          false,
        );
        assert.equal(store.updateSearch(search('1', 500, 'laptops', 3)), false);
        assert.equal(store.updateSearch(search('4', 500, 'vpn setup', 2)), true);

        assert.deepEqual(store.topQueries(0, 10), [
          {
            query: 'laptop',
            searches: 2,
            clicks: 2,
            clickThroughRate: 0.5,
            lastSearchedAt: 200,
            results: 3,
          },
          {
            query: 'vpn setup',
            searches: 1,
            clicks: 0,
            clickThroughRate: 0,
            lastSearchedAt: 500,
            results: 2,
          },
          {
            query: 'expense policy',
            searches: 1,
            clicks: 0,
            clickThroughRate: 0,
            lastSearchedAt: 300,
            results: 0,
          },
        ]);
        assert.deepEqual(
          store.topQueries(150, 1).map((stat) => [stat.query, stat.searches]),
          [['vpn setup', 1]],
        );
        assert.deepEqual(
          store.zeroResultQueries(0, 10).map((q) => q.query),
          ['expense policy'],
        );
        assert.deepEqual(store.totals(0), {
          searches: 4,
          searchesWithClicks: 1,
          zeroResultSearches: 1,
          clicks: 2,
        });
        assert.equal(store.totals(250).searches, 2);
        assert.deepEqual(store.totals(10_000), {
          searches: 0,
          searchesWithClicks: 0,
          zeroResultSearches: 0,
          clicks: 0,
        });
        assert.deepEqual(
          store.searches(0).map((s) => [s.query, s.clicks]),
          [
            ['Laptop', 2],
            ['laptop', 0],
            ['expense policy', 0],
            ['vpn setup', 0],
          ],
        );
        assert.equal(store.prune(250), 2);
        assert.equal(await storedClicks(), 0);
      } finally {
        await close?.();
      }
    });
  });
}
