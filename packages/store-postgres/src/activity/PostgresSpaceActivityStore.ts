import type {
  NewSpaceActivity,
  SpaceActivity,
  SpaceActivityCursor,
  SpaceActivityKind,
  SpaceActivityStore,
} from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

interface Row {
  id: number;
  space_id: string;
  page_id: string;
  actor_id: string | null;
  kind: SpaceActivityKind;
  at: number;
}

const activityOf = (row: Row): SpaceActivity => ({
  id: Number(row.id),
  spaceId: row.space_id,
  pageId: row.page_id,
  actorId: row.actor_id,
  kind: row.kind,
  at: Number(row.at),
});

const columns = 'id, space_id, page_id, actor_id, kind, at';

/** `SpaceActivityStore` on PostgreSQL (migration 0016). */
export class PostgresSpaceActivityStore implements SpaceActivityStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  record(activity: NewSpaceActivity): void {
    this.#db.run(
      `INSERT INTO space_activity (space_id, page_id, actor_id, kind, at, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (dedupe_key) DO UPDATE SET at = GREATEST(space_activity.at, excluded.at)`,
      [
        activity.spaceId,
        activity.pageId,
        activity.actorId,
        activity.kind,
        activity.at,
        activity.dedupeKey,
      ],
    );
  }

  list(spaceId: string, before: SpaceActivityCursor | null, limit: number): SpaceActivity[] {
    const rows =
      before === null
        ? this.#db.query<Row>(
            `SELECT ${columns} FROM space_activity WHERE space_id = $1
             ORDER BY at DESC, id DESC LIMIT $2`,
            [spaceId, limit],
          )
        : this.#db.query<Row>(
            `SELECT ${columns} FROM space_activity
             WHERE space_id = $1 AND (at, id) < ($2, $3)
             ORDER BY at DESC, id DESC LIMIT $4`,
            [spaceId, before.at, before.id, limit],
          );
    return rows.map(activityOf);
  }
}
