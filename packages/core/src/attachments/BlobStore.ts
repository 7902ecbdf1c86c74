import type { Readable } from 'node:stream';

/**
 * Content-addressed storage of attachment bytes, keyed by their lowercase hex SHA-256. Writing
 * the same bytes twice stores them once.
 */
export interface BlobStore {
  /**
   * Stores `bytes` under `sha256` unless already present. Resolves only once the bytes are
   * durable, so metadata written afterwards never points at a missing blob.
   */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** The whole blob; rejects when it is missing. */
  read(sha256: string): Promise<Uint8Array>;
  /** The blob as a stream, for sending large files without holding them in memory. */
  stream(sha256: string): Readable;
}
