import type { ReadScope, TagCount, TagStore } from '@lore/core';
import { tagKey } from '@lore/core';
import type { Db } from '../openDatabase';

/** Page tags in the `page_tags` table (migration 0009). */
export class SqlitePageTagStore implements TagStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      tagsOf: db
        .prepare<[string], string>('SELECT tag FROM page_tags WHERE page_id = ? ORDER BY position')
        .pluck(),
      clear: db.prepare<[string]>('DELETE FROM page_tags WHERE page_id = ?'),
      insert: db.prepare<[string, string, string, number]>(
        'INSERT INTO page_tags (page_id, tag_key, tag, position) VALUES (?, ?, ?, ?)',
      ),
      list: db.prepare<[string, string, string, string, number], { tag: string; pages: number }>(
        `SELECT min(t.tag) AS tag, count(*) AS pages
           FROM page_tags t JOIN pages p ON p.id = t.page_id
          WHERE p.deleted_at IS NULL AND substr(t.tag_key, 1, length(?)) = ?
            AND p.space_id IN (SELECT value FROM json_each(?))
            AND p.id NOT IN (SELECT value FROM json_each(?))
          GROUP BY t.tag_key
          ORDER BY pages DESC, t.tag_key
          LIMIT ?`,
      ),
    };
  }

  tagsOf(pageId: string): string[] {
    return this.#statements.tagsOf.all(pageId);
  }

  setTags(pageId: string, tags: readonly string[]): void {
    this.#db.transaction(() => {
      this.#statements.clear.run(pageId);
      tags.forEach((tag, position) => {
        this.#statements.insert.run(pageId, tagKey(tag), tag, position);
      });
    })();
  }

  listTags(prefix: string, limit: number, scope: ReadScope): TagCount[] {
    return this.#statements.list.all(
      prefix,
      prefix,
      JSON.stringify(scope.readableSpaceIds),
      JSON.stringify(scope.hiddenPageIds),
      limit,
    );
  }
}
