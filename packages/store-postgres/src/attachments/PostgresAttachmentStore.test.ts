import { attachmentStoreContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import type { PostgresDatabase } from '../PostgresDatabase';
import { PostgresError } from '../PostgresError';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresAttachmentStore } from './PostgresAttachmentStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresAttachmentStore');

/** A space and a page row, which attachments refer to. */
function createPage(db: PostgresDatabase, pageId: string): void {
  db.run(
    `INSERT INTO spaces (id, slug, name, created_at, updated_at)
     VALUES ('space', 'space', 'Space', 0, 0) ON CONFLICT DO NOTHING`,
  );
  db.run(
    `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
     VALUES ($1, $2, 'space', 'V', $1, 0, 0)`,
    [pageId, `s-${pageId}`],
  );
}

attachmentStoreContract(
  { describe: describe.runIf(available), it },
  'PostgresAttachmentStore',
  () => {
    const { db } = createTestDatabase();
    return {
      store: new PostgresAttachmentStore(db),
      createPage: (pageId) => createPage(db, pageId),
      close: () => db.close(),
    };
  },
);

describe.runIf(available)('PostgresAttachmentStore', () => {
  const attachment = (id: string, pageId: string) => ({
    id,
    pageId,
    filename: 'a.png',
    mediaType: 'image/png',
    size: 5_000_000_000,
    sha256: 'cd'.repeat(32),
    createdBy: 'user-1',
    createdAt: 1_700_000_000_000,
  });

  it('keeps sizes beyond 32 bits, refuses a page that does not exist and forgets them with the page', async () => {
    const { db } = createTestDatabase();
    try {
      createPage(db, 'p1');
      const store = new PostgresAttachmentStore(db);
      store.insertAttachment(attachment('a1', 'p1'));
      expect(store.findAttachment('a1')?.size).toBe(5_000_000_000);
      expect(() => store.insertAttachment(attachment('a2', 'missing'))).toThrow(PostgresError);
      db.run('DELETE FROM pages WHERE id = $1', ['p1']);
      expect(store.findAttachment('a1')).toBeNull();
    } finally {
      await db.close();
    }
  });
});
