import { describe, expect, it } from 'vitest';
import type { StoredUser, User } from '../accounts/User';
import {
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from '../DomainError';
import { MemoryEventLog } from '../events/MemoryEventLog';
import type { Page } from '../pages/Page';
import type { Space } from '../pages/Space';
import { GroupService } from './GroupService';
import { MemoryAccessStore } from './MemoryAccessStore';
import { PageRestrictionService } from './PageRestrictionService';
import { SpaceMemberService } from './SpaceMemberService';
import { SpaceSettingsService } from './SpaceSettingsService';
import { pageLookups, testAccessPolicy, testSpace } from './testAccessPolicy';

const user = (id: string, role: User['role']): StoredUser => ({
  id,
  email: `${id}@example.com`,
  displayName: id.toUpperCase(),
  color: '#123456',
  role,
  createdAt: 0,
  passwordHash: '',
  disabledAt: null,
  deletedAt: null,
});
const ada = user('ada', 'admin');
const sam = user('sam', 'member');
const eve = user('eve', 'member');
const gus = user('gus', 'guest');

function setup() {
  const people = new Map([ada, sam, eve, gus].map((u) => [u.id, u]));
  const spaces: Space[] = [testSpace({ id: 'hr', visibility: 'private' })];
  const pages = new Map<string, Page>([
    [
      'memo',
      {
        id: 'memo',
        shortId: 's-memo',
        spaceId: 'hr',
        parentId: null,
        position: 'V',
        title: 'Memo',
        icon: null,
        createdBy: 'sam',
        createdAt: 0,
        updatedBy: 'sam',
        updatedAt: 0,
        deletedAt: null,
        deletedBy: null,
      },
    ],
  ]);
  const store = new MemoryAccessStore();
  const { policy } = testAccessPolicy({ pages: pageLookups(pages), spaces, store });
  const events = new MemoryEventLog();
  const clock = { now: () => 100 };
  const lookup = { findUserById: (id: string) => people.get(id) ?? null };
  return {
    store,
    policy,
    events,
    spaces,
    groups: new GroupService({ store, people: lookup, clock, events }),
    members: new SpaceMemberService({ store, policy, people: lookup, clock, events }),
    restrictions: new PageRestrictionService({
      store,
      policy,
      pages: pageLookups(pages),
      people: lookup,
      clock,
      events,
    }),
    settings: new SpaceSettingsService({
      spaces: {
        updateSpace: (space) => {
          spaces[0] = space;
        },
      },
      store,
      policy,
      clock,
      events,
    }),
  };
}

const written = (events: MemoryEventLog) =>
  events
    .readAfter(0, 100)
    .map((event) => ({ type: event.type, spaceId: event.spaceId, data: event.data }));

describe('access services', () => {
  it('manages groups as workspace admins only, with an event per change', () => {
    const { groups, events } = setup();
    expect(() => groups.create(sam, 'Finance')).toThrow(PermissionDeniedError);
    const finance = groups.create(ada, '  Finance  ');
    expect(finance.name).toBe('Finance');
    expect(() => groups.create(ada, 'FINANCE')).toThrow(ConflictError);
    expect(() => groups.create(ada, ' ')).toThrow(ValidationError);
    groups.addMember(ada, finance.id, 'sam');
    groups.addMember(ada, finance.id, 'sam');
    expect(() => groups.addMember(ada, finance.id, 'nobody')).toThrow(NotFoundError);
    expect(groups.get(sam, finance.id).memberIds).toEqual(['sam']);
    expect(() => groups.list(gus)).toThrow(PermissionDeniedError);
    groups.rename(ada, finance.id, 'Money');
    groups.removeMember(ada, finance.id, 'sam');
    expect(() => groups.removeMember(ada, finance.id, 'sam')).toThrow(NotFoundError);
    groups.addMember(ada, finance.id, 'eve');
    groups.delete(ada, finance.id);
    expect(() => groups.get(ada, finance.id)).toThrow(NotFoundError);
    expect(written(events).map((e) => e.type)).toEqual([
      'group.created',
      'group.member_added',
      'group.renamed',
      'group.member_removed',
      'group.member_added',
      'group.deleted',
    ]);
    expect(written(events).at(-1)?.data).toEqual({
      groupId: finance.id,
      name: 'Money',
      memberIds: ['eve'],
      spaceIds: [],
    });
  });

  it('lets space admins manage members without granting above themselves', () => {
    const { members, policy, events } = setup();
    expect(() => members.set(sam, 'hr', 'user', 'sam', 'admin')).toThrow(NotFoundError);
    members.set(ada, 'hr', 'user', 'sam', 'admin');
    members.set(sam, 'hr', 'user', 'eve', 'editor');
    expect(() => members.set(eve, 'hr', 'user', 'gus', 'viewer')).toThrow(PermissionDeniedError);
    expect(() => members.set(sam, 'hr', 'user', 'gus', 'admin')).toThrow(ValidationError);
    members.set(sam, 'hr', 'user', 'gus', 'viewer');
    expect(policy.spaceRole(gus, 'hr')).toBe('viewer');
    expect(members.list(gus, 'hr').map((m) => [m.name, m.role])).toEqual([
      ['EVE', 'editor'],
      ['GUS', 'viewer'],
      ['SAM', 'admin'],
    ]);
    members.remove(sam, 'hr', 'user', 'gus');
    expect(() => members.list(gus, 'hr')).toThrow(NotFoundError);
    expect(() => members.remove(sam, 'hr', 'user', 'gus')).toThrow(NotFoundError);
    expect(written(events).at(-1)).toEqual({
      type: 'space.member_removed',
      spaceId: 'hr',
      data: { kind: 'user', principalId: 'gus', previousRole: 'viewer' },
    });
  });

  it('changes visibility as a space admin and tells it with an event', () => {
    const { settings, members, policy, events, spaces } = setup();
    expect(policy.spaceRole(eve, 'hr')).toBeNull();
    members.set(ada, 'hr', 'user', 'sam', 'admin');
    expect(() => settings.update(eve, 'hr', { visibility: 'open' })).toThrow(NotFoundError);
    settings.update(sam, 'hr', { visibility: 'open', defaultRole: 'viewer' });
    expect(spaces[0]?.visibility).toBe('open');
    expect(policy.spaceRole(eve, 'hr')).toBe('viewer');
    expect(written(events).at(-1)).toEqual({
      type: 'space.visibility_changed',
      spaceId: 'hr',
      data: {
        visibility: 'open',
        defaultRole: 'viewer',
        previousVisibility: 'private',
        previousDefaultRole: 'editor',
      },
    });
  });

  it('restricts a page for editors, who cannot lock themselves out', () => {
    const { restrictions, members, policy, events } = setup();
    members.set(ada, 'hr', 'user', 'sam', 'editor');
    members.set(ada, 'hr', 'user', 'eve', 'editor');
    expect(() =>
      restrictions.set(sam, 'memo', { view: { users: ['eve'], groups: [] }, edit: null }),
    ).toThrow(ValidationError);
    expect(() =>
      restrictions.set(sam, 'memo', { view: { users: ['ghost'], groups: [] }, edit: null }),
    ).toThrow(ValidationError);
    restrictions.set(sam, 'memo', { view: { users: ['sam', 'sam'], groups: [] }, edit: null });
    expect(policy.pageAccess(eve, 'memo')).toBe('none');
    expect(() => restrictions.get(eve, 'memo')).toThrow(NotFoundError);
    expect(restrictions.get(ada, 'memo')).toEqual({
      view: { users: ['sam'], groups: [] },
      edit: null,
      inheritedFrom: [],
    });
    restrictions.set(ada, 'memo', { view: null, edit: null });
    expect(policy.pageAccess(eve, 'memo')).toBe('edit');
    expect(written(events).filter((e) => e.type === 'page.restrictions_changed').length).toBe(2);
  });
});
