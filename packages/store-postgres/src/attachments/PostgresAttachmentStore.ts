import type { Attachment, AttachmentStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

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

/**
 * `AttachmentStore` on PostgreSQL (migration `0005_attachments.sql`): metadata only; the bytes
 * are in a `BlobStore`, a directory every process of the cluster shares.
 */
export class PostgresAttachmentStore implements AttachmentStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertAttachment(attachment: Attachment): void {
    this.#db.run(
      `INSERT INTO attachments (id, page_id, filename, media_type, size, sha256, created_by,
                                created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        attachment.id,
        attachment.pageId,
        attachment.filename,
        attachment.mediaType,
        attachment.size,
        attachment.sha256,
        attachment.createdBy,
        attachment.createdAt,
      ],
    );
  }

  findAttachment(id: string): Attachment | null {
    const row = this.#db.one<AttachmentRow>('SELECT * FROM attachments WHERE id = $1', [id]);
    return row ? toAttachment(row) : null;
  }

  listAttachments(pageId: string): Attachment[] {
    // Ties in time go by id in byte order, as in SQLite, whatever the database's collation.
    return this.#db
      .query<AttachmentRow>(
        'SELECT * FROM attachments WHERE page_id = $1 ORDER BY created_at, id COLLATE "C"',
        [pageId],
      )
      .map(toAttachment);
  }
}
