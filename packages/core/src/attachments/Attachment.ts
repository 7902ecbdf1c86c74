/** A file uploaded to a page. Its bytes live in the blob store under `sha256`. */
export interface Attachment {
  readonly id: string;
  readonly pageId: string;
  /** Sanitised name shown to people and used in download URLs (see `sanitizeFilename`). */
  readonly filename: string;
  /** Decided by looking at the bytes (`sniffMediaType`), never taken from the uploader. */
  readonly mediaType: string;
  readonly size: number;
  /** Lowercase hex SHA-256 of the bytes: the blob's key, and a strong ETag. */
  readonly sha256: string;
  readonly createdBy: string;
  readonly createdAt: number;
}
