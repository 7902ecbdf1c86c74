import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { Page } from './Page';
import type { PageStore } from './PageStore';

/**
 * A fresh, empty store for one test. `seed` writes the rows pages refer to, and removes a user's
 * row as purging an account would; `isUniqueViolation` tells this implementation's refusal of a
 * duplicate key from any other error; `close` releases the store.
 */
export interface PageStoreFixture {
  readonly store: PageStore;
  readonly seed: {
    user(id: string): void;
    space(id: string): void;
    removeUser(id: string): void;
  };
  isUniqueViolation(error: unknown): boolean;
  close?(): void | Promise<void>;
}

const page = (id: string, fields: Partial<Page> = {}): Page => ({
  id,
  shortId: `short-${id}`,
  spaceId: 's-1',
  parentId: null,
  position: 'V',
  title: `Title ${id}`,
  icon: null,
  createdBy: 'u-ada',
  createdAt: 10,
  updatedBy: 'u-ada',
  updatedAt: 10,
  deletedAt: null,
  deletedBy: null,
  ...fields,
});

const ids = (pages: readonly Page[]) => pages.map((p) => p.id);
const sorted = (values: readonly string[]) => [...values].sort();

/**
 * The behaviour every `PageStore` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite imports no test runner.
 */
export function pageStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => PageStoreFixture | Promise<PageStoreFixture>,
): void {
  const withStore =
    (body: (store: PageStore, fixture: PageStoreFixture) => Promise<void> | void) => async () => {
      const fixture = await open();
      try {
        for (const id of ['u-ada', 'u-bob']) fixture.seed.user(id);
        for (const id of ['s-1', 's-2']) fixture.seed.space(id);
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`PageStore contract: ${name}`, () => {
    api.it(
      'keeps every field of a page and finds it by id and by short id',
      withStore((store) => {
        store.insertPage(page('p-root'));
        const stored = page('p-1', {
          parentId: 'p-root',
          position: 'aZ',
          title: 'Über café',
          icon: '🚀',
          createdBy: 'u-bob',
          createdAt: 1_700_000_000_123,
          updatedBy: 'u-ada',
          updatedAt: 1_700_000_000_456,
          deletedAt: 1_700_000_000_789,
          deletedBy: 'u-bob',
        });
        store.insertPage(stored);
        assert.deepEqual(store.findPageById('p-1'), stored);
        assert.deepEqual(store.findPageByShortId('short-p-1'), stored);
        assert.equal(store.findPageById('p-unknown'), null);
        assert.equal(store.findPageByShortId('short-p-unknown'), null);
        // Short ids are matched exactly, case included.
        assert.equal(store.findPageByShortId('SHORT-P-1'), null);
      }),
    );

    api.it(
      'reads an author whose account row is gone, and an edit by nobody, as ""',
      withStore((store, fixture) => {
        store.insertPage(page('p-1', { createdBy: 'u-bob', updatedBy: 'u-bob' }));
        store.insertPage(page('p-2'));
        fixture.seed.removeUser('u-bob');
        assert.equal(store.findPageById('p-1')?.createdBy, '');
        assert.equal(store.findPageById('p-1')?.updatedBy, '');
        store.updateTitle('p-2', 'Renamed', '', 20);
        assert.deepEqual(store.findPageById('p-2'), {
          ...page('p-2'),
          title: 'Renamed',
          updatedBy: '',
          updatedAt: 20,
        });
      }),
    );

    api.it(
      'refuses a second page with a taken short id or id, and keeps the first',
      withStore((store, fixture) => {
        const first = page('p-1');
        store.insertPage(first);
        const refusal = (attempt: () => void) => {
          try {
            attempt();
          } catch (error) {
            return error;
          }
          assert.fail('the insert was accepted');
        };
        const byShortId = refusal(() =>
          store.insertPage(page('p-2', { shortId: 'short-p-1', title: 'Copy' })),
        );
        assert.equal(fixture.isUniqueViolation(byShortId), true);
        const byId = refusal(() =>
          store.insertPage(page('p-1', { shortId: 'short-other', title: 'Copy' })),
        );
        assert.equal(fixture.isUniqueViolation(byId), true);
        assert.equal(fixture.isUniqueViolation(new Error('something else')), false);
        assert.deepEqual(store.findPageById('p-1'), first);
        assert.equal(store.findPageById('p-2'), null);
        assert.equal(store.findPageByShortId('short-other'), null);
        assert.deepEqual(ids(store.listPagesInSpace('s-1')), ['p-1']);
      }),
    );

    api.it(
      'lists every page of a space, trashed ones included, and no other',
      withStore((store) => {
        store.insertPage(page('p-1'));
        store.insertPage(page('p-2', { parentId: 'p-1', deletedAt: 20, deletedBy: 'u-ada' }));
        store.insertPage(page('p-3', { spaceId: 's-2' }));
        assert.deepEqual(sorted(ids(store.listPagesInSpace('s-1'))), ['p-1', 'p-2']);
        assert.deepEqual(ids(store.listPagesInSpace('s-2')), ['p-3']);
        assert.deepEqual(store.listPagesInSpace('s-unknown'), []);
      }),
    );

    api.it(
      'lists a parent’s live children by position in byte order, then by id',
      withStore((store) => {
        store.insertPage(page('p-root'));
        // Byte order: 'V' < 'a' < 'b', where a locale's order would put 'a' first.
        store.insertPage(page('p-b', { parentId: 'p-root', position: 'b' }));
        store.insertPage(page('p-a2', { parentId: 'p-root', position: 'a' }));
        store.insertPage(page('p-V', { parentId: 'p-root', position: 'V' }));
        store.insertPage(page('p-a1', { parentId: 'p-root', position: 'a' }));
        store.insertPage(page('p-A', { parentId: 'p-root', position: 'a' }));
        store.insertPage(
          page('p-gone', { parentId: 'p-root', position: 'U', deletedAt: 20, deletedBy: 'u-ada' }),
        );
        store.insertPage(page('p-top', { position: 'W' }));
        store.insertPage(page('p-elsewhere', { spaceId: 's-2', position: 'A' }));
        assert.deepEqual(ids(store.listChildren('s-1', 'p-root')), [
          'p-V',
          'p-A',
          'p-a1',
          'p-a2',
          'p-b',
        ]);
        assert.deepEqual(ids(store.listChildren('s-1', null)), ['p-root', 'p-top']);
        assert.deepEqual(ids(store.listChildren('s-2', null)), ['p-elsewhere']);
        assert.deepEqual(store.listChildren('s-1', 'p-V'), []);
        // A parent's children are looked up within the given space only.
        assert.deepEqual(store.listChildren('s-2', 'p-root'), []);
      }),
    );

    api.it(
      'gives the last position among a parent’s live children, in byte order',
      withStore((store) => {
        store.insertPage(page('p-root', { position: 'V' }));
        assert.equal(store.lastChildPosition('s-1', 'p-root'), null);
        store.insertPage(page('p-1', { parentId: 'p-root', position: 'a' }));
        store.insertPage(page('p-2', { parentId: 'p-root', position: 'Z' }));
        store.insertPage(
          page('p-3', { parentId: 'p-root', position: 'b', deletedAt: 20, deletedBy: 'u-ada' }),
        );
        assert.equal(store.lastChildPosition('s-1', 'p-root'), 'a');
        assert.equal(store.lastChildPosition('s-1', null), 'V');
        assert.equal(store.lastChildPosition('s-2', null), null);
        assert.equal(store.lastChildPosition('s-2', 'p-root'), null);
        store.setDeleted('p-1', { at: 30, by: 'u-ada' });
        assert.equal(store.lastChildPosition('s-1', 'p-root'), 'Z');
      }),
    );

    api.it(
      'renames a page, recording who and when',
      withStore((store) => {
        store.insertPage(page('p-1'));
        store.updateTitle('p-1', 'New title', 'u-bob', 20);
        assert.deepEqual(store.findPageById('p-1'), {
          ...page('p-1'),
          title: 'New title',
          updatedBy: 'u-bob',
          updatedAt: 20,
        });
        store.updateTitle('p-unknown', 'Nothing', 'u-bob', 20);
        assert.equal(store.findPageById('p-unknown'), null);
      }),
    );

    api.it(
      'moves a page to the trash and back without touching its update time',
      withStore((store) => {
        store.insertPage(page('p-1'));
        store.setDeleted('p-1', { at: 20, by: 'u-bob' });
        assert.deepEqual(store.findPageById('p-1'), {
          ...page('p-1'),
          deletedAt: 20,
          deletedBy: 'u-bob',
        });
        store.setDeleted('p-1', null);
        assert.deepEqual(store.findPageById('p-1'), page('p-1'));
      }),
    );

    api.it(
      'lists the ids below a page at any depth, trashed ones included',
      withStore((store) => {
        store.insertPage(page('p-root'));
        store.insertPage(page('p-1', { parentId: 'p-root' }));
        store.insertPage(page('p-2', { parentId: 'p-root', deletedAt: 20, deletedBy: 'u-ada' }));
        store.insertPage(page('p-1-1', { parentId: 'p-1' }));
        store.insertPage(page('p-2-1', { parentId: 'p-2' }));
        store.insertPage(page('p-2-1-1', { parentId: 'p-2-1' }));
        // A page placed in another space stays below its parent.
        store.insertPage(page('p-far', { parentId: 'p-2-1-1', spaceId: 's-2' }));
        store.insertPage(page('p-beside'));
        assert.deepEqual(sorted(store.listDescendantIds('p-root')), [
          'p-1',
          'p-1-1',
          'p-2',
          'p-2-1',
          'p-2-1-1',
          'p-far',
        ]);
        assert.deepEqual(sorted(store.listDescendantIds('p-2')), ['p-2-1', 'p-2-1-1', 'p-far']);
        assert.deepEqual(store.listDescendantIds('p-1-1'), []);
        assert.deepEqual(store.listDescendantIds('p-unknown'), []);
      }),
    );

    api.it(
      'places a page under another parent, in another space, and moves its subtree along',
      withStore((store) => {
        store.insertPage(page('p-1'));
        store.insertPage(page('p-1-1', { parentId: 'p-1', position: 'c' }));
        store.insertPage(page('p-1-1-1', { parentId: 'p-1-1', position: 'd' }));
        store.insertPage(page('p-target', { spaceId: 's-2' }));
        store.placePage('p-1', { spaceId: 's-2', parentId: 'p-target', position: 'x' }, 'u-bob', 5);
        assert.deepEqual(store.findPageById('p-1'), {
          ...page('p-1'),
          spaceId: 's-2',
          parentId: 'p-target',
          position: 'x',
          updatedBy: 'u-bob',
          updatedAt: 5,
        });
        store.setSpace(store.listDescendantIds('p-1'), 's-2');
        assert.deepEqual(store.findPageById('p-1-1'), {
          ...page('p-1-1', { parentId: 'p-1', position: 'c' }),
          spaceId: 's-2',
        });
        assert.deepEqual(store.findPageById('p-1-1-1'), {
          ...page('p-1-1-1', { parentId: 'p-1-1', position: 'd' }),
          spaceId: 's-2',
        });
        assert.deepEqual(store.listPagesInSpace('s-1'), []);
        assert.deepEqual(ids(store.listChildren('s-2', 'p-target')), ['p-1']);
        store.placePage('p-1', { spaceId: 's-2', parentId: null, position: 'A' }, 'u-ada', 6);
        assert.deepEqual(ids(store.listChildren('s-2', null)), ['p-1', 'p-target']);
        assert.deepEqual(store.listChildren('s-2', 'p-target'), []);
      }),
    );

    api.it(
      'moves only the pages it is given to another space, and nothing for an empty list',
      withStore((store) => {
        store.insertPage(page('p-1'));
        store.insertPage(page('p-2'));
        store.insertPage(page('p-3'));
        store.setSpace([], 's-2');
        assert.deepEqual(store.listPagesInSpace('s-2'), []);
        store.setSpace(['p-1', 'p-3', 'p-unknown'], 's-2');
        assert.deepEqual(sorted(ids(store.listPagesInSpace('s-2'))), ['p-1', 'p-3']);
        assert.deepEqual(store.findPageById('p-3'), { ...page('p-3'), spaceId: 's-2' });
        assert.deepEqual(ids(store.listPagesInSpace('s-1')), ['p-2']);
      }),
    );

    api.it(
      'sets and clears a page’s icon, recording who and when',
      withStore((store) => {
        store.insertPage(page('p-1'));
        store.setIcon('p-1', '📘', 'u-bob', 20);
        assert.deepEqual(store.findPageById('p-1'), {
          ...page('p-1'),
          icon: '📘',
          updatedBy: 'u-bob',
          updatedAt: 20,
        });
        store.setIcon('p-1', null, 'u-ada', 30);
        assert.deepEqual(store.findPageById('p-1'), { ...page('p-1'), updatedAt: 30 });
      }),
    );

    api.it(
      'finds live pages whose title contains a fragment, ASCII letters ignoring case, newest first',
      withStore((store) => {
        store.insertPage(page('p-old', { title: 'Deploy guide', updatedAt: 10 }));
        store.insertPage(page('p-new', { title: 'How we DEPLOY', updatedAt: 30 }));
        store.insertPage(page('p-tie-b', { title: 'deployment', updatedAt: 20 }));
        store.insertPage(page('p-tie-a', { title: 'Redeploy', updatedAt: 20 }));
        store.insertPage(
          page('p-gone', {
            title: 'Deploy trash',
            updatedAt: 40,
            deletedAt: 40,
            deletedBy: 'u-ada',
          }),
        );
        store.insertPage(page('p-other', { title: 'Onboarding', updatedAt: 50, spaceId: 's-2' }));
        assert.deepEqual(ids(store.findPagesByTitle('deploy', 10)), [
          'p-new',
          'p-tie-a',
          'p-tie-b',
          'p-old',
        ]);
        assert.deepEqual(ids(store.findPagesByTitle('DePlOy', 2)), ['p-new', 'p-tie-a']);
        assert.deepEqual(ids(store.findPagesByTitle('boarding', 10)), ['p-other']);
        assert.deepEqual(store.findPagesByTitle('nowhere', 10), []);
        // An empty fragment is every live page, newest first, up to the limit.
        assert.deepEqual(ids(store.findPagesByTitle('', 3)), ['p-other', 'p-new', 'p-tie-a']);
        assert.deepEqual(ids(store.findPagesByTitle('', 10)), [
          'p-other',
          'p-new',
          'p-tie-a',
          'p-tie-b',
          'p-old',
        ]);
      }),
    );

    api.it(
      'matches letters outside ASCII exactly, as typed',
      withStore((store) => {
        store.insertPage(page('p-1', { title: 'Über uns' }));
        store.insertPage(page('p-2', { title: 'Équipe ÉTÉ' }));
        assert.deepEqual(ids(store.findPagesByTitle('Über', 10)), ['p-1']);
        assert.deepEqual(ids(store.findPagesByTitle('üBER', 10)), []);
        assert.deepEqual(ids(store.findPagesByTitle('ÜBER UNS', 10)), ['p-1']);
        assert.deepEqual(ids(store.findPagesByTitle('été', 10)), []);
        assert.deepEqual(ids(store.findPagesByTitle('Été', 10)), []);
        assert.deepEqual(ids(store.findPagesByTitle('ÉtÉ', 10)), ['p-2']);
      }),
    );

    api.it(
      'takes LIKE wildcards and backslashes in the fragment literally',
      withStore((store) => {
        store.insertPage(page('p-percent', { title: '100% uptime' }));
        store.insertPage(page('p-underscore', { title: 'Guide_book' }));
        store.insertPage(page('p-backslash', { title: 'C:\\docs' }));
        store.insertPage(page('p-plain', { title: 'Guide book 100 uptime' }));
        assert.deepEqual(ids(store.findPagesByTitle('%', 10)), ['p-percent']);
        assert.deepEqual(ids(store.findPagesByTitle('0% u', 10)), ['p-percent']);
        assert.deepEqual(ids(store.findPagesByTitle('_', 10)), ['p-underscore']);
        assert.deepEqual(ids(store.findPagesByTitle('e_b', 10)), ['p-underscore']);
        assert.deepEqual(ids(store.findPagesByTitle('\\', 10)), ['p-backslash']);
        assert.deepEqual(ids(store.findPagesByTitle(':\\D', 10)), ['p-backslash']);
      }),
    );

    api.it(
      'commits a transaction’s work and returns its result',
      withStore((store) => {
        const result = store.transaction(() => {
          store.insertPage(page('p-1'));
          store.updateTitle('p-1', 'Inside', 'u-bob', 20);
          return 'done';
        });
        assert.equal(result, 'done');
        assert.equal(store.findPageById('p-1')?.title, 'Inside');
      }),
    );

    api.it(
      'rolls back all of a transaction’s work when it throws, and a nested one to where it began',
      withStore((store) => {
        store.insertPage(page('p-1'));
        assert.throws(
          () =>
            store.transaction(() => {
              store.insertPage(page('p-2'));
              store.updateTitle('p-1', 'Lost', 'u-bob', 20);
              store.setDeleted('p-1', { at: 20, by: 'u-bob' });
              throw new Error('changed my mind');
            }),
          /changed my mind/,
        );
        assert.deepEqual(store.findPageById('p-1'), page('p-1'));
        assert.equal(store.findPageById('p-2'), null);

        store.transaction(() => {
          store.updateTitle('p-1', 'Kept', 'u-bob', 30);
          assert.throws(
            () =>
              store.transaction(() => {
                store.insertPage(page('p-3'));
                throw new Error('inner');
              }),
            /inner/,
          );
          store.insertPage(page('p-4'));
        });
        assert.equal(store.findPageById('p-1')?.title, 'Kept');
        assert.equal(store.findPageById('p-3'), null);
        assert.notEqual(store.findPageById('p-4'), null);
      }),
    );

    api.it(
      'rolls back a transaction whose insert is refused',
      withStore((store, fixture) => {
        store.insertPage(page('p-1'));
        let refused: unknown = null;
        try {
          store.transaction(() => {
            store.insertPage(page('p-2'));
            store.insertPage(page('p-3', { shortId: 'short-p-1' }));
          });
        } catch (error) {
          refused = error;
        }
        assert.equal(fixture.isUniqueViolation(refused), true);
        assert.equal(store.findPageById('p-2'), null);
        store.insertPage(page('p-2'));
        assert.deepEqual(sorted(ids(store.listPagesInSpace('s-1'))), ['p-1', 'p-2']);
      }),
    );
  });
}
