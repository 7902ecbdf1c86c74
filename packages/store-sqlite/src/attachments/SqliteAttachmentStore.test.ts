import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentStoreContract } from '@lore/core/testing';
import { afterEach, describe, it } from 'vitest';
import { type Db, openDatabase } from '../openDatabase';
import { SqliteAttachmentStore } from './SqliteAttachmentStore';

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A space and a page row, which attachments refer to. */
function createPage(db: Db, pageId: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO spaces (id, slug, name, created_at, updated_at)
     VALUES ('space', 'space', 'Space', 0, 0)`,
  ).run();
  db.prepare(
    `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
     VALUES (?, ?, 'space', 'V', ?, 0, 0)`,
  ).run(pageId, `s-${pageId}`, pageId);
}

attachmentStoreContract({ describe, it }, 'SqliteAttachmentStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-attachments-'));
  tempDirs.push(dir);
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqliteAttachmentStore(db),
    createPage: (pageId) => createPage(db, pageId),
    close: () => {
      db.close();
    },
  };
});
