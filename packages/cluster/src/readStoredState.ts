import pg from 'pg';
import * as Y from 'yjs';

/**
 * A page document's Yjs state vector as PostgreSQL holds it — its snapshot, then the log after
 * it, read in one snapshot of the database — straight from the tables, not through a process:
 * a process's room may lag the store by the relay's latency (or the poll interval while Redis is
 * down), and what "acknowledged means durable" promises is about the store.
 */
export async function readStoredState(
  databaseUrl: string,
  docId: string,
): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = await client.query<{ snapshot: Buffer; up_to_seq: string }>(
      'SELECT snapshot, up_to_seq FROM document_snapshots WHERE doc_id = $1',
      [docId],
    );
    const [folded] = snapshot.rows;
    const updates = await client.query<{ data: Buffer }>(
      'SELECT data FROM document_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
      [docId, folded ? folded.up_to_seq : 0],
    );
    await client.query('COMMIT');
    const doc = new Y.Doc();
    try {
      doc.transact(() => {
        if (folded) Y.applyUpdate(doc, folded.snapshot);
        for (const row of updates.rows) Y.applyUpdate(doc, row.data);
      });
      return Y.decodeStateVector(Y.encodeStateVector(doc));
    } finally {
      doc.destroy();
    }
  } finally {
    await client.end();
  }
}
