import {
  AccessPolicy,
  type Page,
  type SearchDocument,
  type SpaceRole,
  type StoredUser,
} from '@lore/core';
import {
  type Db,
  SqliteAccessStore,
  SqliteAccountStore,
  SqlitePageStore,
  SqliteSpaceStore,
} from '@lore/store-sqlite';
import { seededRandom } from './generatedPages';

export interface AccessWorldShape {
  readonly users: number;
  readonly groups: number;
  readonly openSpaces: number;
  /** Restricted pages (each with the pages after it in its space as subpages). */
  readonly restrictedPages: number;
  readonly subpagesPerRestriction: number;
}

export const accessWorldShape: AccessWorldShape = {
  users: 1_000,
  groups: 100,
  openSpaces: 60,
  restrictedPages: 100,
  subpagesPerRestriction: 10,
};

export interface AccessWorld {
  readonly policy: AccessPolicy;
  readonly pages: SqlitePageStore;
  readonly users: readonly StoredUser[];
  /** The person whose searches are measured: a member who reads about a third of the pages. */
  readonly searcher: StoredUser;
  readonly spaces: number;
  readonly pageIds: readonly string[];
}

const roles: readonly SpaceRole[] = ['viewer', 'commenter', 'editor', 'admin'];

/**
 * A company's access setup in a real Lore database, over the generated pages: the spaces the
 * pages name (a few open, most private), people, groups with members, grants to people and
 * groups in the private spaces, and restricted pages with subpages. Every page is stored so
 * that the access policy sees the tree it would see in production.
 */
export function buildAccessWorld(
  db: Db,
  documents: readonly SearchDocument[],
  shape: AccessWorldShape = accessWorldShape,
): AccessWorld {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const accounts = new SqliteAccountStore(db);
  const spaceStore = new SqliteSpaceStore(db);
  const pageStore = new SqlitePageStore(db);
  const access = new SqliteAccessStore(db);
  const at = Date.UTC(2026, 0, 1);

  const users: StoredUser[] = [];
  const spaceIds = [...new Set(documents.map((document) => document.spaceId))].sort();
  db.transaction(() => {
    for (let index = 0; index < shape.users; index += 1) {
      const user = {
        id: `user-${index}`,
        email: `person${index}@example.com`,
        displayName: `Person ${index}`,
        color: '#336699',
        role: index === 0 ? ('admin' as const) : ('member' as const),
        passwordHash: 'not used',
        createdAt: at,
      };
      accounts.insertUser(user);
      users.push({ ...user, disabledAt: null, deletedAt: null });
    }
    spaceIds.forEach((id, index) => {
      spaceStore.insertSpace({
        id,
        slug: id,
        name: `Space ${index}`,
        description: '',
        visibility: index < shape.openSpaces ? 'open' : 'private',
        defaultRole: 'editor',
        createdBy: 'user-0',
        createdAt: at,
        updatedAt: at,
      });
    });
    const groupIds: string[] = [];
    for (let index = 0; index < shape.groups; index += 1) {
      const id = `group-${index}`;
      access.insertGroup({ id, name: `Team ${index}`, createdAt: at, updatedAt: at });
      groupIds.push(id);
      for (let member = 0; member < 30; member += 1) {
        access.addGroupMember(id, pick(users.slice(2)).id);
      }
    }
    // Each private space: five people and two groups with roles.
    for (const spaceId of spaceIds.slice(shape.openSpaces)) {
      for (let grant = 0; grant < 5; grant += 1) {
        access.setSpaceGrant({
          spaceId,
          kind: 'user',
          principalId: pick(users.slice(2)).id,
          role: pick(roles),
        });
      }
      for (let grant = 0; grant < 2; grant += 1) {
        access.setSpaceGrant({
          spaceId,
          kind: 'group',
          principalId: pick(groupIds),
          role: pick(roles),
        });
      }
    }
    // The searcher (user-1) is in a few private spaces in person and through one group.
    const searcherGroup = 'group-searcher';
    access.insertGroup({ id: searcherGroup, name: 'Searchers', createdAt: at, updatedAt: at });
    access.addGroupMember(searcherGroup, 'user-1');
    const privateSpaces = spaceIds.slice(shape.openSpaces);
    privateSpaces.slice(0, 4).forEach((spaceId) => {
      access.setSpaceGrant({ spaceId, kind: 'user', principalId: 'user-1', role: 'editor' });
    });
    privateSpaces.slice(4, 7).forEach((spaceId) => {
      access.setSpaceGrant({ spaceId, kind: 'group', principalId: searcherGroup, role: 'viewer' });
    });

    // Every page, in its space; restricted pages get the following pages as subpages.
    const restrictedEvery = Math.max(1, Math.floor(documents.length / shape.restrictedPages));
    const parentOf = new Map<string, string>();
    for (let index = 0; index < documents.length; index += restrictedEvery) {
      const root = documents[index];
      if (!root) continue;
      let children = 0;
      for (
        let next = index + 1;
        next < documents.length && children < shape.subpagesPerRestriction;
        next += 1
      ) {
        const child = documents[next];
        if (child?.spaceId === root.spaceId) {
          parentOf.set(child.pageId, root.pageId);
          children += 1;
        }
      }
    }
    documents.forEach((document, index) => {
      const page: Page = {
        id: document.pageId,
        shortId: document.shortId,
        spaceId: document.spaceId,
        parentId: parentOf.get(document.pageId) ?? null,
        position: index.toString(36).padStart(6, '0'),
        title: document.title,
        icon: null,
        createdBy: 'user-0',
        createdAt: at,
        updatedBy: 'user-0',
        updatedAt: at,
        deletedAt: null,
        deletedBy: null,
      };
      pageStore.insertPage(page);
    });
    for (let index = 0; index < documents.length; index += restrictedEvery) {
      const root = documents[index];
      if (!root) continue;
      access.setPageRestriction({
        pageId: root.pageId,
        view: { users: [pick(users).id, pick(users).id, pick(users).id], groups: [pick(groupIds)] },
        edit: null,
        updatedBy: 'user-0',
        updatedAt: at,
      });
    }
  })();

  const policy = new AccessPolicy({ store: access, spaces: spaceStore, pages: pageStore });
  const searcher = users[1];
  if (!searcher) throw new Error('No searcher.');
  return {
    policy,
    pages: pageStore,
    users,
    searcher,
    spaces: spaceIds.length,
    pageIds: documents.map((document) => document.pageId),
  };
}
