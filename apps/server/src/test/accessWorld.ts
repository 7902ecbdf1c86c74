import type { PageAccess, SpaceRole, User } from '@lore/core';
import { expect } from 'vitest';
import { sessionCookieName } from '../http/sessionCookie';
import type { Services } from '../Services';
import { apiTokenFor } from './apiTokenFor';
import type { TestServer } from './startTestServer';

/**
 * The people and pages the access tests probe (the HTTP matrix and the websocket matrix), with
 * what the model says each person may do with each page, written out by hand.
 *
 * Two spaces: `open` (members read by default) and `private`; in both, the space admin, editor,
 * commenter, viewer and the invited guest hold those roles. In the private space: a plain page,
 * a page restricted to the editor, a trashed page with a child, and a page with a live public
 * share link made by the editor (which changes nothing for signed-in people).
 *
 * Four more people hold credentials that no longer work, though each was an editor of both
 * spaces: a disabled account's token, a revoked token, an expired session, and a visitor who
 * presents a public share link's secret as if it were an API token. To every door they are
 * nobody.
 */
export const actorNames = [
  'wsAdmin',
  'spaceAdmin',
  'editor',
  'commenter',
  'viewer',
  'outsider',
  'guest',
  'invitedGuest',
  'anonymous',
  'disabledUser',
  'revokedToken',
  'expiredSession',
  'linkVisitor',
] as const;
export type ActorName = (typeof actorNames)[number];

/** People whose credential no longer works (or never did): expected to be treated as nobody. */
export const deadCredentialActors: readonly ActorName[] = [
  'disabledUser',
  'revokedToken',
  'expiredSession',
  'linkVisitor',
];

const nothing: Record<ResourceName, PageAccess> = {
  open: 'none',
  private: 'none',
  restricted: 'none',
  trashed: 'none',
  trashedChild: 'none',
  shared: 'none',
};

export const resourceNames = [
  'open',
  'private',
  'restricted',
  'trashed',
  'trashedChild',
  'shared',
] as const;
export type ResourceName = (typeof resourceNames)[number];

/** What each person may do with each page: the model, written out by hand. */
export const pageAccess: Record<ActorName, Record<ResourceName, PageAccess>> = {
  wsAdmin: {
    open: 'admin',
    private: 'admin',
    restricted: 'admin',
    trashed: 'admin',
    trashedChild: 'admin',
    shared: 'admin',
  },
  spaceAdmin: {
    open: 'admin',
    private: 'admin',
    restricted: 'admin',
    trashed: 'admin',
    trashedChild: 'admin',
    shared: 'admin',
  },
  editor: {
    open: 'edit',
    private: 'edit',
    restricted: 'edit',
    trashed: 'edit',
    trashedChild: 'edit',
    shared: 'edit',
  },
  commenter: {
    open: 'comment',
    private: 'comment',
    restricted: 'none',
    trashed: 'none',
    trashedChild: 'none',
    shared: 'comment',
  },
  viewer: {
    open: 'read',
    private: 'read',
    restricted: 'none',
    trashed: 'none',
    trashedChild: 'none',
    shared: 'read',
  },
  outsider: {
    open: 'read',
    private: 'none',
    restricted: 'none',
    trashed: 'none',
    trashedChild: 'none',
    shared: 'none',
  },
  guest: {
    open: 'none',
    private: 'none',
    restricted: 'none',
    trashed: 'none',
    trashedChild: 'none',
    shared: 'none',
  },
  invitedGuest: {
    open: 'read',
    private: 'read',
    restricted: 'none',
    trashed: 'none',
    trashedChild: 'none',
    shared: 'read',
  },
  anonymous: nothing,
  disabledUser: nothing,
  revokedToken: nothing,
  expiredSession: nothing,
  linkVisitor: nothing,
};

