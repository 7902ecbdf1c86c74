import type { Attachment, AttachmentStore } from '@lore/core';
import type { Db } from '../openDatabase';

interface AttachmentRow {
  id: string;
  page_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  created_by: string;
  created_at: number;
}

const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  pageId: row.page_id,
  filename: row.filename,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** `AttachmentStore` on the Lore SQLite database (metadata only; bytes are in a `BlobStore`). */
export class SqliteAttachmentStore implements AttachmentStore {
  readonly #statements;

  constructor(db: Db) {
    this.#statements = {
      insert: db.prepare<[Attachment]>(
        `INSERT INTO attachments (id, page_id, filename, media_type, size, sha256, created_by,
                                  created_at)
         VALUES (@id, @pageId, @filename, @mediaType, @size, @sha256, @createdBy, @createdAt)`,
      ),
      byId: db.prepare<[string], AttachmentRow>('SELECT * FROM attachments WHERE id = ?'),
      byPage: db.prepare<[string], AttachmentRow>(
        'SELECT * FROM attachments WHERE page_id = ? ORDER BY created_at, id',
      ),
    };
  }

  insertAttachment(attachment: Attachment): void {
    this.#statements.insert.run(attachment);
  }

  findAttachment(id: string): Attachment | null {
    const row = this.#statements.byId.get(id);
    return row ? toAttachment(row) : null;
  }

  listAttachments(pageId: string): Attachment[] {
    return this.#statements.byPage.all(pageId).map(toAttachment);
  }
}
