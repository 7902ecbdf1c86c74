import type { SearchDocument } from '@lore/core';
import type { PostgresDocumentWriter } from './PostgresDocumentWriter';

/**
 * Replaces every page with the ones given, batch by batch (one transaction each, so other
 * processes keep searching and indexing meanwhile), then recomputes the vocabulary and the space
 * counts from what was stored. Resolves to the number of pages indexed.
 */
export async function rebuildPostgresIndex(
  writer: PostgresDocumentWriter,
  batches: AsyncIterable<readonly SearchDocument[]>,
): Promise<number> {
  await writer.clear();
  let indexed = 0;
  for await (const batch of batches) {
    await writer.bulkInsert(batch);
    indexed += batch.length;
  }
  await writer.recount();
  return indexed;
}
