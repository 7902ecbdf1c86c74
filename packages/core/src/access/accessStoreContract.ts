import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { AccessStore } from './AccessStore';
import type { Group } from './Group';
import type { PageRestriction } from './PageRestriction';

/**
 * A fresh, empty store for one test; `seed` creates the users, spaces and pages that grants
 * and restrictions refer to (a no-op where nothing is enforced), and `close` releases it.
 */
export interface AccessStoreFixture {
  readonly store: AccessStore;
  readonly seed: {
    user(id: string): void;
    space(id: string): void;
    page(id: string, spaceId: string): void;
  };
  close?(): void | Promise<void>;
}

const group = (id: string, name: string, at = 1): Group => ({
  id,
  name,
  createdAt: at,
  updatedAt: at,
});

const restriction = (pageId: string, fields: Partial<PageRestriction> = {}): PageRestriction => ({
  pageId,
  view: null,
  edit: null,
  updatedBy: 'u-ada',
  updatedAt: 5,
  ...fields,
});

/**
 * The behaviour every `AccessStore` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite imports no test runner.
 */
export function accessStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => AccessStoreFixture | Promise<AccessStoreFixture>,
): void {
  const withStore = (body: (fixture: AccessStoreFixture) => Promise<void> | void) => async () => {
    const fixture = await open();
    try {
      for (const id of ['u-ada', 'u-bob', 'u-cy']) fixture.seed.user(id);
      for (const id of ['s-1', 's-2']) fixture.seed.space(id);
      fixture.seed.page('p-1', 's-1');
      fixture.seed.page('p-2', 's-1');
      await body(fixture);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`AccessStore contract: ${name}`, () => {
    api.it(
      'keeps groups with names unique regardless of case, and renames them',
      withStore(({ store }) => {
        assert.equal(store.insertGroup(group('g-1', 'Finance')), true);
        assert.equal(store.insertGroup(group('g-2', 'finance')), false);
        assert.equal(store.insertGroup(group('g-2', 'Legal')), true);
        assert.deepEqual(
          store.listGroups().map((g) => g.name),
          ['Finance', 'Legal'],
        );
        assert.equal(store.renameGroup('g-2', 'FINANCE', 9), false);
        assert.equal(store.renameGroup('g-2', 'Accounting', 9), true);
        assert.deepEqual(store.findGroupById('g-2'), {
          id: 'g-2',
          name: 'Accounting',
          createdAt: 1,
          updatedAt: 9,
        });
        assert.equal(store.renameGroup('g-1', 'Finance', 10), true, 'its own name is free');
        assert.equal(store.findGroupById('nope'), null);
      }),
    );

    api.it(
      'adds and removes group members, once each',
      withStore(({ store }) => {
        store.insertGroup(group('g-1', 'Finance'));
        store.insertGroup(group('g-2', 'Legal'));
        assert.equal(store.addGroupMember('g-1', 'u-ada'), true);
        assert.equal(store.addGroupMember('g-1', 'u-ada'), false);
        assert.equal(store.addGroupMember('g-1', 'u-bob'), true);
        assert.equal(store.addGroupMember('g-2', 'u-ada'), true);
        assert.deepEqual(store.listGroupMembers('g-1').sort(), ['u-ada', 'u-bob']);
        assert.deepEqual(store.listGroupsOfUser('u-ada').sort(), ['g-1', 'g-2']);
        assert.equal(store.removeGroupMember('g-1', 'u-ada'), true);
        assert.equal(store.removeGroupMember('g-1', 'u-ada'), false);
        assert.deepEqual(store.listGroupsOfUser('u-ada'), ['g-2']);
        assert.deepEqual(store.listGroupsOfUser('u-cy'), []);
      }),
    );

    api.it(
      'sets, replaces, lists and removes space grants for people and groups',
      withStore(({ store }) => {
        store.insertGroup(group('g-1', 'Finance'));
        store.setSpaceGrant({ spaceId: 's-1', kind: 'user', principalId: 'u-ada', role: 'viewer' });
        store.setSpaceGrant({ spaceId: 's-1', kind: 'user', principalId: 'u-ada', role: 'admin' });
        store.setSpaceGrant({ spaceId: 's-1', kind: 'group', principalId: 'g-1', role: 'editor' });
        store.setSpaceGrant({ spaceId: 's-2', kind: 'user', principalId: 'u-bob', role: 'viewer' });
        assert.deepEqual(store.findSpaceGrant('s-1', 'user', 'u-ada'), {
          spaceId: 's-1',
          kind: 'user',
          principalId: 'u-ada',
          role: 'admin',
        });
        assert.equal(store.findSpaceGrant('s-1', 'group', 'u-ada'), null, 'kinds are apart');
        assert.equal(store.listSpaceGrants('s-1').length, 2);
        const ofBob = store.listGrantsOf('u-bob', ['g-1']);
        assert.deepEqual(ofBob.map((g) => `${g.spaceId}:${g.kind}:${g.role}`).sort(), [
          's-1:group:editor',
          's-2:user:viewer',
        ]);
        assert.deepEqual(store.listGrantsOf('u-cy', []), []);
        assert.deepEqual(
          store.listGrantsOfGroup('g-1').map((g) => g.spaceId),
          ['s-1'],
        );
        assert.equal(store.removeSpaceGrant('s-1', 'user', 'u-ada'), true);
        assert.equal(store.removeSpaceGrant('s-1', 'user', 'u-ada'), false);
        assert.equal(store.findSpaceGrant('s-1', 'user', 'u-ada'), null);
      }),
    );

    api.it(
      'stores page restrictions with their lists, and lifts them',
      withStore(({ store }) => {
        const limited = restriction('p-1', {
          view: { users: ['u-ada', 'u-bob'], groups: ['g-1'] },
          edit: { users: ['u-ada'], groups: [] },
        });
        store.insertGroup(group('g-1', 'Finance'));
        store.setPageRestriction(limited);
        const found = store.findPageRestriction('p-1');
        assert.ok(found);
        assert.deepEqual([...(found.view?.users ?? [])].sort(), ['u-ada', 'u-bob']);
        assert.deepEqual(found.view?.groups, ['g-1']);
        assert.deepEqual(found.edit, { users: ['u-ada'], groups: [] });
        assert.equal(found.updatedBy, 'u-ada');
        assert.equal(found.updatedAt, 5);
        store.setPageRestriction(restriction('p-1', { edit: { users: [], groups: [] } }));
        assert.deepEqual(store.findPageRestriction('p-1'), {
          ...restriction('p-1'),
          edit: { users: [], groups: [] },
        });
        store.setPageRestriction(restriction('p-2', { view: { users: ['u-cy'], groups: [] } }));
        assert.deepEqual(
          store
            .listPageRestrictions()
            .map((r) => r.pageId)
            .sort(),
          ['p-1', 'p-2'],
        );
        assert.equal(store.removePageRestriction('p-1'), true);
        assert.equal(store.removePageRestriction('p-1'), false);
        assert.equal(store.findPageRestriction('p-1'), null);
      }),
    );

    api.it(
      'deletes a group with its members, grants and restriction entries',
      withStore(({ store }) => {
        store.insertGroup(group('g-1', 'Finance'));
        store.insertGroup(group('g-2', 'Legal'));
        store.addGroupMember('g-1', 'u-ada');
        store.setSpaceGrant({ spaceId: 's-1', kind: 'group', principalId: 'g-1', role: 'editor' });
        store.setSpaceGrant({ spaceId: 's-1', kind: 'group', principalId: 'g-2', role: 'viewer' });
        store.setPageRestriction(
          restriction('p-1', {
            view: { users: ['u-bob'], groups: ['g-1', 'g-2'] },
            edit: { users: [], groups: ['g-1'] },
          }),
        );
        store.deleteGroup('g-1');
        assert.equal(store.findGroupById('g-1'), null);
        assert.deepEqual(store.listGroupsOfUser('u-ada'), []);
        assert.deepEqual(
          store.listSpaceGrants('s-1').map((g) => g.principalId),
          ['g-2'],
        );
        const left = store.findPageRestriction('p-1');
        assert.deepEqual(left?.view, { users: ['u-bob'], groups: ['g-2'] });
        assert.deepEqual(left?.edit, { users: [], groups: [] }, 'still restricted, to nobody');
        assert.equal(store.insertGroup(group('g-3', 'Finance')), true, 'the name is free again');
      }),
    );

    api.it(
      'runs work in a transaction and returns its result',
      withStore(({ store }) => {
        const result = store.transaction(() => {
          store.insertGroup(group('g-1', 'Finance'));
          return 42;
        });
        assert.equal(result, 42);
        assert.equal(store.findGroupById('g-1')?.name, 'Finance');
      }),
    );
  });
}
