import * as Y from 'yjs';

/**
 * What the server has delivered to one client: for every Yjs writer, the end clock of the
 * updates the client received from the server. Lore relays an update only after the store
 * committed it (`CommitPipeline`), so receiving it is the acknowledgement a client can observe:
 * everything recorded here must survive any crash, whichever process sent it.
 */
export class DeliveredClocks {
  readonly #seen = new Map<number, number>();
  readonly #doc: Y.Doc;
  readonly #onUpdate = (
    update: Uint8Array,
    _origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ): void => {
    // Local transactions are the client's own typing, not yet acknowledged by anyone.
    if (transaction.local) return;
    for (const [writer, end] of Y.parseUpdateMeta(update).to) {
      if (end > (this.#seen.get(writer) ?? 0)) this.#seen.set(writer, end);
    }
  };

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    doc.on('update', this.#onUpdate);
  }

  /** A copy of what was delivered so far. */
  snapshot(): Map<number, number> {
    return new Map(this.#seen);
  }

  stop(): void {
    this.#doc.off('update', this.#onUpdate);
  }

  /**
   * The first delivered update `stateVector` (a store's or a fresh client's) lacks, as a sentence,
   * or null when it holds everything in `delivered`.
   */
  static missing(
    delivered: ReadonlyMap<number, number>,
    stateVector: ReadonlyMap<number, number>,
  ): string | null {
    for (const [writer, end] of delivered) {
      const have = stateVector.get(writer) ?? 0;
      if (have < end) return `writer ${writer} was delivered up to clock ${end}, found ${have}`;
    }
    return null;
  }
}
