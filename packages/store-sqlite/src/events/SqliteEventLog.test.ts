import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventOutboxContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { SqliteDocumentStore } from '../documents/SqliteDocumentStore';
import { openDatabase } from '../openDatabase';
import { SqliteConsumerState } from './SqliteConsumerState';
import { SqliteEventLog } from './SqliteEventLog';

eventOutboxContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-events-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  let now = 0;
  // Marks are written by the document store itself, in its append transaction.
  const documents = new SqliteDocumentStore(db, { clock: { now: () => now } });
  return {
    log: new SqliteEventLog(db),
    state: new SqliteConsumerState(db),
    markContentChanged: async (pageId, at) => {
      now = at;
      await documents.append(pageId, [Uint8Array.from([0, 0])]);
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
