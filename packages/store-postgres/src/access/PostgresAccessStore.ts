import type {
  AccessStore,
  Group,
  PageRestriction,
  PrincipalKind,
  PrincipalList,
  SpaceGrant,
  SpaceRole,
} from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

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

// Type aliases, not interfaces: rows of a batch arrive as plain records and are cast to these.
type RestrictionRow = {
  page_id: string;
  view_restricted: boolean;
  edit_restricted: boolean;
  updated_by: string;
  updated_at: number;
};

type EntryRow = {
  page_id: string;
  list: 'view' | 'edit';
  kind: PrincipalKind;
  principal_id: string;
};

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

// Group names compare as SQLite's NOCASE does (A-Z folded, nothing else); the unique index
// access_groups_name_key is on this expression.
const nameKey = (sql: string) => `lower(${sql} COLLATE "C")`;

/** `AccessStore` on PostgreSQL (migration 0008). Text is ordered byte by byte, as in SQLite. */
export class PostgresAccessStore implements AccessStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertGroup(group: Group): boolean {
    const { rowCount } = this.#db.run(
      `INSERT INTO access_groups (id, name, created_at, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((${nameKey('name')})) DO NOTHING`,
      [group.id, group.name, group.createdAt, group.updatedAt],
    );
    return rowCount === 1;
  }

  findGroupById(id: string): Group | null {
    const row = this.#db.one<GroupRow>('SELECT * FROM access_groups WHERE id = $1', [id]);
    return row ? toGroup(row) : null;
  }

  listGroups(): Group[] {
    return this.#db
      .query<GroupRow>(`SELECT * FROM access_groups ORDER BY ${nameKey('name')}, id COLLATE "C"`)
      .map(toGroup);
  }

  renameGroup(id: string, name: string, at: number): boolean {
    // One statement: false when another group has the name; otherwise renamed (or no such group).
    const row = this.#db.one<{ taken: boolean }>(
      `WITH taken AS (
         SELECT 1 FROM access_groups WHERE ${nameKey('name')} = ${nameKey('$2::text')} AND id <> $1
       ), renamed AS (
         UPDATE access_groups SET name = $2, updated_at = $3
         WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM taken)
       )
       SELECT EXISTS (SELECT 1 FROM taken) AS taken`,
      [id, name, at],
    );
    return row?.taken === false;
  }

  deleteGroup(id: string): void {
    // Grants and restriction entries name the group without a foreign key; one statement
    // removes them with it (members go by ON DELETE CASCADE).
    this.#db.run(
      `WITH grants AS (
         DELETE FROM space_grants WHERE kind = 'group' AND principal_id = $1
       ), entries AS (
         DELETE FROM page_restriction_entries WHERE kind = 'group' AND principal_id = $1
       )
       DELETE FROM access_groups WHERE id = $1`,
      [id],
    );
  }

  addGroupMember(groupId: string, userId: string): boolean {
    const { rowCount } = this.#db.run(
      `INSERT INTO access_group_members (group_id, user_id)
       SELECT id, $2 FROM access_groups WHERE id = $1
       ON CONFLICT DO NOTHING`,
      [groupId, userId],
    );
    return rowCount === 1;
  }

  removeGroupMember(groupId: string, userId: string): boolean {
    const { rowCount } = this.#db.run(
      'DELETE FROM access_group_members WHERE group_id = $1 AND user_id = $2',
      [groupId, userId],
    );
    return rowCount === 1;
  }

  listGroupMembers(groupId: string): string[] {
    return this.#db
      .query<{ user_id: string }>(
        `SELECT user_id FROM access_group_members WHERE group_id = $1 ORDER BY user_id COLLATE "C"`,
        [groupId],
      )
      .map((row) => row.user_id);
  }

  listGroupsOfUser(userId: string): string[] {
    return this.#db
      .query<{ group_id: string }>(
        `SELECT group_id FROM access_group_members WHERE user_id = $1 ORDER BY group_id COLLATE "C"`,
        [userId],
      )
      .map((row) => row.group_id);
  }

  setSpaceGrant(grant: SpaceGrant): void {
    this.#db.run(
      `INSERT INTO space_grants (space_id, kind, principal_id, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (space_id, kind, principal_id) DO UPDATE SET role = excluded.role`,
      [grant.spaceId, grant.kind, grant.principalId, grant.role],
    );
  }

  removeSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): boolean {
    const { rowCount } = this.#db.run(
      'DELETE FROM space_grants WHERE space_id = $1 AND kind = $2 AND principal_id = $3',
      [spaceId, kind, principalId],
    );
    return rowCount === 1;
  }

  findSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): SpaceGrant | null {
    const row = this.#db.one<GrantRow>(
      'SELECT * FROM space_grants WHERE space_id = $1 AND kind = $2 AND principal_id = $3',
      [spaceId, kind, principalId],
    );
    return row ? toGrant(row) : null;
  }

  listSpaceGrants(spaceId: string): SpaceGrant[] {
    return this.#db
      .query<GrantRow>(
        `SELECT * FROM space_grants WHERE space_id = $1
         ORDER BY kind COLLATE "C", principal_id COLLATE "C"`,
        [spaceId],
      )
      .map(toGrant);
  }

  listGrantsOf(userId: string, groupIds: readonly string[]): SpaceGrant[] {
    return this.#db
      .query<GrantRow>(
        `SELECT * FROM space_grants
         WHERE (kind = 'user' AND principal_id = $1)
            OR (kind = 'group' AND principal_id = ANY ($2::text[]))
         ORDER BY space_id COLLATE "C", kind COLLATE "C", principal_id COLLATE "C"`,
        [userId, groupIds],
      )
      .map(toGrant);
  }

  listGrantsOfGroup(groupId: string): SpaceGrant[] {
    return this.#db
      .query<GrantRow>(
        `SELECT * FROM space_grants WHERE kind = 'group' AND principal_id = $1
         ORDER BY space_id COLLATE "C"`,
        [groupId],
      )
      .map(toGrant);
  }

  setPageRestriction(restriction: PageRestriction): void {
    const { pageId, view, edit } = restriction;
    const lists: string[] = [];
    const kinds: string[] = [];
    const principals: string[] = [];
    for (const [list, entries] of [
      ['view', view],
      ['edit', edit],
    ] as const) {
      for (const [kind, ids] of [
        ['user', entries?.users ?? []],
        ['group', entries?.groups ?? []],
      ] as const) {
        for (const id of ids) {
          lists.push(list);
          kinds.push(kind);
          principals.push(id);
        }
      }
    }
    this.#db.transaction(() =>
      this.#db.batch([
        {
          sql: `INSERT INTO page_restrictions
                  (page_id, view_restricted, edit_restricted, updated_by, updated_at)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (page_id) DO UPDATE SET view_restricted = excluded.view_restricted,
                  edit_restricted = excluded.edit_restricted, updated_by = excluded.updated_by,
                  updated_at = excluded.updated_at`,
          params: [
            pageId,
            view !== null,
            edit !== null,
            restriction.updatedBy,
            restriction.updatedAt,
          ],
        },
        { sql: 'DELETE FROM page_restriction_entries WHERE page_id = $1', params: [pageId] },
        {
          sql: `INSERT INTO page_restriction_entries (page_id, list, kind, principal_id)
                SELECT $1, entry.list, entry.kind, entry.principal_id
                FROM unnest($2::text[], $3::text[], $4::text[])
                  AS entry (list, kind, principal_id)
                ON CONFLICT DO NOTHING`,
          params: [pageId, lists, kinds, principals],
        },
      ]),
    );
  }

  removePageRestriction(pageId: string): boolean {
    return (
      this.#db.run('DELETE FROM page_restrictions WHERE page_id = $1', [pageId]).rowCount === 1
    );
  }

  findPageRestriction(pageId: string): PageRestriction | null {
    const [restrictions, entries] = this.#db.batch([
      { sql: 'SELECT * FROM page_restrictions WHERE page_id = $1', params: [pageId] },
      {
        sql: `SELECT * FROM page_restriction_entries WHERE page_id = $1
              ORDER BY principal_id COLLATE "C"`,
        params: [pageId],
      },
    ]);
    const row = restrictions?.rows[0] as RestrictionRow | undefined;
    return row ? toRestriction(row, (entries?.rows ?? []) as EntryRow[]) : null;
  }

  listPageRestrictions(): PageRestriction[] {
    const [restrictions, allEntries] = this.#db.batch([
      { sql: 'SELECT * FROM page_restrictions ORDER BY page_id COLLATE "C"' },
      { sql: 'SELECT * FROM page_restriction_entries ORDER BY principal_id COLLATE "C"' },
    ]);
    const entries = new Map<string, EntryRow[]>();
    for (const entry of (allEntries?.rows ?? []) as EntryRow[]) {
      const list = entries.get(entry.page_id) ?? [];
      list.push(entry);
      entries.set(entry.page_id, list);
    }
    return ((restrictions?.rows ?? []) as RestrictionRow[]).map((row) =>
      toRestriction(row, entries.get(row.page_id) ?? []),
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }
}

function toRestriction(row: RestrictionRow, entries: readonly EntryRow[]): PageRestriction {
  const listOf = (list: 'view' | 'edit'): PrincipalList => ({
    users: entries.filter((e) => e.list === list && e.kind === 'user').map((e) => e.principal_id),
    groups: entries.filter((e) => e.list === list && e.kind === 'group').map((e) => e.principal_id),
  });
  return {
    pageId: row.page_id,
    view: row.view_restricted ? listOf('view') : null,
    edit: row.edit_restricted ? listOf('edit') : null,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
