import type { User } from '../accounts/User';

/** A file stored as an attachment, as transfer needs it. */
export interface StoredAttachmentFile {
  readonly filename: string;
  readonly bytes: Uint8Array;
}

/**
 * Attachments as import and export use them: upload an imported image to a page, read an
 * exported image back. Implemented over the attachment service where it is wired.
 */
export interface TransferAttachments {
  /** Stores the bytes as an attachment of the page; resolves to the URL documents use. */
  upload(
    actor: User,
    pageId: string,
    file: { readonly filename: string; readonly bytes: Uint8Array },
  ): Promise<{ readonly url: string }>;
  /** The attachment behind a document URL (`/api/attachments/…`), or null when it is not one. */
  read(actor: User, url: string): Promise<StoredAttachmentFile | null>;
}
