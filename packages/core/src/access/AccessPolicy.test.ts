import { describe, expect, it } from 'vitest';
import type { User } from '../accounts/User';
import { NotFoundError, PermissionDeniedError } from '../DomainError';
import type { Page } from '../pages/Page';
import type { Actor } from './AccessPolicy';
import { MemoryAccessStore } from './MemoryAccessStore';
import type { PageAccess } from './PageAccess';
import { pageLookups, testAccessPolicy, testSpace } from './testAccessPolicy';

const user = (id: string, role: User['role']): User => ({
  id,
  email: `${id}@example.com`,
  displayName: id,
  color: '#123456',
  role,
  createdAt: 0,
});

const people = {
  wsAdmin: user('ws-admin', 'admin'),
  spaceAdmin: user('space-admin', 'member'),
  editor: user('editor', 'member'),
  commenter: user('commenter', 'member'),
  viewer: user('viewer', 'member'),
  outsider: user('outsider', 'member'),
  financeMember: user('finance-member', 'member'),
  guest: user('guest', 'guest'),
  invitedGuest: user('invited-guest', 'guest'),
  adminGuest: user('admin-guest', 'guest'),
  anonymous: null as Actor,
};
type Who = keyof typeof people;

const page = (id: string, spaceId: string, fields: Partial<Page> = {}): Page => ({
  id,
  shortId: `s-${id}`,
  spaceId,
  parentId: null,
  position: 'V',
  title: id,
  icon: null,
  createdBy: 'editor',
  createdAt: 0,
  updatedBy: 'editor',
  updatedAt: 0,
  deletedAt: null,
  deletedBy: null,
  ...fields,
});

/**
 * Two spaces: `open` (members edit by default; the viewer holds `viewer` explicitly, which does
 * not lower the default) and `private` (members only, roles granted one by one and to the
 * finance group). In the private space `secret` is restricted to the editor and the finance
 * group for reading, `locked` to the editor for editing; `binned` is in the trash.
 */
function world() {
  const pages = new Map<string, Page>(
    [
      page('open-page', 'open'),
      page('open-locked', 'open'),
      page('plain', 'private'),
      page('secret', 'private'),
      page('secret-child', 'private', { parentId: 'secret' }),
      page('secret-grandchild', 'private', { parentId: 'secret-child' }),
      page('locked', 'private'),
      page('locked-child', 'private', { parentId: 'locked' }),
      page('binned', 'private', { deletedAt: 5, deletedBy: 'editor' }),
      page('binned-child', 'private', { parentId: 'binned' }),
    ].map((p) => [p.id, p]),
  );
  const store = new MemoryAccessStore();
  const { policy } = testAccessPolicy({
    pages: pageLookups(pages),
    store,
    spaces: [
      testSpace({ id: 'open', visibility: 'open', defaultRole: 'editor' }),
      testSpace({ id: 'private', visibility: 'private' }),
    ],
  });
  const grant = (
    who: Who,
    role: 'admin' | 'editor' | 'commenter' | 'viewer',
    spaceId = 'private',
  ) =>
    store.setSpaceGrant({
      spaceId,
      kind: 'user',
      principalId: (people[who] as User).id,
      role,
    });
  grant('spaceAdmin', 'admin');
  grant('editor', 'editor');
  grant('commenter', 'commenter');
  grant('viewer', 'viewer');
  grant('viewer', 'viewer', 'open');
  grant('invitedGuest', 'viewer');
  grant('adminGuest', 'admin');
  store.insertGroup({ id: 'finance', name: 'Finance', createdAt: 0, updatedAt: 0 });
  store.addGroupMember('finance', people.financeMember?.id ?? '');
  store.setSpaceGrant({
    spaceId: 'private',
    kind: 'group',
    principalId: 'finance',
    role: 'commenter',
  });
  store.setPageRestriction({
    pageId: 'secret',
    view: { users: ['editor'], groups: ['finance'] },
    edit: null,
    updatedBy: 'space-admin',
    updatedAt: 1,
  });
  store.setPageRestriction({
    pageId: 'locked',
    view: null,
    edit: { users: ['editor'], groups: [] },
    updatedBy: 'space-admin',
    updatedAt: 1,
  });
  store.setPageRestriction({
    pageId: 'open-locked',
    view: null,
    edit: { users: ['space-admin'], groups: [] },
    updatedBy: 'ws-admin',
    updatedAt: 1,
  });
  return { policy, store, pages };
}

const columns = [
  'open-page',
  'open-locked',
  'plain',
  'secret',
  'secret-grandchild',
  'locked-child',
  'binned',
  'binned-child',
] as const;

