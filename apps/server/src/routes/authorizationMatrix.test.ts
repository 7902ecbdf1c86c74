import type { PageAccess, SpaceRole, User } from '@lore/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../http/route';
import { sessionCookieName } from '../http/sessionCookie';
import type { Services } from '../Services';
import {
  type AccessWorld,
  type ActorName,
  actorNames,
  buildAccessWorld,
  type Fixture,
  live,
  pageAccess,
  png,
  type ResourceName,
  resourceNames,
  spaceRoleOf,
  workspaceRoleOf,
} from '../test/accessWorld';
import { apiTokenFor } from '../test/apiTokenFor';
import { startTestServer } from '../test/startTestServer';
import { zipOf } from '../transfer/transferTestKit';

/**
 * Every API route × every kind of person × every kind of page, against one table of
 * expectations per route. A route missing from the table fails, so no new route can skip the
 * access rule; an unexpected allow (or deny) fails and the whole matrix is printed.
 */
// Started while the file is collected: the routes to probe are the running modules' own.
const t = await startTestServer();
const services: Services = t.server.runtime.services;
const routes = t.server.runtime.routes;

const rank = (access: PageAccess) => ['none', 'read', 'comment', 'edit', 'admin'].indexOf(access);
const roleRank = (role: SpaceRole | null) =>
  role === null ? 0 : ['viewer', 'commenter', 'editor', 'admin'].indexOf(role) + 1;

/** Who may, for one person and one page. */
type Rule = (actor: ActorName, resource: ResourceName) => boolean;
const page =
  (needed: PageAccess, liveOnly = false): Rule =>
  (actor, resource) =>
    rank(pageAccess[actor][resource]) >= rank(needed) && (!liveOnly || live[resource]);
const space =
  (needed: SpaceRole): Rule =>
  (actor, resource) =>
    roleRank(spaceRoleOf[actor][resource === 'open' ? 'open' : 'private']) >= roleRank(needed);
const anyone: Rule = () => true;
const nobody: Rule = () => false;
const signedIn: Rule = (actor) => workspaceRoleOf[actor] !== null;
const workspaceMember: Rule = (actor) =>
  workspaceRoleOf[actor] === 'admin' || workspaceRoleOf[actor] === 'member';
const workspaceAdmin: Rule = (actor) => workspaceRoleOf[actor] === 'admin';

interface Attempt {
  readonly actor: ActorName;
  readonly user: User | null;
  readonly token: string | null;
  readonly resource: Fixture;
  readonly resourceName: ResourceName;
  /** Unique per attempt, for names that must not clash. */
  readonly n: number;
}

interface Probe {
  readonly path: string;
  readonly method?: string;
  readonly json?: unknown;
  readonly body?: Uint8Array;
  readonly contentType?: string;
}

interface Case {
  /** `none`: the route is about no page or space, and is probed once per person. */
  readonly scope: 'page' | 'space' | 'none';
  /**
   * `session`: the route is for people signed in to the web app, not for API tokens; each
   * attempt then signs the person in afresh and sends the session cookie.
   */
  readonly via?: 'session';
  readonly allow: Rule;
  /** Builds the request (and sets up what it needs, as the admin). */
  readonly probe: (attempt: Attempt) => Probe | Promise<Probe>;
  /** Puts things back after an allowed change, so the next attempt starts the same. */
  readonly reset?: (attempt: Attempt) => void | Promise<void>;
  /** Whether an answer means the door let the person through (default: not 401/403/404). */
  readonly allowed?: (status: number, code: string | null) => boolean;
  /** The route answers with an endless event stream: a 200 is not read to its end. */
  readonly endless?: true;
}

let admin: User;
let dummy: User;
let groupId: string;
let people: AccessWorld['people'];
let fixtures: AccessWorld['fixtures'];

beforeAll(async () => {
  ({ admin, dummy, groupId, people, fixtures } = await buildAccessWorld(t));
});

/**
 * A thread with one comment by `authorId` on a page, written straight to the store (trashed pages
 * take no new comments through the service).
 */
