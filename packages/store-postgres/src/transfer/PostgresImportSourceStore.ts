import type { ImportSourceStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

/** `ImportSourceStore` on the Lore PostgreSQL database. The space root is stored as ''. */
export class PostgresImportSourceStore implements ImportSourceStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  pagesBySource(spaceId: string, rootPageId: string | null): Map<string, string> {
    const rows = this.#db.query<{ source_path: string; page_id: string }>(
      'SELECT source_path, page_id FROM import_sources WHERE space_id = $1 AND root_page_id = $2',
      [spaceId, rootPageId ?? ''],
    );
    return new Map(rows.map((row) => [row.source_path, row.page_id]));
  }

  record(
    spaceId: string,
    rootPageId: string | null,
    entries: readonly { readonly sourcePath: string; readonly pageId: string }[],
    at: number,
  ): void {
    // One statement may not upsert a row twice; as with entries applied one by one, the last
    // mapping of a path wins.
    const last = new Map(entries.map((entry) => [entry.sourcePath, entry.pageId]));
    if (last.size === 0) return;
    this.#db.run(
      `INSERT INTO import_sources (space_id, root_page_id, source_path, page_id, imported_at)
       SELECT $1, $2, e.path, e.page, $5
       FROM unnest($3::text[], $4::text[]) AS e (path, page)
       ON CONFLICT (space_id, root_page_id, source_path)
       DO UPDATE SET page_id = excluded.page_id, imported_at = excluded.imported_at`,
      [spaceId, rootPageId ?? '', [...last.keys()], [...last.values()], at],
    );
  }

  forget(spaceId: string, rootPageId: string | null, sourcePaths: readonly string[]): void {
    if (sourcePaths.length === 0) return;
    this.#db.run(
      `DELETE FROM import_sources
       WHERE space_id = $1 AND root_page_id = $2 AND source_path = ANY($3::text[])`,
      [spaceId, rootPageId ?? '', sourcePaths],
    );
  }
}