/** Expected access, one row per person, in the order of `columns`. */
const expected: Record<Who, readonly PageAccess[]> = {
  //            open-page open-locked plain    secret   secret-gc locked-ch binned  binned-ch
  wsAdmin: ['admin', 'admin', 'admin', 'admin', 'admin', 'admin', 'admin', 'admin'],
  spaceAdmin: ['edit', 'edit', 'admin', 'admin', 'admin', 'admin', 'admin', 'admin'],
  editor: ['edit', 'comment', 'edit', 'edit', 'edit', 'edit', 'edit', 'edit'],
  commenter: ['edit', 'comment', 'comment', 'none', 'none', 'comment', 'none', 'none'],
  viewer: ['edit', 'comment', 'read', 'none', 'none', 'read', 'none', 'none'],
  outsider: ['edit', 'comment', 'none', 'none', 'none', 'none', 'none', 'none'],
  financeMember: ['edit', 'comment', 'comment', 'comment', 'comment', 'comment', 'none', 'none'],
  guest: ['none', 'none', 'none', 'none', 'none', 'none', 'none', 'none'],
  invitedGuest: ['none', 'none', 'read', 'none', 'none', 'read', 'none', 'none'],
  // A guest granted admin holds editor at most.
  adminGuest: ['none', 'none', 'edit', 'none', 'none', 'comment', 'edit', 'edit'],
  anonymous: ['none', 'none', 'none', 'none', 'none', 'none', 'none', 'none'],
};