/** Each person's role in the space of each page (open: the open space, else the private one). */
export const spaceRoleOf: Record<ActorName, { open: SpaceRole | null; private: SpaceRole | null }> =
  {
    wsAdmin: { open: 'admin', private: 'admin' },
    spaceAdmin: { open: 'admin', private: 'admin' },
    editor: { open: 'editor', private: 'editor' },
    commenter: { open: 'commenter', private: 'commenter' },
    viewer: { open: 'viewer', private: 'viewer' },
    outsider: { open: 'viewer', private: null },
    guest: { open: null, private: null },
    invitedGuest: { open: 'viewer', private: 'viewer' },
    anonymous: { open: null, private: null },
    disabledUser: { open: null, private: null },
    revokedToken: { open: null, private: null },
    expiredSession: { open: null, private: null },
    linkVisitor: { open: null, private: null },
  };

export const workspaceRoleOf: Record<ActorName, User['role'] | null> = {
  wsAdmin: 'admin',
  spaceAdmin: 'member',
  editor: 'member',
  commenter: 'member',
  viewer: 'member',
  outsider: 'member',
  guest: 'guest',
  invitedGuest: 'guest',
  anonymous: null,
  disabledUser: null,
  revokedToken: null,
  expiredSession: null,
  linkVisitor: null,
};

export const live: Record<ResourceName, boolean> = {
  open: true,
  private: true,
  restricted: true,
  trashed: false,
  trashedChild: false,
  shared: true,
};

/** A page of the world, with what the probes need to address it. */
export interface Fixture {
  readonly pageId: string;
  readonly parentId: string | null;
  readonly spaceSlug: string;
  readonly revisionId: string;
  readonly attachment: { readonly id: string; readonly filename: string };
  readonly restriction: { view: { users: string[]; groups: string[] } | null; edit: null };
  /** The live public share link of the page (the `shared` page only). */
  readonly share: { readonly id: string; readonly secret: string } | null;
}

export interface Person {
  /** Null for the anonymous one and for people whose credential no longer works. */
  readonly user: User | null;
  readonly token: string | null;
  readonly cookie?: string;
}

export interface AccessWorld {
  readonly admin: User;
  /** A member who is no actor, for membership changes. */
  readonly dummy: User;
  /** A group with no bearing on the actors, for group routes. */
  readonly groupId: string;
  /** Each actor's user and credential: an API token, or a session cookie (`name=value`). */
  readonly people: Map<ActorName, Person>;
  readonly fixtures: Map<ResourceName, Fixture>;
}

