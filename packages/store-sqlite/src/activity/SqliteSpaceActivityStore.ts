import type {
  NewSpaceActivity,
  SpaceActivity,
  SpaceActivityCursor,
  SpaceActivityKind,
  SpaceActivityStore,
} from '@lore/core';
import type { Db } from '../openDatabase';

interface Row {
  id: number;
  space_id: string;
  page_id: string;
  actor_id: string | null;
  kind: SpaceActivityKind;
  at: number;
}

const activityOf = (row: Row): SpaceActivity => ({
  id: row.id,
  spaceId: row.space_id,
  pageId: row.page_id,
  actorId: row.actor_id,
  kind: row.kind,
  at: row.at,
});

/** `SpaceActivityStore` on the Lore SQLite database (migration 0022). */
export class SqliteSpaceActivityStore implements SpaceActivityStore {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      record: db.prepare<[string, string, string | null, string, number, string]>(
        `INSERT INTO space_activity (space_id, page_id, actor_id, kind, at, dedupe_key)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (dedupe_key) DO UPDATE SET at = max(at, excluded.at)`,
      ),
      latest: db.prepare<[string, number], Row>(
        `SELECT id, space_id, page_id, actor_id, kind, at FROM space_activity
         WHERE space_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
      ),
      before: db.prepare<[string, number, number, number, number], Row>(
        `SELECT id, space_id, page_id, actor_id, kind, at FROM space_activity
         WHERE space_id = ? AND (at < ? OR (at = ? AND id < ?))
         ORDER BY at DESC, id DESC LIMIT ?`,
      ),
    };
  }

  record(activity: NewSpaceActivity): void {
    this.#s.record.run(
      activity.spaceId,
      activity.pageId,
      activity.actorId,
      activity.kind,
      activity.at,
      activity.dedupeKey,
    );
  }

  list(spaceId: string, before: SpaceActivityCursor | null, limit: number): SpaceActivity[] {
    const rows =
      before === null
        ? this.#s.latest.all(spaceId, limit)
        : this.#s.before.all(spaceId, before.at, before.at, before.id, limit);
    return rows.map(activityOf);
  }
}
