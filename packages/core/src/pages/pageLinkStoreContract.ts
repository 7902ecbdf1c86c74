import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { PageLink } from './PageLink';
import type { PageLinkStore } from './PageLinkStore';

/** A page row the links index may refer to. */
export interface SeededPage {
  readonly id: string;
  readonly spaceId: string;
  readonly title: string;
  readonly trashed?: boolean;
}

/**
 * A fresh, empty store for one test. `seed` writes spaces and pages (with the short id
 * `short-<id>`) and removes a page's row as purging it would; `close` releases the store.
 */
export interface PageLinkStoreFixture {
  readonly store: PageLinkStore;
  readonly seed: {
    space(id: string): void;
    page(page: SeededPage): void;
    removePage(id: string): void;
  };
  close?(): void | Promise<void>;
}

const link = (
  sourcePageId: string,
  target: string,
  text: string,
  anchor: string | null = null,
): PageLink => ({
  sourcePageId,
  targetShortId: `short-${target}`,
  anchor,
  href: `/s/short-${target}${anchor === null ? '' : `#${anchor}`}`,
  text,
});

const texts = (links: readonly PageLink[]) => links.map((l) => l.text);

/**
 * The behaviour every `PageLinkStore` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite imports no test runner.
 */
export function pageLinkStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => PageLinkStoreFixture | Promise<PageLinkStoreFixture>,
): void {
  const withStore =
    (body: (store: PageLinkStore, fixture: PageLinkStoreFixture) => Promise<void> | void) =>
    async () => {
      const fixture = await open();
      try {
        for (const id of ['s-1', 's-2']) fixture.seed.space(id);
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`PageLinkStore contract: ${name}`, () => {
    api.it(
      'keeps every field of a link and finds links to a short id, by source then document order',
      withStore((store, fixture) => {
        for (const id of ['p-b', 'p-a', 'p-target']) {
          fixture.seed.page({ id, spaceId: id === 'p-a' ? 's-2' : 's-1', title: id });
        }
        const fromB = [
          link('p-b', 'p-target', 'first'),
          link('p-b', 'p-other', 'elsewhere'),
          link('p-b', 'p-target', 'second', 'setup'),
          link('p-b', 'p-target', ''),
        ];
        store.replaceLinks('p-b', fromB);
        store.replaceLinks('p-a', [link('p-a', 'p-target', 'from a')]);
        assert.deepEqual(store.listLinksTo('short-p-target'), [
          link('p-a', 'p-target', 'from a'),
          fromB[0],
          fromB[2],
          fromB[3],
        ]);
        assert.deepEqual(store.listLinksTo('short-p-other'), [fromB[1]]);
        assert.deepEqual(store.listLinksTo('short-p-nobody'), []);
        // Short ids are matched exactly, case included.
        assert.deepEqual(store.listLinksTo('SHORT-P-OTHER'), []);
      }),
    );

    api.it(
      'replaces every link of a page, and forgets them all for an empty list',
      withStore((store, fixture) => {
        fixture.seed.page({ id: 'p-1', spaceId: 's-1', title: 'One' });
        fixture.seed.page({ id: 'p-2', spaceId: 's-1', title: 'Two' });
        store.replaceLinks('p-1', [link('p-1', 'x', 'a'), link('p-1', 'x', 'b')]);
        store.replaceLinks('p-2', [link('p-2', 'x', 'kept')]);
        store.replaceLinks('p-1', [link('p-1', 'x', 'only')]);
        assert.deepEqual(texts(store.listLinksTo('short-x')), ['only', 'kept']);
        store.replaceLinks('p-1', []);
        assert.deepEqual(texts(store.listLinksTo('short-x')), ['kept']);
        store.replaceLinks('p-1', [link('p-1', 'x', 'again'), link('p-1', 'y', 'y')]);
        assert.deepEqual(texts(store.listLinksTo('short-x')), ['again', 'kept']);
      }),
    );

    api.it(
      'lists the links written in a space by page title (ASCII letters ignoring case), page id, then document order',
      withStore((store, fixture) => {
        const pages = [
          { id: 'p-4', spaceId: 's-1', title: 'Éclair' },
          { id: 'p-0', spaceId: 's-1', title: 'éclair' },
          { id: 'p-3', spaceId: 's-1', title: 'beta', trashed: true },
          { id: 'p-2', spaceId: 's-1', title: 'Alpha' },
          { id: 'p-1', spaceId: 's-1', title: 'alpha' },
          { id: 'p-5', spaceId: 's-1', title: 'Zulu' },
          { id: 'p-6', spaceId: 's-1', title: '_draft' },
          { id: 'p-7', spaceId: 's-2', title: 'Aardvark' },
        ];
        for (const page of pages) fixture.seed.page(page);
        for (const page of pages) {
          store.replaceLinks(page.id, [
            link(page.id, 't', `${page.id} first`),
            link(page.id, 'u', `${page.id} second`),
          ]);
        }
        assert.deepEqual(texts(store.listLinksFromSpace('s-1')), [
          'p-6 first',
          'p-6 second',
          'p-1 first',
          'p-1 second',
          'p-2 first',
          'p-2 second',
          'p-3 first',
          'p-3 second',
          'p-5 first',
          'p-5 second',
          // Letters outside ASCII are not folded: 'Éclair' and 'éclair' differ, by their bytes.
          'p-4 first',
          'p-4 second',
          'p-0 first',
          'p-0 second',
        ]);
        assert.deepEqual(texts(store.listLinksFromSpace('s-2')), ['p-7 first', 'p-7 second']);
        assert.deepEqual(store.listLinksFromSpace('s-unknown'), []);
      }),
    );

    api.it(
      'drops a page’s links with its row, and refuses links from a page that does not exist',
      withStore((store, fixture) => {
        fixture.seed.page({ id: 'p-1', spaceId: 's-1', title: 'One' });
        fixture.seed.page({ id: 'p-2', spaceId: 's-1', title: 'Two' });
        store.replaceLinks('p-1', [link('p-1', 'x', 'from one')]);
        store.replaceLinks('p-2', [link('p-2', 'x', 'from two')]);
        fixture.seed.removePage('p-1');
        assert.deepEqual(texts(store.listLinksTo('short-x')), ['from two']);
        assert.deepEqual(texts(store.listLinksFromSpace('s-1')), ['from two']);
        assert.throws(() => store.replaceLinks('p-unknown', [link('p-unknown', 'x', 'ghost')]));
        assert.deepEqual(texts(store.listLinksTo('short-x')), ['from two']);
      }),
    );
  });
}
