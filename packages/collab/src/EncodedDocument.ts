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
  /** Its deleted ranges per client, sorted and merged; read on first use. */
  #deleted: Map<number, readonly { clock: number; len: number }[]> | null = null;

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
   * Whether a decoded update changes nothing: every struct it carries is already here and
   * everything it deletes is already deleted. A returning client answers the server's sync
   * step 1 with all it has, its whole delete set included, so this is what keeps a page that
   * such a client only reads from being decoded.
   */
  covers(update: ReturnType<typeof Y.decodeUpdate>): boolean {
    if (update.structs.length > 0) {
      this.#clocks ??= Y.decodeStateVector(this.stateVector);
      const clocks = this.#clocks;
      const known = update.structs.every(
        (struct) => struct.id.clock + struct.length <= (clocks.get(struct.id.client) ?? 0),
      );
      if (!known) return false;
    }
    for (const [client, ranges] of update.ds.clients) {
      for (const { clock, len } of ranges) {
        if (len > 0 && !this.#isDeleted(client, clock, len)) return false;
      }
    }
    return true;
  }

  /** Whether the whole range is deleted here (a pass over the encoded document, once). */
  #isDeleted(client: number, clock: number, len: number): boolean {
    this.#deleted ??= Y.mergeDeleteSets([Y.decodeUpdate(this.update).ds]).clients;
    const ranges = this.#deleted.get(client);
    if (!ranges) return false;
    // The last range starting at or before `clock`.
    let low = 0;
    let high = ranges.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((ranges[middle] as { clock: number }).clock <= clock) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    const range = ranges[found];
    return range !== undefined && range.clock + range.len >= clock + len;
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
