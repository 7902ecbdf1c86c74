import type { Attachment } from './Attachment';

/** Persistence of attachment metadata; the bytes are in a `BlobStore`. */
export interface AttachmentStore {
  insertAttachment(attachment: Attachment): void;
  findAttachment(id: string): Attachment | null;
  /** A page's attachments, oldest first. */
  listAttachments(pageId: string): Attachment[];
}