export const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Sets the world up on a fresh server (the first admin included), through its services. */
export async function buildAccessWorld(t: TestServer): Promise<AccessWorld> {
  const services: Services = t.server.runtime.services;
  const people = new Map<ActorName, Person>();
  const fixtures = new Map<ResourceName, Fixture>();

  const setup = await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'root@example.com', displayName: 'Root', password: 'root password' },
  });
  expect(setup.status).toBe(201);
  const admin: User = (await setup.json()).user;
  const person = async (name: string, role: User['role']) =>
    services.accounts.createUser(admin, {
      email: `${name.toLowerCase()}@example.com`,
      displayName: name,
      password: `${name.toLowerCase()} password`,
      role,
    });
  const dummy = await person('Dummy', 'member');
  for (const actor of actorNames) {
    if (actor === 'anonymous' || actor === 'linkVisitor') {
      people.set(actor, { user: null, token: null });
      continue;
    }
    const user =
      actor === 'wsAdmin'
        ? admin
        : await person(actor, actor === 'guest' || actor === 'invitedGuest' ? 'guest' : 'member');
    // The widest token each person can hold: admins' tokens may do what admins do.
    const scope = user.role === 'admin' ? 'admin' : 'write';
    people.set(actor, {
      user,
      token: apiTokenFor(services.accounts, user, 'matrix', scope).secret,
    });
  }
  const id = (actor: ActorName) => people.get(actor)?.user?.id ?? '';

  const open = services.pages.createSpace(admin, {
    name: 'Open',
    slug: 'open',
    visibility: 'open',
    defaultRole: 'viewer',
  });
  const closed = services.pages.createSpace(admin, {
    name: 'Private',
    slug: 'private',
    visibility: 'private',
  });
  for (const spaceId of [open.id, closed.id]) {
    for (const [actor, role] of [
      ['spaceAdmin', 'admin'],
      ['editor', 'editor'],
      ['commenter', 'commenter'],
      ['viewer', 'viewer'],
      ['invitedGuest', 'viewer'],
      ['disabledUser', 'editor'],
      ['revokedToken', 'editor'],
      ['expiredSession', 'editor'],
    ] as const) {
      services.spaceMembers.set(admin, spaceId, 'user', id(actor), role);
    }
  }
  const groupId = services.groups.create(admin, 'Matrix').id;

  const fixture = async (
    name: ResourceName,
    spaceId: string,
    spaceSlug: string,
    parentId: string | null = null,
  ): Promise<Fixture> => {
    const made = await services.pages.createPage(admin, {
      spaceId,
      parentId,
      title: `Matrix ${name}`,
      markdown: `The ${name} page of the access matrix.`,
    });
    const revision = (await services.revisions.save(admin, made.id)).revision;
    const attachment = await services.attachments.upload(admin, made.id, {
      filename: `${name}.png`,
      bytes: png,
    });
    services.tags.setPageTags(admin, made.id, [`tag-${name}`]);
    return {
      pageId: made.id,
      parentId,
      spaceSlug,
      revisionId: revision?.id ?? '',
      attachment: { id: attachment.id, filename: attachment.filename },
      restriction: { view: null, edit: null },
      share: null,
    };
  };
  fixtures.set('open', await fixture('open', open.id, 'open'));
  fixtures.set('private', await fixture('private', closed.id, 'private'));
  const restricted = await fixture('restricted', closed.id, 'private');
  const view = { users: [id('editor')], groups: [] };
  services.pageRestrictions.set(admin, restricted.pageId, { view, edit: null });
  fixtures.set('restricted', { ...restricted, restriction: { view, edit: null } });
  const trashed = await fixture('trashed', closed.id, 'private');
  fixtures.set('trashed', trashed);
  fixtures.set('trashedChild', await fixture('trashedChild', closed.id, 'private', trashed.pageId));
  services.pages.trashPage(admin, trashed.pageId);
  const shared = await fixture('shared', closed.id, 'private');
  const editor = people.get('editor')?.user as User;
  const link = services.shares.create(editor, shared.pageId, { includeSubpages: true });
  fixtures.set('shared', { ...shared, share: { id: link.share.id, secret: link.secret } });

  // Credentials that stopped working, each for an editor of both spaces.
  const disabled = people.get('disabledUser')?.user as User;
  services.accounts.updateAccount(admin, disabled.id, { disabled: true });
  people.set('disabledUser', { user: null, token: people.get('disabledUser')?.token ?? null });
  const revoked = people.get('revokedToken')?.user as User;
  const revokedToken = services.accounts
    .listTokens(revoked)
    .find((token) => token.name === 'matrix');
  services.accounts.revokeToken(revoked, revokedToken?.id ?? '');
  people.set('revokedToken', { user: null, token: people.get('revokedToken')?.token ?? null });
  const expired = people.get('expiredSession')?.user as User;
  const session = services.accounts.startSession(expired);
  const { sqlite, postgres } = t.server.runtime.storage;
  if (postgres) {
    postgres.run('UPDATE sessions SET expires_at = $1, last_seen_at = $2 WHERE user_id = $3', [
      Date.now() - 1_000,
      Date.now() - 3_600_000,
      expired.id,
    ]);
  } else {
    sqlite
      ?.prepare('UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE user_id = ?')
      .run(Date.now() - 1_000, Date.now() - 3_600_000, expired.id);
  }
  people.set('expiredSession', {
    user: null,
    token: null,
    cookie: `${sessionCookieName}=${session}`,
  });
  people.set('linkVisitor', { user: null, token: link.secret });

  return { admin, dummy, groupId, people, fixtures };
}