describe('AccessPolicy', () => {
  const { policy } = world();

  it.each(Object.entries(expected) as [Who, readonly PageAccess[]][])(
    'gives %s the expected access to each page',
    (who, row) => {
      const actual = columns.map((pageId) => policy.pageAccess(people[who], pageId));
      expect(Object.fromEntries(columns.map((c, i) => [c, actual[i]]))).toEqual(
        Object.fromEntries(columns.map((c, i) => [c, row[i]])),
      );
      // The bulk answer is the same as page by page.
      const { pages } = world();
      const bulk = policy.pageAccessAll(
        people[who],
        columns.map((id) => pages.get(id) as Page),
      );
      expect(columns.map((id) => bulk.get(id))).toEqual(actual);
    },
  );

  it.each(columns)('decides %s for everyone at once as it does person by person', (pageId) => {
    const { pages } = world();
    const everyone = Object.values(people).filter((person): person is User => person !== null);
    const batch = policy.pageAccessOfPeople(everyone, pages.get(pageId) as Page);
    expect(Object.fromEntries(everyone.map((person) => [person.id, batch.get(person.id)]))).toEqual(
      Object.fromEntries(everyone.map((person) => [person.id, policy.pageAccess(person, pageId)])),
    );
  });

  it('reads the store as often for a thousand people as for three', () => {
    const { store, pages } = world();
    let reads = 0;
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          reads += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const { policy: counted } = testAccessPolicy({
      pages: pageLookups(pages),
      store: counting,
      spaces: [
        testSpace({ id: 'open', visibility: 'open', defaultRole: 'editor' }),
        testSpace({ id: 'private', visibility: 'private' }),
      ],
    });
    const readsFor = (count: number) => {
      const crowd = Array.from({ length: count }, (_, index) => user(`person-${index}`, 'member'));
      reads = 0;
      const access = counted.pageAccessOfPeople(
        [...crowd, people.financeMember as User],
        pages.get('secret-grandchild') as Page,
      );
      expect(access.get('finance-member')).toBe('comment');
      expect(access.get('person-0')).toBe('none');
      return reads;
    };
    const few = readsFor(3);
    expect(few).toBeGreaterThan(0);
    expect(readsFor(1_000)).toBe(few);
  });

  it('gives space roles from grants, groups, the open default and the workspace role', () => {
    const role = (who: Who, space: string) => policy.spaceRole(people[who], space);
    expect(role('wsAdmin', 'private')).toBe('admin');
    expect(role('outsider', 'private')).toBeNull();
    expect(role('outsider', 'open')).toBe('editor');
    expect(role('viewer', 'open')).toBe('editor');
    expect(role('financeMember', 'private')).toBe('commenter');
    expect(role('guest', 'open')).toBeNull();
    expect(role('invitedGuest', 'private')).toBe('viewer');
    expect(role('adminGuest', 'private')).toBe('editor');
    expect(role('anonymous', 'open')).toBeNull();
    expect(role('editor', 'no-such-space')).toBeNull();
    expect(policy.readableSpaceIds(people.guest)).toEqual([]);
    expect(policy.readableSpaceIds(people.invitedGuest)).toEqual(['private']);
    expect(policy.readableSpaceIds(people.outsider)).toEqual(['open']);
  });

  it('answers unreadable pages as not found and readable-but-not-allowed as forbidden', () => {
    expect(() => policy.requirePage(people.outsider, 'plain', 'read')).toThrow(NotFoundError);
    expect(() => policy.requirePage(people.viewer, 'secret', 'read')).toThrow(NotFoundError);
    expect(() => policy.requirePage(people.viewer, 'plain', 'edit')).toThrow(PermissionDeniedError);
    expect(() => policy.requirePage(people.editor, 'nope', 'read')).toThrow(NotFoundError);
    expect(policy.requirePage(people.editor, 's-secret', 'edit').id).toBe('secret');
    expect(() => policy.requireSpace(people.outsider, 'private')).toThrow(NotFoundError);
    expect(() => policy.requireSpace(people.editor, 'private', 'admin')).toThrow(
      PermissionDeniedError,
    );
    expect(policy.requireSpace(people.spaceAdmin, 'private', 'admin').role).toBe('admin');
  });

  it('hides restricted subtrees from search scopes, and nothing from space admins', () => {
    const scope = (who: Who) => {
      const { readableSpaceIds, hiddenPageIds } = policy.readScope(people[who]);
      return { spaces: [...readableSpaceIds].sort(), hidden: [...hiddenPageIds].sort() };
    };
    expect(scope('viewer')).toEqual({
      spaces: ['open', 'private'],
      hidden: ['secret', 'secret-child', 'secret-grandchild'],
    });
    expect(scope('financeMember').hidden).toEqual([]);
    expect(scope('spaceAdmin').hidden).toEqual([]);
    expect(scope('outsider')).toEqual({ spaces: ['open'], hidden: [] });
    expect(scope('anonymous')).toEqual({ spaces: [], hidden: [] });
  });

  it('follows changes at once: moves, grants, groups and restrictions', () => {
    const { policy, store, pages } = world();
    const viewer = people.viewer;
    expect(policy.pageAccess(viewer, 'plain')).toBe('read');
    // Moving a page under a restricted one restricts it; moving it out lifts that.
    pages.set('plain', { ...(pages.get('plain') as Page), parentId: 'secret' });
    expect(policy.pageAccess(viewer, 'plain')).toBe('none');
    pages.set('plain', { ...(pages.get('plain') as Page), parentId: null });
    expect(policy.pageAccess(viewer, 'plain')).toBe('read');
    // Joining the finance group opens the secret page.
    store.addGroupMember('finance', viewer?.id ?? '');
    expect(policy.pageAccess(viewer, 'secret')).toBe('comment');
    store.removeGroupMember('finance', viewer?.id ?? '');
    expect(policy.pageAccess(viewer, 'secret')).toBe('none');
    // The edit list also lets its people read.
    store.setPageRestriction({
      pageId: 'secret',
      view: { users: [], groups: [] },
      edit: { users: ['viewer'], groups: [] },
      updatedBy: 'space-admin',
      updatedAt: 2,
    });
    expect(policy.pageAccess(viewer, 'secret')).toBe('read');
    expect(policy.pageAccess(people.editor, 'secret')).toBe('none');
    expect(policy.pageAccess(people.spaceAdmin, 'secret')).toBe('admin');
    // Leaving the private space's members takes its pages away.
    store.removeSpaceGrant('private', 'user', 'viewer');
    expect(policy.pageAccess(viewer, 'plain')).toBe('none');
  });

  it('decides a page several levels deep in well under a millisecond', () => {
    const pages = new Map<string, Page>();
    let parentId: string | null = null;
    for (let depth = 0; depth < 30; depth++) {
      const id = `deep-${depth}`;
      pages.set(id, page(id, 'private', { parentId }));
      parentId = id;
    }
    const store = new MemoryAccessStore();
    const { policy } = testAccessPolicy({
      pages: pageLookups(pages),
      store,
      spaces: [testSpace({ id: 'private', visibility: 'private' })],
    });
    store.setSpaceGrant({
      spaceId: 'private',
      kind: 'user',
      principalId: 'editor',
      role: 'editor',
    });
    for (let depth = 0; depth < 30; depth += 3) {
      store.setPageRestriction({
        pageId: `deep-${depth}`,
        view: { users: ['editor'], groups: [] },
        edit: null,
        updatedBy: 'editor',
        updatedAt: 0,
      });
    }
    const runs = 2_000;
    const started = performance.now();
    for (let run = 0; run < runs; run++) policy.pageAccess(people.editor, 'deep-29');
    const each = (performance.now() - started) / runs;
    expect(policy.pageAccess(people.editor, 'deep-29')).toBe('edit');
    expect(each).toBeLessThan(0.5);
  });
});
