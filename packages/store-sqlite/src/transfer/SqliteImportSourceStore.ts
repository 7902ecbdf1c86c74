import type { ImportSourceStore } from '@lore/core';
import type { Db } from '../openDatabase';

/** `ImportSourceStore` on the Lore SQLite database. */
export class SqliteImportSourceStore implements ImportSourceStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      list: db.prepare<[string, string], { source_path: string; page_id: string }>(
        'SELECT source_path, page_id FROM import_sources WHERE space_id = ? AND root_page_id = ?',
      ),
      upsert: db.prepare<[string, string, string, string, number]>(
        `INSERT INTO import_sources (space_id, root_page_id, source_path, page_id, imported_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (space_id, root_page_id, source_path)
         DO UPDATE SET page_id = excluded.page_id, imported_at = excluded.imported_at`,
      ),
      remove: db.prepare<[string, string, string]>(
        'DELETE FROM import_sources WHERE space_id = ? AND root_page_id = ? AND source_path = ?',
      ),
    };
  }

  pagesBySource(spaceId: string, rootPageId: string | null): Map<string, string> {
    const rows = this.#statements.list.all(spaceId, rootPageId ?? '');
    return new Map(rows.map((row) => [row.source_path, row.page_id]));
  }

  record(
    spaceId: string,
    rootPageId: string | null,
    entries: readonly { readonly sourcePath: string; readonly pageId: string }[],
    at: number,
  ): void {
    this.#db.transaction(() => {
      for (const entry of entries) {
        this.#statements.upsert.run(spaceId, rootPageId ?? '', entry.sourcePath, entry.pageId, at);
      }
    })();
  }

  forget(spaceId: string, rootPageId: string | null, sourcePaths: readonly string[]): void {
    this.#db.transaction(() => {
      for (const path of sourcePaths) this.#statements.remove.run(spaceId, rootPageId ?? '', path);
    })();
  }
}
