import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { PageSeeder } from './indexing/searchOutboxContract';
import type { SearchPageFacts } from './SearchPageFacts';

/** A fresh store (with space `s1` and no pages) for one test, and how to release it. */
export interface SearchPageFactsFixture {
  readonly facts: SearchPageFacts;
  readonly pages: PageSeeder;
  close?(): void | Promise<void>;
}

/** The behaviour every `SearchPageFacts` implementation must share. */
export function searchPageFactsContract(
  api: ContractTestApi,
  name: string,
  open: () => SearchPageFactsFixture | Promise<SearchPageFactsFixture>,
): void {
  api.describe(`Search page facts contract: ${name}`, () => {
    api.it('tracks authors, views, lineage and which pages are searchable', async () => {
      const { facts, pages, close } = await open();
      try {
        await pages.insertPage('root');
        await pages.insertPage('child', 'root');
        await pages.insertPage('other');
        await pages.renamePage('child', 'Child');
        facts.addAuthor('child', 'u1');
        facts.addAuthor('child', 'u2');
        facts.addAuthor('child', 'u2');
        assert.deepEqual(facts.authors('child'), ['u1', 'u2']);
        assert.equal(facts.views('child'), 0);
        facts.addView('child');
        facts.addView('child');
        assert.equal(facts.views('child'), 2);
        assert.deepEqual(
          facts.lineage('child').map((page) => [page.id, page.title, page.deletedAt]),
          [
            ['child', 'Child', null],
            ['root', 'Title root', null],
          ],
        );
        assert.deepEqual(facts.lineage('nope'), []);
        assert.deepEqual(facts.searchablePageIds().sort(), ['child', 'other', 'root']);
        await pages.trashPage('root');
        assert.deepEqual(facts.searchablePageIds(), ['other']);
        assert.notEqual(facts.lineage('child')[1]?.deletedAt, null);
      } finally {
        await close?.();
      }
    });
  });
}
