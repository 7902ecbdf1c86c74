import type { StoredDocument } from '@lore/core';
import * as Y from 'yjs';
import { applyStoredDocument } from './applyStoredDocument';
import { EncodedDocument } from './EncodedDocument';
import { isKnownUpdate } from './isKnownUpdate';

/**
 * Longest stored log tail merged into the encoded document at load. A longer one (left by a
 * crash) costs more to merge than the document costs to decode, so the room decodes it at once.
 */
const tailMergeLimit = 32;

/**
 * Smallest decoded document whose whole encoding is kept for the next client that has nothing
 * (see `missingFrom`): below this, encoding it again costs less than a millisecond.
 */
const wholeStateCacheBytes = 64 * 1024;

export interface RoomDocumentOptions {
  /**
   * Transaction origin of what the room applies on its own account: the stored state, and a
   * batch whose updates have different origins.
   */
  readonly origin: unknown;
  /**
   * The stored bytes parsed but do not apply, so the document is unusable: the room must fail.
   * Called before the error is thrown to whoever needed the document decoded.
   */
  readonly onDecodeFailed: (error: unknown) => void;
}

/**
 * The room document: what clients and server-side readers see, and only ever durable state
 * (`CommitPipeline` applies a change to it only once the store holds it). It stays encoded, as
 * stored, while clients only read it, and is decoded by the first write or server-side read.
 * Whichever form it is in, it answers a client's sync with as little work as it can.
 */
export class RoomDocument {
  readonly origin: unknown;
  readonly #doc: Y.Doc;
  readonly #onDecodeFailed: (error: unknown) => void;
  /** The whole state, not yet decoded into `#doc` (which is then empty); null once decoded. */
  #encoded: EncodedDocument | null = null;
  /** `Y.encodeStateAsUpdate` of the decoded document, while it has not changed since; or null. */
  #wholeState: Uint8Array | null = null;

  /** `doc` is the room's empty `Y.Doc`, which this fills from the store. */
  constructor(doc: Y.Doc, options: RoomDocumentOptions) {
    this.#doc = doc;
    this.origin = options.origin;
    this.#onDecodeFailed = options.onDecodeFailed;
  }

  /** Whether it is still held encoded, as stored (the store then holds exactly its state). */
  get encoded(): boolean {
    return this.#encoded !== null;
  }

  /** The document, decoded on first use. */
  get doc(): Y.Doc {
    this.decode();
    return this.#doc;
  }

  /** Takes the stored state: kept encoded, unless the log tail is too long to merge cheaply. */
  load(stored: Pick<StoredDocument, 'snapshot' | 'snapshotStateVector' | 'updates'>): void {
    if (stored.updates.length <= tailMergeLimit) {
      this.#encoded = EncodedDocument.fromStored(stored);
    } else {
      applyStoredDocument(this.#doc, stored, this.origin);
    }
  }

  /** What a client with `stateVector` lacks; throws on a malformed state vector. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    if (this.#encoded) return this.#encoded.missingFrom(stateVector);
    if (Y.decodeStateVector(stateVector).size > 0) {
      return Y.encodeStateAsUpdate(this.#doc, stateVector);
    }
    // A new client: the whole document, which several clients opening a large page at once
    // (or one after the other, while nobody types) can share.
    if (this.#wholeState) return this.#wholeState;
    const whole = Y.encodeStateAsUpdate(this.#doc);
    if (whole.byteLength >= wholeStateCacheBytes) this.#wholeState = whole;
    return whole;
  }

  /** The whole document as one update, without encoding it again when the bytes are at hand. */
  wholeUpdate(): Uint8Array {
    return this.#encoded?.update ?? this.#wholeState ?? Y.encodeStateAsUpdate(this.#doc);
  }

  stateVector(): Uint8Array {
    return this.#encoded ? this.#encoded.stateVector : Y.encodeStateVector(this.#doc);
  }

  /**
   * Whether a decoded update would change nothing here. Answered from the encoded bytes when
   * they tell; otherwise the document is decoded to answer.
   */
  holds(update: ReturnType<typeof Y.decodeUpdate>): boolean {
    return this.#encoded?.covers(update) || isKnownUpdate(this.doc, update);
  }

  /**
   * Decodes the encoded document, once. Stored bytes that parse but do not apply leave the
   * document unusable: `onDecodeFailed` runs and the error is thrown.
   */
  decode(): void {
    const encoded = this.#encoded;
    if (!encoded) return;
    this.#encoded = null;
    try {
      this.#doc.transact(() => Y.applyUpdate(this.#doc, encoded.update), this.origin);
    } catch (error) {
      this.#onDecodeFailed(error);
      throw error;
    }
  }

  /**
   * Applies stored updates in one transaction: one state-vector computation, one cleanup and
   * one event instead of one per keystroke.
   */
  apply(updates: readonly Uint8Array[], origin: unknown): void {
    this.#wholeState = null;
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, origin);
    }, origin);
  }

  /**
   * Applies updates that are already stored (another process committed them, or they were read
   * back from the store) in one transaction, and returns what they changed here as one update, or
   * null when the document held them all.
   */
  absorb(updates: readonly Uint8Array[], origin: unknown): Uint8Array | null {
    // Yjs may follow the change with a clean-up of formatting of its own: keep both.
    const changed: Uint8Array[] = [];
    const capture = (update: Uint8Array) => {
      changed.push(update);
    };
    const doc = this.doc;
    doc.on('update', capture);
    try {
      this.apply(updates, origin);
    } finally {
      doc.off('update', capture);
    }
    if (changed.length === 0) return null;
    return changed.length === 1 ? (changed[0] as Uint8Array) : Y.mergeUpdates(changed);
  }

  close(): void {
    this.#doc.destroy();
    this.#encoded = null;
    this.#wholeState = null;
  }
}
