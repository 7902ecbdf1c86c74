import { Readable } from 'node:stream';
import type { BlobStore } from './BlobStore';

/** `BlobStore` in memory, for tests and tools that need no disk. */
export class MemoryBlobStore implements BlobStore {
  readonly #blobs = new Map<string, Uint8Array>();

  /** How many distinct blobs are held (deduplication is observable in tests). */
  get size(): number {
    return this.#blobs.size;
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    if (!this.#blobs.has(sha256)) this.#blobs.set(sha256, Uint8Array.from(bytes));
  }

  async has(sha256: string): Promise<boolean> {
    return this.#blobs.has(sha256);
  }

  async read(sha256: string): Promise<Uint8Array> {
    const bytes = this.#blobs.get(sha256);
    if (!bytes) throw new Error(`Blob ${sha256} is missing.`);
    return Uint8Array.from(bytes);
  }

  stream(sha256: string): Readable {
    const bytes = this.#blobs.get(sha256);
    if (!bytes) {
      return new Readable({
        read() {
          this.destroy(new Error(`Blob ${sha256} is missing.`));
        },
      });
    }
    return Readable.from([Buffer.from(bytes)]);
  }
}
