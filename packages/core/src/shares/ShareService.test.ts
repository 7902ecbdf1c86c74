import { describe, expect, it } from 'vitest';
import { MemoryAccessStore } from '../access/MemoryAccessStore';
import { pageLookups, testAccessPolicy, testSpace } from '../access/testAccessPolicy';
import { hashSecret } from '../accounts/secretToken';
import type { StoredUser, User } from '../accounts/User';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../DomainError';
import { MemoryEventLog } from '../events/MemoryEventLog';
import type { Page } from '../pages/Page';
import type { Space } from '../pages/Space';
import { ManualClock } from '../revisions/ManualClock';
import { MemoryShareLinkStore } from './MemoryShareLinkStore';
import { isShareSecret, shareUseIntervalMs } from './ShareLink';
import { ShareService } from './ShareService';

const person = (id: string, role: User['role']): StoredUser => ({
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

const page = (id: string, parentId: string | null, position = 'V'): Page => ({
  id,
  shortId: `short${id}`.padEnd(10, 'x').slice(0, 10),
  spaceId: 'docs',
  parentId,
  position,
  title: id.toUpperCase(),
  icon: null,
  createdBy: 'ada',
  createdAt: 0,
  updatedBy: 'ada',
  updatedAt: 0,
  deletedAt: null,
  deletedBy: null,
});

/**
 * A private space `docs` with the tree top > guide > (steps, secret > below); `other` beside
 * guide. Ada is a workspace admin, Sam an editor, Eve a viewer, Max the space admin, Gus a
 * guest editor.
 */
function setup() {
  const people = new Map(
    [
      person('ada', 'admin'),
      person('sam', 'member'),
      person('eve', 'member'),
      person('max', 'member'),
      person('gus', 'guest'),
    ].map((u) => [u.id, u]),
  );
  const who = (id: string) => people.get(id) as StoredUser;
  const spaces: Space[] = [testSpace({ id: 'docs', visibility: 'private' })];
  const pages = new Map<string, Page>(
    [
      page('top', null),
      page('guide', 'top'),
      page('steps', 'guide', 'a'),
      page('secret', 'guide', 'b'),
      page('below', 'secret'),
      page('other', 'top', 'W'),
    ].map((p) => [p.id, p]),
  );
  const accessStore = new MemoryAccessStore();
  const lookups = pageLookups(pages);
  const { policy } = testAccessPolicy({ pages: lookups, spaces, store: accessStore });
  for (const [id, role] of [
    ['sam', 'editor'],
    ['eve', 'viewer'],
    ['max', 'admin'],
    ['gus', 'editor'],
  ] as const) {
    accessStore.setSpaceGrant({ spaceId: 'docs', kind: 'user', principalId: id, role });
  }
  // `secret` is limited to Sam and Max: it never goes out with a share of `guide`.
  accessStore.setPageRestriction({
    pageId: 'secret',
    view: { users: ['sam', 'max'], groups: [] },
    edit: null,
    updatedBy: 'ada',
    updatedAt: 0,
  });
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const events = new MemoryEventLog();
  const store = new MemoryShareLinkStore();
  const shares = new ShareService({
    store,
    pages: {
      ...lookups,
      listChildren: (_spaceId, parentId) =>
        [...pages.values()]
          .filter((p) => p.parentId === parentId && p.deletedAt === null)
          .sort((a, b) => (a.position < b.position ? -1 : 1)),
      listPagesInSpace: (spaceId) => [...pages.values()].filter((p) => p.spaceId === spaceId),
    },
    restrictions: accessStore,
    policy,
    people: { findUserById: (id) => people.get(id) ?? null },
    clock,
    events,
  });
  const trash = (id: string) => {
    const found = pages.get(id) as Page;
    pages.set(id, { ...found, deletedAt: clock.now(), deletedBy: 'ada' });
  };
  const written = () => events.readAfter(0, 100).map((e) => ({ type: e.type, pageId: e.pageId }));
  return { shares, store, people, who, pages, accessStore, clock, events, trash, written };
}

describe('ShareService', () => {
  it('makes a link for someone who can edit the page, keeping only the hash of its secret', () => {
    const { shares, store, who, events } = setup();
    const created = shares.create(who('sam'), 'guide', { includeSubpages: true });
    expect(isShareSecret(created.secret)).toBe(true);
    expect(created.creator).toEqual({ id: 'sam', displayName: 'SAM' });
    const stored = store.findShareById(created.share.id);
    expect(stored?.secretHash).toBe(hashSecret(created.secret));
    expect(JSON.stringify(stored)).not.toContain(created.secret);
    expect(stored).toMatchObject({
      pageId: 'guide',
      includeSubpages: true,
      allowIndexing: false,
      expiresAt: null,
    });
    const [event] = events.readAfter(0, 10);
    expect(event).toMatchObject({
      type: 'share.created',
      pageId: 'guide',
      spaceId: 'docs',
      actorId: 'sam',
      data: { shareId: created.share.id, includeSubpages: true, expiresAt: null },
    });
  });

  it('refuses viewers, guests, outsiders, trashed pages and expiries in the past', () => {
    const { shares, who, clock, trash, written } = setup();
    expect(() => shares.create(who('eve'), 'guide')).toThrow(PermissionDeniedError);
    expect(() => shares.create(who('gus'), 'guide')).toThrow(PermissionDeniedError);
    expect(() => shares.create(who('eve'), 'secret')).toThrow(NotFoundError);
    expect(() => shares.create(who('sam'), 'nowhere')).toThrow(NotFoundError);
    expect(() => shares.create(who('sam'), 'guide', { expiresAt: clock.now() })).toThrow(
      ValidationError,
    );
    expect(() => shares.create(who('sam'), 'guide', { expiresAt: clock.now() - 1 })).toThrow(
      ValidationError,
    );
    trash('top');
    expect(() => shares.create(who('sam'), 'guide')).toThrow(NotFoundError);
    expect(written()).toEqual([]);
  });

  it('lets the visitor open the page, and its shared subpages only when they are included', () => {
    const { shares, who } = setup();
    const alone = shares.create(who('sam'), 'guide');
    const scope = shares.resolve(alone.secret);
    expect(scope?.root.id).toBe('guide');
    expect(scope?.page('guide')?.id).toBe('guide');
    expect(scope?.page('shortguide')?.id).toBe('guide');
    expect(scope?.page('steps')).toBeNull();
    expect(scope?.tree().children).toEqual([]);

    const withSubpages = shares.resolve(
      shares.create(who('sam'), 'guide', { includeSubpages: true }).secret,
    );
    expect(withSubpages?.page('steps')?.id).toBe('steps');
    // Never above, beside, or into a page restricted to fewer people.
    for (const outside of ['top', 'other', 'secret', 'below', 'nowhere']) {
      expect(withSubpages?.page(outside), outside).toBeNull();
      expect(withSubpages?.includes(outside), outside).toBe(false);
    }
    const tree = withSubpages?.tree();
    expect(tree?.page.id).toBe('guide');
    expect(tree?.children.map((node) => node.page.id)).toEqual(['steps']);
  });

  it('answers nothing for unknown, malformed, revoked and expired links', async () => {
    const { shares, who, clock } = setup();
    expect(shares.resolve('not a secret')).toBeNull();
    expect(shares.resolve('a'.repeat(43))).toBeNull();
    const revoked = shares.create(who('sam'), 'guide');
    shares.revoke(who('sam'), 'guide', revoked.share.id);
    expect(shares.resolve(revoked.secret)).toBeNull();
    const expiring = shares.create(who('sam'), 'guide', { expiresAt: clock.now() + 60_000 });
    expect(shares.resolve(expiring.secret)).not.toBeNull();
    await clock.advance(60_000);
    expect(shares.resolve(expiring.secret)).toBeNull();
    expect(shares.listForPage(who('sam'), 'guide')).toEqual([]);
  });

  it('stops a link when its page or a page above it is trashed, and hides trashed subpages', () => {
    const { shares, who, trash } = setup();
    const top = shares.create(who('sam'), 'top', { includeSubpages: true });
    const guide = shares.create(who('sam'), 'guide');
    trash('steps');
    expect(shares.resolve(top.secret)?.page('steps')).toBeNull();
    expect(shares.resolve(top.secret)?.page('guide')?.id).toBe('guide');
    trash('top');
    expect(shares.resolve(top.secret)).toBeNull();
    expect(shares.resolve(guide.secret)).toBeNull();
  });

  it('stops a link when its creator is disabled, deleted, made a guest or loses edit access', () => {
    const { shares, who, people, accessStore } = setup();
    const link = shares.create(who('sam'), 'guide');
    const works = () => shares.resolve(link.secret) !== null;
    expect(works()).toBe(true);
    people.set('sam', { ...who('sam'), disabledAt: 1 });
    expect(works()).toBe(false);
    people.set('sam', { ...who('sam'), disabledAt: null, role: 'guest' });
    expect(works()).toBe(false);
    people.set('sam', { ...who('sam'), role: 'member' });
    expect(works()).toBe(true);
    accessStore.setSpaceGrant({
      spaceId: 'docs',
      kind: 'user',
      principalId: 'sam',
      role: 'viewer',
    });
    expect(works()).toBe(false);
    expect(shares.listForSpace(who('max'), 'docs')).toEqual([]);
    accessStore.setSpaceGrant({
      spaceId: 'docs',
      kind: 'user',
      principalId: 'sam',
      role: 'editor',
    });
    people.set('sam', { ...who('sam'), deletedAt: 2 });
    expect(works()).toBe(false);
  });

  it('lets the creator and space admins revoke, with an event; others are refused', () => {
    const { shares, who, written } = setup();
    const first = shares.create(who('sam'), 'guide');
    const second = shares.create(who('sam'), 'guide');
    const third = shares.create(who('max'), 'guide');
    expect(() => shares.revoke(who('eve'), 'guide', first.share.id)).toThrow(PermissionDeniedError);
    // Another editor may see the links but not revoke someone else's.
    expect(() => shares.revoke(who('gus'), 'guide', third.share.id)).toThrow(PermissionDeniedError);
    expect(() => shares.revoke(who('sam'), 'guide', 'unknown')).toThrow(NotFoundError);
    expect(() => shares.revoke(who('sam'), 'steps', first.share.id)).toThrow(NotFoundError);
    shares.revoke(who('sam'), 'guide', first.share.id);
    expect(() => shares.revoke(who('sam'), 'guide', first.share.id)).toThrow(NotFoundError);
    shares.revoke(who('max'), 'guide', second.share.id);
    shares.revoke(who('ada'), 'guide', third.share.id);
    expect(written().map((e) => e.type)).toEqual([
      'share.created',
      'share.created',
      'share.created',
      'share.revoked',
      'share.revoked',
      'share.revoked',
    ]);
  });

  it('lists the working links of a page for its editors, and of a space for its admins', async () => {
    const { shares, who, clock } = setup();
    const guide = shares.create(who('sam'), 'guide', { allowIndexing: true });
    await clock.advance(1_000);
    const top = shares.create(who('max'), 'top');
    expect(shares.listForPage(who('gus'), 'guide').map((l) => l.share.id)).toEqual([
      guide.share.id,
    ]);
    expect(shares.listForPage(who('sam'), 'guide')[0]?.creator).toEqual({
      id: 'sam',
      displayName: 'SAM',
    });
    expect(() => shares.listForPage(who('eve'), 'guide')).toThrow(PermissionDeniedError);
    expect(shares.listForSpace(who('max'), 'docs').map((l) => l.share.id)).toEqual([
      guide.share.id,
      top.share.id,
    ]);
    expect(shares.listForSpace(who('ada'), 'docs')).toHaveLength(2);
    expect(() => shares.listForSpace(who('sam'), 'docs')).toThrow(PermissionDeniedError);
  });

  it('records a use at most once an hour, with lastUsedAt', async () => {
    const { shares, who, store, clock, written } = setup();
    const link = shares.create(who('sam'), 'guide');
    const visit = () => {
      const scope = shares.resolve(link.secret);
      if (scope) shares.recordUse(scope);
    };
    visit();
    const firstUse = clock.now();
    await clock.advance(60_000);
    visit();
    expect(store.findShareById(link.share.id)?.lastUsedAt).toBe(firstUse);
    await clock.advance(shareUseIntervalMs);
    visit();
    expect(store.findShareById(link.share.id)?.lastUsedAt).toBe(clock.now());
    expect(written().filter((e) => e.type === 'share.used')).toEqual([
      { type: 'share.used', pageId: 'guide' },
      { type: 'share.used', pageId: 'guide' },
    ]);
  });
});