function matrixThread(pageId: string, authorId: string, n: number, resolved = false) {
  const threadId = `matrix-thread-${n}`;
  const commentId = `matrix-comment-${n}`;
  const store = t.server.runtime.storage.discussion;
  store.transaction(() => {
    store.insertThread({
      id: threadId,
      pageId,
      anchor: null,
      createdBy: authorId,
      createdAt: Date.now(),
      resolvedAt: resolved ? Date.now() : null,
      resolvedBy: resolved ? authorId : null,
    });
    store.insertComment({
      id: commentId,
      threadId,
      pageId,
      authorId,
      body: 'Opened by the access matrix',
      mentions: [],
      createdAt: Date.now(),
      editedAt: null,
      deletedAt: null,
    });
  });
  return { threadId, commentId };
}

const key = (route: Pick<Route, 'method' | 'path'>) =>
  `${route.method.toUpperCase()} ${route.path}`;

/** One table of expectations per route. */
const cases: Record<string, Case> = {
  // Accounts: about people, not pages.
  'GET /api/setup': { scope: 'none', allow: anyone, probe: () => ({ path: '/api/setup' }) },
  'POST /api/setup': {
    scope: 'none',
    allow: anyone,
    // Set up already: 409 for everyone, past any access check.
    probe: ({ n }) => ({
      path: '/api/setup',
      method: 'POST',
      json: { email: `setup${n}@example.com`, displayName: 'S', password: 'setup password' },
    }),
  },
  'POST /api/auth/login': {
    scope: 'none',
    allow: anyone,
    probe: () => ({
      path: '/api/auth/login',
      method: 'POST',
      json: { email: 'dummy@example.com', password: 'dummy password' },
    }),
  },
  'POST /api/auth/logout': {
    scope: 'none',
    allow: anyone,
    probe: () => ({ path: '/api/auth/logout', method: 'POST' }),
  },
  'POST /api/auth/logout-everywhere': {
    scope: 'none',
    via: 'session',
    allow: signedIn,
    probe: () => ({ path: '/api/auth/logout-everywhere', method: 'POST' }),
  },
  'GET /api/me': { scope: 'none', allow: signedIn, probe: () => ({ path: '/api/me' }) },
  'PATCH /api/me': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/me', method: 'PATCH', json: { color: '#336699' } }),
  },
  'POST /api/me/password': {
    scope: 'none',
    via: 'session',
    allow: signedIn,
    // A wrong current password: past the door, the password check answers.
    probe: () => ({
      path: '/api/me/password',
      method: 'POST',
      json: { currentPassword: 'not the password', newPassword: 'a new password' },
    }),
    allowed: (status, code) => status === 204 || code === 'invalid_credentials',
  },
  'PATCH /api/users/:id': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: `/api/users/${dummy.id}`, method: 'PATCH', json: { role: 'member' } }),
  },
  'DELETE /api/users/:id': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: async ({ n }) => {
      const doomed = await services.accounts.createUser(admin, {
        email: `doomed${n}@example.com`,
        displayName: 'Doomed',
        password: 'doomed password',
        role: 'member',
      });
      return { path: `/api/users/${doomed.id}`, method: 'DELETE' };
    },
  },
  'POST /api/users/:id/password-reset': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: `/api/users/${dummy.id}/password-reset`, method: 'POST' }),
  },
  'POST /api/invites': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: ({ n }) => ({
      path: '/api/invites',
      method: 'POST',
      json: { email: `invited${n}@example.com` },
    }),
  },
  'GET /api/invites': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/invites' }),
  },
  'DELETE /api/invites/:id': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: ({ n }) => ({
      path: `/api/invites/${services.accounts.createInvite(admin, { email: `gone${n}@example.com` }).id}`,
      method: 'DELETE',
    }),
  },
  // One-time links are their own proof: anyone holding one may use it.
  'POST /api/invites/inspect': {
    scope: 'none',
    allow: anyone,
    probe: ({ n }) => ({
      path: '/api/invites/inspect',
      method: 'POST',
      json: {
        token: services.accounts.createInvite(admin, { email: `look${n}@example.com` }).secret,
      },
    }),
  },
  'POST /api/invites/accept': {
    scope: 'none',
    allow: anyone,
    probe: ({ n }) => ({
      path: '/api/invites/accept',
      method: 'POST',
      json: {
        token: services.accounts.createInvite(admin, { email: `joined${n}@example.com` }).secret,
        displayName: 'Joined',
        password: 'joined password',
      },
    }),
  },
  'POST /api/password-resets/inspect': {
    scope: 'none',
    allow: anyone,
    probe: () => ({
      path: '/api/password-resets/inspect',
      method: 'POST',
      json: { token: services.accounts.createPasswordReset(admin, dummy.id).secret },
    }),
  },
  'POST /api/password-resets/complete': {
    scope: 'none',
    allow: anyone,
    // The same password again, so signing in as Dummy keeps working.
    probe: () => ({
      path: '/api/password-resets/complete',
      method: 'POST',
      json: {
        token: services.accounts.createPasswordReset(admin, dummy.id).secret,
        password: 'dummy password',
      },
    }),
  },
  'POST /api/collab/tickets': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/collab/tickets', method: 'POST' }),
  },
  'GET /api/users': { scope: 'none', allow: workspaceAdmin, probe: () => ({ path: '/api/users' }) },
  'GET /api/people': {
    scope: 'none',
    allow: workspaceMember,
    probe: () => ({ path: '/api/people' }),
  },
  'GET /api/workspace/admins': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/workspace/admins' }),
  },
  'POST /api/users': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: ({ n }) => ({
      path: '/api/users',
      method: 'POST',
      json: { email: `made${n}@example.com`, displayName: 'M', password: 'made password' },
    }),
  },
  'GET /api/tokens': { scope: 'none', allow: signedIn, probe: () => ({ path: '/api/tokens' }) },
  'POST /api/tokens': {
    scope: 'none',
    via: 'session',
    allow: signedIn,
    probe: () => ({ path: '/api/tokens', method: 'POST', json: { name: 'spare' } }),
  },
  'DELETE /api/tokens/:id': {
    scope: 'none',
    allow: signedIn,
    probe: ({ user }) => ({
      path: `/api/tokens/${user ? apiTokenFor(services.accounts, user, 'spare').id : 'none'}`,
      method: 'DELETE',
    }),
  },

  // Spaces.
  'GET /api/spaces': { scope: 'none', allow: signedIn, probe: () => ({ path: '/api/spaces' }) },
  'POST /api/spaces': {
    scope: 'none',
    allow: workspaceMember,
    probe: ({ n }) => ({
      path: '/api/spaces',
      method: 'POST',
      json: { name: `Made ${n}`, visibility: 'private' },
    }),
  },
  'GET /api/spaces/:space': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}` }),
  },
  'PATCH /api/spaces/:space': {
    scope: 'space',
    allow: space('admin'),
    probe: ({ resource }) => ({
      path: `/api/spaces/${resource.spaceSlug}`,
      method: 'PATCH',
      json: { description: 'Probed by the access matrix' },
    }),
  },
  'GET /api/spaces/:space/tree': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/tree` }),
  },
  'GET /api/spaces/:space/trash': {
    scope: 'space',
    allow: space('editor'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/trash` }),
  },
  'GET /api/spaces/:space/broken-links': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/broken-links` }),
  },
  'GET /api/spaces/:space/export': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/export` }),
  },
  'POST /api/import': {
    scope: 'space',
    allow: space('editor'),
    probe: ({ resource }) => ({
      path: `/api/import?space=${resource.spaceSlug}`,
      method: 'POST',
      body: zipOf({ 'matrix-import.md': '# Imported\n\nBy the access matrix.\n' }),
      contentType: 'application/zip',
    }),
  },

  // Public share links: editors make and list them; the creator or a space admin revokes.
  'POST /api/pages/:id/shares': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/shares`,
      method: 'POST',
      json: { includeSubpages: true },
    }),
  },
  'GET /api/pages/:id/shares': {
    scope: 'page',
    allow: page('edit'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/shares` }),
  },
  'DELETE /api/pages/:id/shares/:shareId': {
    scope: 'page',
    // A link someone else (the workspace admin) made: only admins of the space may revoke it.
    allow: space('admin'),
    probe: ({ resource, resourceName, n }) => {
      const link = {
        id: `matrix-share-${n}`,
        secretHash: `matrix-share-hash-${n}`,
        pageId: resource.pageId,
        includeSubpages: false,
        allowIndexing: false,
        expiresAt: null,
        createdBy: admin.id,
        createdAt: Date.now(),
        revokedAt: null,
        revokedBy: null,
        lastUsedAt: null,
      };
      // Written straight to the store, as trashed pages cannot be shared.
      if (!live[resourceName]) t.server.runtime.storage.shares.insertShare(link);
      const id = live[resourceName]
        ? services.shares.create(admin, resource.pageId).share.id
        : link.id;
      return { path: `/api/pages/${resource.pageId}/shares/${id}`, method: 'DELETE' };
    },
  },
  'GET /api/spaces/:space/shares': {
    scope: 'space',
    allow: space('admin'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/shares` }),
  },

  // Comments and reactions: readers read, commenters write on live pages; people edit and
  // delete their own comments; resolving someone else's thread needs edit access.
  'POST /api/pages/:id/comments': {
    scope: 'page',
    allow: page('comment', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/comments`,
      method: 'POST',
      json: { body: 'From the **access matrix**.' },
    }),
  },
  // Mention helpers: for people who may write a mention there (comment access).
  'GET /api/pages/:id/mentionable': {
    scope: 'page',
    allow: page('comment'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/mentionable?q=a&limit=5` }),
  },
  'POST /api/pages/:id/mention-check': {
    scope: 'page',
    allow: page('comment'),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/mention-check`,
      method: 'POST',
      json: { userIds: [admin.id] },
    }),
  },
  'GET /api/pages/:id/comments': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/comments?state=all` }),
  },
  'GET /api/pages/:id/comments/stream': {
    scope: 'page',
    allow: page('read'),
    endless: true,
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/comments/stream` }),
  },
  'POST /api/comments/:threadId/replies': {
    scope: 'page',
    allow: page('comment', true),
    probe: ({ resource, n }) => {
      const { threadId } = matrixThread(resource.pageId, admin.id, n);
      return {
        path: `/api/comments/${threadId}/replies`,
        method: 'POST',
        json: { body: 'A reply' },
      };
    },
  },
  'PATCH /api/comments/:threadId/comments/:commentId': {
    scope: 'page',
    // Their own comment (written straight to the store): editing it needs comment access.
    allow: page('comment', true),
    probe: ({ resource, user, n }) => {
      const { threadId, commentId } = matrixThread(resource.pageId, user?.id ?? admin.id, n);
      return {
        path: `/api/comments/${threadId}/comments/${commentId}`,
        method: 'PATCH',
        json: { body: 'Edited' },
      };
    },
  },
  'DELETE /api/comments/:threadId/comments/:commentId': {
    scope: 'page',
    allow: page('comment'),
    probe: ({ resource, user, n }) => {
      const { threadId, commentId } = matrixThread(resource.pageId, user?.id ?? admin.id, n);
      return { path: `/api/comments/${threadId}/comments/${commentId}`, method: 'DELETE' };
    },
  },
  'POST /api/comments/:threadId/resolve': {
    scope: 'page',
    // Someone else's thread (the admin's): resolving it needs edit access.
    allow: page('edit', true),
    probe: ({ resource, n }) => {
      const { threadId } = matrixThread(resource.pageId, admin.id, n);
      return { path: `/api/comments/${threadId}/resolve`, method: 'POST' };
    },
  },
  'POST /api/comments/:threadId/reopen': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource, n }) => {
      const { threadId } = matrixThread(resource.pageId, admin.id, n, true);
      return { path: `/api/comments/${threadId}/reopen`, method: 'POST' };
    },
  },
  'POST /api/comments/:threadId/comments/:commentId/reactions': {
    scope: 'page',
    allow: page('comment', true),
    probe: ({ resource, n }) => {
      const { threadId, commentId } = matrixThread(resource.pageId, admin.id, n);
      return {
        path: `/api/comments/${threadId}/comments/${commentId}/reactions`,
        method: 'POST',
        json: { emoji: '👍' },
      };
    },
  },
  'POST /api/pages/:id/reactions': {
    scope: 'page',
    allow: page('comment', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/reactions`,
      method: 'POST',
      json: { emoji: '🎉' },
    }),
  },
  'GET /api/pages/:id/reactions': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/reactions` }),
  },
  // Notifications: each person's own; watching needs read access to the page or space.
  'GET /api/notifications': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/notifications' }),
  },
  'GET /api/notifications/unread-count': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/notifications/unread-count' }),
  },
  'GET /api/notifications/stream': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/notifications/stream?once=true' }),
  },
  'POST /api/notifications/read-all': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/notifications/read-all', method: 'POST' }),
  },
  'POST /api/notifications/:id/read': {
    scope: 'none',
    allow: signedIn,
    probe: ({ user, n }) => ({
      path: `/api/notifications/${notificationFor(user, n)}/read`,
      method: 'POST',
    }),
  },
  'POST /api/notifications/:id/archive': {
    scope: 'none',
    allow: signedIn,
    probe: ({ user, n }) => ({
      path: `/api/notifications/${notificationFor(user, n)}/archive`,
      method: 'POST',
    }),
  },
  'GET /api/notifications/settings': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/notifications/settings' }),
  },
  'PUT /api/notifications/settings': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({
      path: '/api/notifications/settings',
      method: 'PUT',
      json: { emailDigest: 'daily' },
    }),
  },
  'GET /api/pages/:id/watch': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/watch` }),
  },
  'POST /api/pages/:id/watch': {
    scope: 'page',
    allow: page('read', true),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/watch`, method: 'POST' }),
  },
  'DELETE /api/pages/:id/watch': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/watch`, method: 'DELETE' }),
  },
  'POST /api/spaces/:space/watch': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/watch`, method: 'POST' }),
  },
  'DELETE /api/spaces/:space/watch': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({
      path: `/api/spaces/${resource.spaceSlug}/watch`,
      method: 'DELETE',
    }),
  },
  'GET /api/watching': { scope: 'none', allow: signedIn, probe: () => ({ path: '/api/watching' }) },
  // Home: each person's own, filtered by what they may read; activity needs the space.
  'GET /api/home': { scope: 'none', allow: signedIn, probe: () => ({ path: '/api/home' }) },
  'GET /api/spaces/:space/activity': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/activity` }),
  },
  'GET /api/pages/:id/since-last-visit': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/since-last-visit` }),
  },

  // Space members.
  'GET /api/spaces/:space/members': {
    scope: 'space',
    allow: space('viewer'),
    probe: ({ resource }) => ({ path: `/api/spaces/${resource.spaceSlug}/members` }),
  },
  'PUT /api/spaces/:space/members/users/:principalId': {
    scope: 'space',
    allow: space('admin'),
    probe: ({ resource }) => ({
      path: `/api/spaces/${resource.spaceSlug}/members/users/${dummy.id}`,
      method: 'PUT',
      json: { role: 'viewer' },
    }),
  },
  'DELETE /api/spaces/:space/members/users/:principalId': {
    scope: 'space',
    allow: space('admin'),
    probe: ({ resource }) => {
      services.spaceMembers.set(admin, resource.spaceSlug, 'user', dummy.id, 'viewer');
      return {
        path: `/api/spaces/${resource.spaceSlug}/members/users/${dummy.id}`,
        method: 'DELETE',
      };
    },
  },
  'PUT /api/spaces/:space/members/groups/:principalId': {
    scope: 'space',
    allow: space('admin'),
    probe: ({ resource }) => ({
      path: `/api/spaces/${resource.spaceSlug}/members/groups/${groupId}`,
      method: 'PUT',
      json: { role: 'viewer' },
    }),
  },
  'DELETE /api/spaces/:space/members/groups/:principalId': {
    scope: 'space',
    allow: space('admin'),
    probe: ({ resource }) => {
      services.spaceMembers.set(admin, resource.spaceSlug, 'group', groupId, 'viewer');
      return {
        path: `/api/spaces/${resource.spaceSlug}/members/groups/${groupId}`,
        method: 'DELETE',
      };
    },
  },

  // Groups.
  'GET /api/groups': {
    scope: 'none',
    allow: workspaceMember,
    probe: () => ({ path: '/api/groups' }),
  },
  'POST /api/groups': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: ({ n }) => ({ path: '/api/groups', method: 'POST', json: { name: `Made ${n}` } }),
  },
  'GET /api/groups/:id': {
    scope: 'none',
    allow: workspaceMember,
    probe: () => ({ path: `/api/groups/${groupId}` }),
  },
  'PATCH /api/groups/:id': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: `/api/groups/${groupId}`, method: 'PATCH', json: { name: 'Matrix' } }),
  },
  'DELETE /api/groups/:id': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: ({ n }) => ({
      path: `/api/groups/${services.groups.create(admin, `Doomed ${n}`).id}`,
      method: 'DELETE',
    }),
  },
  'PUT /api/groups/:id/members/:userId': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: `/api/groups/${groupId}/members/${dummy.id}`, method: 'PUT' }),
  },
  'DELETE /api/groups/:id/members/:userId': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => {
      services.groups.addMember(admin, groupId, dummy.id);
      return { path: `/api/groups/${groupId}/members/${dummy.id}`, method: 'DELETE' };
    },
  },

  // Pages.
  'POST /api/pages': {
    scope: 'page',
    // A subpage of the page: edit access to a live parent.
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: '/api/pages',
      method: 'POST',
      json: {
        spaceId: resource.spaceSlug,
        parentId: resource.pageId,
        title: 'Made by the access matrix',
      },
    }),
  },
  'GET /api/pages/suggest': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/pages/suggest?q=matrix' }),
  },
  'GET /api/pages/:id': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}` }),
  },
  'PATCH /api/pages/:id': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}`,
      method: 'PATCH',
      json: { icon: null },
    }),
  },
  'DELETE /api/pages/:id': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}`, method: 'DELETE' }),
    reset: ({ resource, resourceName }) => {
      if (live[resourceName]) services.pages.restorePage(admin, resource.pageId);
    },
  },
  'POST /api/pages/:id/restore': {
    scope: 'page',
    // On a page not in the trash itself, the answer is 409 `not_in_trash`, past the check.
    allow: page('edit'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/restore`, method: 'POST' }),
    reset: ({ resource, resourceName }) => {
      if (resourceName === 'trashed') services.pages.trashPage(admin, resource.pageId);
    },
  },
  'POST /api/pages/:id/move': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/move`,
      method: 'POST',
      json: { parentId: resource.parentId },
    }),
  },
  'GET /api/pages/:id/backlinks': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/backlinks` }),
  },
  'GET /api/pages/:id/restrictions': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/restrictions` }),
  },
  'PUT /api/pages/:id/restrictions': {
    scope: 'page',
    // The lists as they are, so an allowed change changes nothing.
    allow: page('edit'),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/restrictions`,
      method: 'PUT',
      json: resource.restriction,
    }),
  },
  'GET /api/pages/:id/tags': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/tags` }),
  },
  'PUT /api/pages/:id/tags': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/tags`,
      method: 'PUT',
      json: { tags: ['matrix'] },
    }),
  },
  'GET /api/tags': { scope: 'none', allow: signedIn, probe: () => ({ path: '/api/tags' }) },
  'GET /api/pages/:id/export': {
    scope: 'page',
    allow: page('read', true),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/export` }),
  },
  'GET /api/oembed': {
    scope: 'page',
    // No page is public: previews never tell anything about a page.
    allow: nobody,
    probe: ({ resource }) => ({
      path: `/api/oembed?url=${encodeURIComponent(`${t.url}/s/${services.pageStore.findPageById(resource.pageId)?.shortId}`)}`,
    }),
  },

  // Attachments.
  'POST /api/pages/:id/attachments': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/attachments?filename=matrix.png`,
      method: 'POST',
      body: png,
      contentType: 'application/octet-stream',
    }),
  },
  'GET /api/pages/:id/attachments': {
    scope: 'page',
    allow: page('read', true),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/attachments` }),
  },
  'GET /api/attachments/:id': {
    scope: 'page',
    allow: page('read', true),
    probe: ({ resource }) => ({ path: `/api/attachments/${resource.attachment.id}` }),
  },
  'GET /api/attachments/:id/:filename': {
    scope: 'page',
    allow: page('read', true),
    probe: ({ resource }) => ({
      path: `/api/attachments/${resource.attachment.id}/${resource.attachment.filename}`,
    }),
  },

  // History.
  'GET /api/pages/:id/revisions': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/revisions` }),
  },
  'POST /api/pages/:id/revisions': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/revisions`,
      method: 'POST',
      json: {},
    }),
  },
  'GET /api/pages/:id/revisions/:revisionId': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/revisions/${resource.revisionId}`,
    }),
  },
  'PATCH /api/pages/:id/revisions/:revisionId': {
    scope: 'page',
    allow: page('edit'),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/revisions/${resource.revisionId}`,
      method: 'PATCH',
      json: { name: 'Matrix' },
    }),
  },
  'POST /api/pages/:id/revisions/:revisionId/restore': {
    scope: 'page',
    allow: page('edit', true),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/revisions/${resource.revisionId}/restore`,
      method: 'POST',
    }),
  },
  'GET /api/pages/:id/diff': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({
      path: `/api/pages/${resource.pageId}/diff?from=${resource.revisionId}&to=current`,
    }),
  },
  'GET /api/pages/:id/authorship': {
    scope: 'page',
    allow: page('read'),
    probe: ({ resource }) => ({ path: `/api/pages/${resource.pageId}/authorship` }),
  },

  // Search.
  'GET /api/search': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/search?q=matrix' }),
  },
  'POST /api/search/clicks': {
    scope: 'page',
    // A click counts only on a page the person may read.
    allow: page('read'),
    probe: async ({ resource, user }) => {
      const searchId = user
        ? (await services.search.search.search(user, { text: 'matrix probe' })).searchId
        : 'none';
      return {
        path: '/api/search/clicks',
        method: 'POST',
        json: { searchId, pageId: resource.pageId, position: 0 },
      };
    },
  },
  'GET /api/search/status': {
    scope: 'none',
    allow: signedIn,
    probe: () => ({ path: '/api/search/status' }),
  },
  'GET /api/glossary': { scope: 'none', allow: signedIn, probe: () => ({ path: '/api/glossary' }) },
  'POST /api/glossary': {
    scope: 'none',
    allow: workspaceMember,
    probe: ({ n }) => ({
      path: '/api/glossary',
      method: 'POST',
      json: { term: `MX${n}`, meaning: 'A term made by the access matrix.' },
    }),
  },
  'GET /api/glossary/:id': {
    scope: 'none',
    allow: signedIn,
    probe: ({ n }) => ({
      path: `/api/glossary/${services.search.glossary.create(admin, { term: `GX${n}`, meaning: 'm' }).id}`,
    }),
  },
  'PATCH /api/glossary/:id': {
    scope: 'none',
    allow: workspaceMember,
    probe: ({ n }) => ({
      path: `/api/glossary/${services.search.glossary.create(admin, { term: `PX${n}`, meaning: 'm' }).id}`,
      method: 'PATCH',
      json: { meaning: 'Changed by the access matrix.' },
    }),
  },
  'DELETE /api/glossary/:id': {
    scope: 'none',
    allow: workspaceMember,
    probe: ({ n }) => ({
      path: `/api/glossary/${services.search.glossary.create(admin, { term: `DX${n}`, meaning: 'm' }).id}`,
      method: 'DELETE',
    }),
  },
  'GET /api/admin/search-analytics': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/search-analytics' }),
  },
  'GET /api/admin/search-analytics/export': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/search-analytics/export' }),
  },

  // The event outbox.
  'GET /api/admin/events': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/events' }),
  },
  'POST /api/admin/events/dead-letters/:id/replay': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/events/dead-letters/999999/replay', method: 'POST' }),
    // There is no dead letter: admins are told so, everyone else is refused first.
    allowed: (status, code) => status === 404 && code === 'dead_letter_not_found',
  },

  // Email settings.
  'GET /api/admin/mail': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/mail' }),
  },

  // Single sign-on settings.
  'GET /api/admin/sso': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/sso' }),
  },
  'GET /api/auth/providers': {
    scope: 'none',
    allow: anyone,
    probe: () => ({ path: '/api/auth/providers' }),
  },

  // The audit log.
  'GET /api/admin/audit': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/audit?action=user.*&limit=5' }),
  },
  'GET /api/admin/audit/export': {
    scope: 'none',
    allow: workspaceAdmin,
    probe: () => ({ path: '/api/admin/audit/export?format=json' }),
  },
};

afterAll(async () => {
  await t.close();
});

/** A notification of the person's own to read or archive (an unknown id for nobody). */
function notificationFor(user: User | null, n: number): string {
  if (!user) return `unknown-${n}`;
  const pageId = fixtures.get('open')?.pageId as string;
  const id = `matrix-${n}`;
  services.storage.notifications.addNotifications([
    {
      id,
      userId: user.id,
      kind: 'page_changed',
      pageId,
      spaceId: services.pageStore.findPageById(pageId)?.spaceId as string,
      actorId: null,
      threadId: null,
      commentId: null,
      createdAt: Date.now(),
      readAt: null,
      archivedAt: null,
      dedupeKey: id,
      inApp: true,
      email: false,
      emailState: null,
      emailedAt: null,
    },
  ]);
  return id;
}

type Outcome = { allowed: boolean; expected: boolean; status: number; code: string | null };

describe('the authorization matrix', () => {
  it('lists every API route in the table of expectations', () => {
    const missing = routes.map(key).filter((name) => !(name in cases));
    const stale = Object.keys(cases).filter((name) => !routes.some((route) => key(route) === name));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('lets each person through exactly the doors the model opens to them', async () => {
    const results = new Map<string, Map<ActorName, (Outcome | null)[]>>();
    const failures: string[] = [];
    let n = 0;
    let cells = 0;
    for (const route of routes) {
      const name = key(route);
      const test = cases[name];
      if (!test) continue;
      const row = new Map<ActorName, (Outcome | null)[]>();
      results.set(name, row);
      for (const actor of actorNames) {
        const { user, token, cookie } = people.get(actor) ?? { user: null, token: null };
        const outcomes: (Outcome | null)[] = [];
        const resources = test.scope === 'none' ? (['open'] as const) : resourceNames;
        for (const resourceName of resources) {
          const resource = fixtures.get(resourceName) as Fixture;
          const attempt: Attempt = { actor, user, token, resource, resourceName, n: ++n };
          const probe = await test.probe(attempt);
          const headers: Record<string, string> = {};
          if (cookie) headers.cookie = cookie;
          else if (user && test.via === 'session') {
            headers.cookie = `${sessionCookieName}=${services.accounts.startSession(user)}`;
          } else if (token) headers.authorization = `Bearer ${token}`;
          if (probe.contentType) headers['content-type'] = probe.contentType;
          const response = await t.request(probe.path, {
            method: probe.method ?? 'GET',
            anonymous: true,
            headers,
            ...(probe.json !== undefined ? { json: probe.json } : {}),
            ...(probe.body !== undefined ? { body: Buffer.from(probe.body) } : {}),
          });
          let text = '';
          if (test.endless && response.status === 200) await response.body?.cancel();
          else text = await response.text();
          let code: string | null = null;
          try {
            code = JSON.parse(text)?.error?.code ?? null;
          } catch {
            code = null;
          }
          const allowed = test.allowed
            ? test.allowed(response.status, code)
            : ![401, 403, 404].includes(response.status);
          const expected = test.allow(actor, resourceName);
          cells++;
          outcomes.push({ allowed, expected, status: response.status, code });
          if (response.status >= 500 || allowed !== expected) {
            failures.push(
              `${name} as ${actor} on ${test.scope === 'none' ? 'nothing' : resourceName}: ${
                allowed ? 'ALLOWED' : 'denied'
              } (${response.status} ${code ?? ''}), expected ${expected ? 'allow' : 'deny'}`,
            );
          }
          if (allowed) await test.reset?.(attempt);
        }
        row.set(actor, outcomes);
      }
    }
    console.log(printMatrix(results, cells));
    expect(failures).toEqual([]);
  }, 300_000);
});

/** The matrix as text: a row per route, a column per person, a letter per page kind. */
function printMatrix(results: Map<string, Map<ActorName, (Outcome | null)[]>>, cells: number) {
  const width = Math.max(...[...results.keys()].map((name) => name.length));
  const column = 12;
  const lines = [
    `Authorization matrix: ${results.size} routes × ${actorNames.length} people × ${resourceNames.length} pages (${resourceNames.join(', ')}; routes about no page once), ${cells} requests.`,
    'A allowed, - denied, ! not what the table expects; one letter per page kind, in that order.',
    `${' '.repeat(width)}  ${actorNames.map((actor) => actor.padEnd(column)).join('')}`,
  ];
  for (const [name, row] of results) {
    const cellsOf = (actor: ActorName) =>
      (row.get(actor) ?? [])
        .map((outcome) =>
          outcome === null
            ? ' '
            : outcome.allowed === outcome.expected
              ? outcome.allowed
                ? 'A'
                : '-'
              : '!',
        )
        .join('');
    lines.push(
      `${name.padEnd(width)}  ${actorNames.map((actor) => cellsOf(actor).padEnd(column)).join('')}`,
    );
  }
  return lines.join('\n');
}
