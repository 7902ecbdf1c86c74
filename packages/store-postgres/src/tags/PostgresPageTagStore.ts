import type { ReadScope, TagCount, TagStore } from '@lore/core';
import { tagKey } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

/**
 * Page tags in the `page_tags` table. Keys are lowercased here with core's `tagKey`, not by the
 * database, so both stores fold case exactly alike; tag and key are COLLATE "C", so the spelling
 * shown and the order of ties are byte order, as in SQLite.
 */
export class PostgresPageTagStore implements TagStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  tagsOf(pageId: string): string[] {
    return this.#db
      .query<{ tag: string }>('SELECT tag FROM page_tags WHERE page_id = $1 ORDER BY position', [
        pageId,
      ])
      .map((row) => row.tag);
  }

  setTags(pageId: string, tags: readonly string[]): void {
    const inserts =
      tags.length === 0
        ? []
        : [
            {
              sql: `INSERT INTO page_tags (page_id, tag_key, tag, position)
                    SELECT $1, t.key, t.tag, t.n - 1
                    FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t (key, tag, n)`,
              params: [pageId, tags.map(tagKey), tags],
            },
          ];
    this.#db.transaction(() => {
      this.#db.batch([
        { sql: 'DELETE FROM page_tags WHERE page_id = $1', params: [pageId] },
        ...inserts,
      ]);
    });
  }

  listTags(prefix: string, limit: number, scope: ReadScope): TagCount[] {
    return this.#db.query<TagCount>(
      `SELECT min(t.tag) AS tag, count(*) AS pages
         FROM page_tags t JOIN pages p ON p.id = t.page_id
        WHERE p.deleted_at IS NULL AND starts_with(t.tag_key, $1)
          AND p.space_id = ANY($2::text[]) AND p.id <> ALL($3::text[])
        GROUP BY t.tag_key
        ORDER BY pages DESC, t.tag_key
        LIMIT $4`,
      [prefix, scope.readableSpaceIds, scope.hiddenPageIds, limit],
    );
  }
}
