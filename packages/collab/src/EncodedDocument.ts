import type { StoredDocument } from '@lore/core';
import * as Y from 'yjs';

/**
 * A document held as one encoded Yjs update (the stored snapshot with its log tail merged in)
 * instead of a decoded `Y.Doc`. A room keeps its document this way until something needs it
 * decoded (the first write, a server-side read): answering a reader's sync then costs a copy of
 * bytes rather than decoding the whole document, and the bytes take far less memory than the
 * decoded structs. Most opens of a wiki page only read it.
 */
export class EncodedDocument {
  /** The whole state, as `Y.encodeStateAsUpdate` of the decoded document would give it. */
  readonly update: Uint8Array;
  #stateVector: Uint8Array | null = null;
  #clocks: Map<number, number> | null = null;

  private constructor(update: Uint8Array, stateVector: Uint8Array | null) {
    this.update = update;
    this.#stateVector = stateVector;
  }

  /**
   * Its state vector, encoded (what the server's sync step 1 sends). Unless it was stored with
   * the snapshot, it is computed on first use, by a pass over every struct.
   */
  get stateVector(): Uint8Array {
    this.#stateVector ??= Y.encodeStateVectorFromUpdate(this.update);
    return this.#stateVector;
  }

  /**
   * The stored snapshot and log tail as one update, or null for a document with nothing stored
   * (an empty document costs nothing to decode). Merging costs about as much as reading every
   * part once, so callers keep the tail short.
   */
  static fromStored(
    stored: Pick<StoredDocument, 'snapshot' | 'snapshotStateVector' | 'updates'>,
  ): EncodedDocument | null {
    const { snapshot, snapshotStateVector, updates } = stored;
    const parts = snapshot ? [snapshot, ...updates] : [...updates];
    const [first] = parts;
    if (!first) return null;
    return new EncodedDocument(
      parts.length === 1 ? first : Y.mergeUpdates(parts),
      snapshot && snapshotStateVector ? extendStateVector(snapshotStateVector, updates) : null,
    );
  }

  /**
   * What a client with `stateVector` lacks, like `Y.encodeStateAsUpdate(doc, stateVector)`: the
   * structs past its clocks and the whole delete set. A client with nothing gets the stored
   * bytes as they are. Throws on a malformed state vector.
   */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    const known = Y.decodeStateVector(stateVector);
    if (known.size === 0) return this.update;
    return Y.diffUpdate(this.update, stateVector);
  }

  /**
   * Whether a decoded update certainly changes nothing: it deletes nothing and every struct it
   * carries is already here. False means "cannot tell without decoding", not "new".
   */
  covers(update: ReturnType<typeof Y.decodeUpdate>): boolean {
    for (const ranges of update.ds.clients.values()) {
      if (ranges.some((range) => range.len > 0)) return false;
    }
    if (update.structs.length === 0) return true;
    this.#clocks ??= Y.decodeStateVector(this.stateVector);
    const clocks = this.#clocks;
    return update.structs.every(
      (struct) => struct.id.clock + struct.length <= (clocks.get(struct.id.client) ?? 0),
    );
  }
}

/**
 * The state vector `stateVector` becomes with `updates` applied, read from their headers; null
 * when one does not follow on from what came before (the caller then computes it from the
 * merged bytes).
 */
function extendStateVector(
  stateVector: Uint8Array,
  updates: readonly Uint8Array[],
): Uint8Array | null {
  const clocks = Y.decodeStateVector(stateVector);
  for (const update of updates) {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of to) {
      if ((from.get(client) ?? 0) > (clocks.get(client) ?? 0)) return null;
      clocks.set(client, Math.max(clock, clocks.get(client) ?? 0));
    }
  }
  return updates.length === 0 ? stateVector : Y.encodeStateVector(clocks);
}
