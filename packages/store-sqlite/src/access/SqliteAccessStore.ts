import type {
  AccessStore,
  Group,
  PageRestriction,
  PrincipalKind,
  PrincipalList,
  SpaceGrant,
  SpaceRole,
} from '@lore/core';
import type { Db } from '../openDatabase';

interface GroupRow {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

interface GrantRow {
  space_id: string;
  kind: PrincipalKind;
  principal_id: string;
  role: SpaceRole;
}

interface RestrictionRow {
  page_id: string;
  view_restricted: number;
  edit_restricted: number;
  updated_by: string;
  updated_at: number;
}

interface EntryRow {
  page_id: string;
  list: 'view' | 'edit';
  kind: PrincipalKind;
  principal_id: string;
}

const toGroup = (row: GroupRow): Group => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toGrant = (row: GrantRow): SpaceGrant => ({
  spaceId: row.space_id,
  kind: row.kind,
  principalId: row.principal_id,
  role: row.role,
});

/** `AccessStore` on the Lore SQLite database (migration 0014). */
export class SqliteAccessStore implements AccessStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    this.#s = {
      insertGroup: db.prepare(
        `INSERT INTO access_groups (id, name, created_at, updated_at)
         VALUES (@id, @name, @createdAt, @updatedAt) ON CONFLICT (name) DO NOTHING`,
      ),
      groupById: db.prepare<[string], GroupRow>('SELECT * FROM access_groups WHERE id = ?'),
      groupByName: db.prepare<[string], GroupRow>('SELECT * FROM access_groups WHERE name = ?'),
      groups: db.prepare<[], GroupRow>('SELECT * FROM access_groups ORDER BY name, id'),
      renameGroup: db.prepare<[string, number, string]>(
        'UPDATE access_groups SET name = ?, updated_at = ? WHERE id = ?',
      ),
      deleteGroup: db.prepare<[string]>('DELETE FROM access_groups WHERE id = ?'),
      deleteGroupGrants: db.prepare<[string]>(
        `DELETE FROM space_grants WHERE kind = 'group' AND principal_id = ?`,
      ),
      deleteGroupEntries: db.prepare<[string]>(
        `DELETE FROM page_restriction_entries WHERE kind = 'group' AND principal_id = ?`,
      ),
      addMember: db.prepare<[string, string]>(
        `INSERT INTO access_group_members (group_id, user_id) VALUES (?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      removeMember: db.prepare<[string, string]>(
        'DELETE FROM access_group_members WHERE group_id = ? AND user_id = ?',
      ),
      members: db
        .prepare<[string], string>('SELECT user_id FROM access_group_members WHERE group_id = ?')
        .pluck(),
      groupsOfUser: db
        .prepare<[string], string>('SELECT group_id FROM access_group_members WHERE user_id = ?')
        .pluck(),
      setGrant: db.prepare(
        `INSERT INTO space_grants (space_id, kind, principal_id, role)
         VALUES (@spaceId, @kind, @principalId, @role)
         ON CONFLICT (space_id, kind, principal_id) DO UPDATE SET role = excluded.role`,
      ),
      removeGrant: db.prepare<[string, string, string]>(
        'DELETE FROM space_grants WHERE space_id = ? AND kind = ? AND principal_id = ?',
      ),
      grant: db.prepare<[string, string, string], GrantRow>(
        'SELECT * FROM space_grants WHERE space_id = ? AND kind = ? AND principal_id = ?',
      ),
      grantsOfSpace: db.prepare<[string], GrantRow>(
        'SELECT * FROM space_grants WHERE space_id = ?',
      ),
      grantsOf: db.prepare<[string, string], GrantRow>(
        `SELECT * FROM space_grants
          WHERE (kind = 'user' AND principal_id = ?)
             OR (kind = 'group' AND principal_id IN (SELECT value FROM json_each(?)))`,
      ),
      grantsOfGroup: db.prepare<[string], GrantRow>(
        `SELECT * FROM space_grants WHERE kind = 'group' AND principal_id = ?`,
      ),
      setRestriction: db.prepare<[string, number, number, string, number]>(
        `INSERT INTO page_restrictions (page_id, view_restricted, edit_restricted, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (page_id) DO UPDATE SET view_restricted = excluded.view_restricted,
           edit_restricted = excluded.edit_restricted, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
      ),
      clearEntries: db.prepare<[string]>('DELETE FROM page_restriction_entries WHERE page_id = ?'),
      insertEntry: db.prepare<[string, string, string, string]>(
        `INSERT INTO page_restriction_entries (page_id, list, kind, principal_id)
         VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      removeRestriction: db.prepare<[string]>('DELETE FROM page_restrictions WHERE page_id = ?'),
      restriction: db.prepare<[string], RestrictionRow>(
        'SELECT * FROM page_restrictions WHERE page_id = ?',
      ),
      entries: db.prepare<[string], EntryRow>(
        'SELECT * FROM page_restriction_entries WHERE page_id = ? ORDER BY principal_id',
      ),
      restrictions: db.prepare<[], RestrictionRow>('SELECT * FROM page_restrictions'),
      allEntries: db.prepare<[], EntryRow>(
        'SELECT * FROM page_restriction_entries ORDER BY principal_id',
      ),
    };
  }

  insertGroup(group: Group): boolean {
    return this.#s.insertGroup.run(group).changes === 1;
  }

  findGroupById(id: string): Group | null {
    const row = this.#s.groupById.get(id);
    return row ? toGroup(row) : null;
  }

  listGroups(): Group[] {
    return this.#s.groups.all().map(toGroup);
  }

  renameGroup(id: string, name: string, at: number): boolean {
    const taken = this.#s.groupByName.get(name);
    if (taken && taken.id !== id) return false;
    this.#s.renameGroup.run(name, at, id);
    return true;
  }

  deleteGroup(id: string): void {
    this.#db.transaction(() => {
      this.#s.deleteGroupGrants.run(id);
      this.#s.deleteGroupEntries.run(id);
      this.#s.deleteGroup.run(id);
    })();
  }

  addGroupMember(groupId: string, userId: string): boolean {
    if (!this.#s.groupById.get(groupId)) return false;
    return this.#s.addMember.run(groupId, userId).changes === 1;
  }

  removeGroupMember(groupId: string, userId: string): boolean {
    return this.#s.removeMember.run(groupId, userId).changes === 1;
  }

  listGroupMembers(groupId: string): string[] {
    return this.#s.members.all(groupId);
  }

  listGroupsOfUser(userId: string): string[] {
    return this.#s.groupsOfUser.all(userId);
  }

  setSpaceGrant(grant: SpaceGrant): void {
    this.#s.setGrant.run(grant);
  }

  removeSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): boolean {
    return this.#s.removeGrant.run(spaceId, kind, principalId).changes === 1;
  }

  findSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): SpaceGrant | null {
    const row = this.#s.grant.get(spaceId, kind, principalId);
    return row ? toGrant(row) : null;
  }

  listSpaceGrants(spaceId: string): SpaceGrant[] {
    return this.#s.grantsOfSpace.all(spaceId).map(toGrant);
  }

  listGrantsOf(userId: string, groupIds: readonly string[]): SpaceGrant[] {
    return this.#s.grantsOf.all(userId, JSON.stringify(groupIds)).map(toGrant);
  }

  listGrantsOfGroup(groupId: string): SpaceGrant[] {
    return this.#s.grantsOfGroup.all(groupId).map(toGrant);
  }

  setPageRestriction(restriction: PageRestriction): void {
    this.#db.transaction(() => {
      const { pageId, view, edit } = restriction;
      this.#s.setRestriction.run(
        pageId,
        view === null ? 0 : 1,
        edit === null ? 0 : 1,
        restriction.updatedBy,
        restriction.updatedAt,
      );
      this.#s.clearEntries.run(pageId);
      for (const [list, entries] of [
        ['view', view],
        ['edit', edit],
      ] as const) {
        for (const id of entries?.users ?? []) this.#s.insertEntry.run(pageId, list, 'user', id);
        for (const id of entries?.groups ?? []) this.#s.insertEntry.run(pageId, list, 'group', id);
      }
    })();
  }

  removePageRestriction(pageId: string): boolean {
    return this.#s.removeRestriction.run(pageId).changes === 1;
  }

  findPageRestriction(pageId: string): PageRestriction | null {
    const row = this.#s.restriction.get(pageId);
    return row ? toRestriction(row, this.#s.entries.all(pageId)) : null;
  }

  listPageRestrictions(): PageRestriction[] {
    const entries = new Map<string, EntryRow[]>();
    for (const entry of this.#s.allEntries.all()) {
      const list = entries.get(entry.page_id) ?? [];
      list.push(entry);
      entries.set(entry.page_id, list);
    }
    return this.#s.restrictions
      .all()
      .map((row) => toRestriction(row, entries.get(row.page_id) ?? []));
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toRestriction(row: RestrictionRow, entries: readonly EntryRow[]): PageRestriction {
  const listOf = (list: 'view' | 'edit'): PrincipalList => ({
    users: entries.filter((e) => e.list === list && e.kind === 'user').map((e) => e.principal_id),
    groups: entries.filter((e) => e.list === list && e.kind === 'group').map((e) => e.principal_id),
  });
  return {
    pageId: row.page_id,
    view: row.view_restricted === 1 ? listOf('view') : null,
    edit: row.edit_restricted === 1 ? listOf('edit') : null,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
