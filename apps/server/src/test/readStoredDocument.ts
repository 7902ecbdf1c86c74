import { applyStoredDocument } from '@lore/collab';
import { SqliteDocumentStore } from '@lore/store-sqlite';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * Rebuilds a page document straight from a Lore database file (snapshot, then the update log),
 * the way a restarted server would load it. Opens the file read-only, so it also works while
 * the WAL of a killed server is still there, and leaves recovery to the next server.
 */
export async function readStoredDocument(databasePath: string, docId: string): Promise<Y.Doc> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const stored = await new SqliteDocumentStore(db).load(docId);
    const doc = new Y.Doc();
    applyStoredDocument(doc, stored);
    return doc;
  } finally {
    db.close();
  }
}
