import type { DocumentLogStats, DocumentStore, StoredDocument } from './DocumentStore';

interface MemoryDocument {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  snapshotStateVector: Uint8Array | null;
  lastSeq: number;
  log: { seq: number; update: Uint8Array }[];
}

/**
 * `DocumentStore` kept in process memory: for tests and tools that need no durability. Bytes are
 * copied on the way in and out, so callers can never alter what is stored.
 */
export class MemoryDocumentStore implements DocumentStore {
  readonly #documents = new Map<string, MemoryDocument>();

  async load(docId: string): Promise<StoredDocument> {
    const document = this.#documents.get(docId);
    if (!document) {
      return { snapshot: null, snapshotSeq: 0, snapshotStateVector: null, updates: [], lastSeq: 0 };
    }
    return {
      snapshot: document.snapshot ? document.snapshot.slice() : null,
      snapshotSeq: document.snapshotSeq,
      snapshotStateVector: document.snapshotStateVector?.slice() ?? null,
      updates: document.log.map((entry) => entry.update.slice()),
      lastSeq: document.lastSeq,
    };
  }

  async append(docId: string, updates: readonly Uint8Array[]): Promise<number> {
    const copies = updates.map((update) => {
      if (!(update instanceof Uint8Array)) throw new TypeError('Updates must be Uint8Array.');
      return update.slice();
    });
    const document = this.#document(docId);
    for (const update of copies) {
      document.lastSeq += 1;
      document.log.push({ seq: document.lastSeq, update });
    }
    return document.lastSeq;
  }

  async compact(
    docId: string,
    snapshot: Uint8Array,
    upToSeq: number,
    stateVector?: Uint8Array,
  ): Promise<boolean> {
    const document = this.#document(docId);
    if (upToSeq > document.lastSeq) {
      throw new RangeError(
        `Cannot compact ${docId} up to ${upToSeq}: the log ends at ${document.lastSeq}.`,
      );
    }
    if (upToSeq <= document.snapshotSeq) return false;
    document.snapshot = snapshot.slice();
    document.snapshotSeq = upToSeq;
    document.snapshotStateVector = stateVector?.slice() ?? null;
    document.log = document.log.filter((entry) => entry.seq > upToSeq);
    return true;
  }

  async stats(docId: string): Promise<DocumentLogStats> {
    const document = this.#documents.get(docId);
    return {
      updates: document?.log.length ?? 0,
      updateBytes: document?.log.reduce((sum, entry) => sum + entry.update.byteLength, 0) ?? 0,
      snapshotBytes: document?.snapshot?.byteLength ?? 0,
      snapshotSeq: document?.snapshotSeq ?? 0,
      lastSeq: document?.lastSeq ?? 0,
    };
  }

  async remove(docId: string): Promise<void> {
    this.#documents.delete(docId);
  }

  #document(docId: string): MemoryDocument {
    let document = this.#documents.get(docId);
    if (!document) {
      document = { snapshot: null, snapshotSeq: 0, snapshotStateVector: null, lastSeq: 0, log: [] };
      this.#documents.set(docId, document);
    }
    return document;
  }
}
