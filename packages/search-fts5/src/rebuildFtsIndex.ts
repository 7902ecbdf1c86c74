import type { SearchDocument } from '@lore/core';
import type Database from 'better-sqlite3';
import type { FtsDocumentWriter } from './FtsDocumentWriter';
import type { FtsVocabulary } from './FtsVocabulary';

/** FTS5's default; restored after a rebuild. */
const automerge = 4;

/**
 * Replaces every page with the ones given, batch by batch: pages are bulk-inserted with
 * segment merging off, then merged once, and the vocabulary and space counts are recomputed
 * from what was stored. Resolves to the number of pages indexed.
 */
export async function rebuildFtsIndex(
  db: Database.Database,
  writer: FtsDocumentWriter,
  vocabulary: FtsVocabulary,
  batches: AsyncIterable<readonly SearchDocument[]>,
): Promise<number> {
  writer.clear();
  // Merging segments while loading costs more than one merge at the end.
  db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)`);
  let indexed = 0;
  try {
    for await (const batch of batches) {
      writer.bulkInsert(batch);
      indexed += batch.length;
    }
    db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
    db.transaction(() => {
      vocabulary.rebuild();
      db.exec(
        `DELETE FROM search_spaces;
         INSERT INTO search_spaces (space_id, docs)
         SELECT space_id, count(*) FROM search_docs GROUP BY space_id;`,
      );
    })();
  } finally {
    db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ${automerge})`);
  }
  return indexed;
}
