import * as Y from 'yjs';

/** What a change made on the scratch copy emitted: only what was new, never a no-op. */
export interface ScratchChange {
  readonly update: Uint8Array;
  /** The change's own transaction (not Yjs's follow-up clean-up, see `ScratchCopy.change`). */
  readonly transaction: Y.Transaction;
}

export interface ScratchCopyOptions {
  readonly docId: string;
  readonly gc: boolean;
  /** Released after this long without a stored write. */
  readonly idleMs: number;
  /** The updates the copy is built from: the room document's state, then what waits for the store. */
  readonly source: () => readonly Uint8Array[];
  /** Whether it may be released now (the room is open and every write is stored). */
  readonly canRelease: () => boolean;
}

/**
 * A room's working copy: the room document plus the updates waiting for the store, on which
 * every change is made and validated before it is stored. Built at the first write, so a page
 * that is only read is never copied; released once no write was stored for `idleMs`, so a page
 * left open but no longer edited holds its document once; dropped after a change that threw or
 * was refused, so the next write rebuilds it from durable state.
 */
export class ScratchCopy {
  readonly #options: ScratchCopyOptions;
  #doc: Y.Doc | null = null;
  #emitted: ScratchChange[] = [];
  #lastWriteAt = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: ScratchCopyOptions) {
    this.#options = options;
  }

  /** Whether a copy is built now. */
  get held(): boolean {
    return this.#doc !== null;
  }

  /** The copy, built when first needed. */
  doc(): Y.Doc {
    if (this.#doc) return this.#doc;
    const doc = new Y.Doc({ gc: this.#options.gc, guid: this.#options.docId });
    for (const update of this.#options.source()) Y.applyUpdate(doc, update);
    doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction) => {
      this.#emitted.push({ update, transaction });
    });
    this.#doc = doc;
    return doc;
  }

  /**
   * Runs `apply` on the copy and returns what it emitted, or null when nothing changed. When
   * `apply` throws, the copy (maybe half-changed) is dropped and the error goes on.
   *
   * One change may emit more than one update: when a change deletes text next to formatting it
   * did not know of (a mark someone else placed), Yjs cleans the formatting up in a transaction
   * of its own right after. Both are what the change did, so both are kept, as one update.
   */
  change(apply: (doc: Y.Doc) => void): ScratchChange | null {
    this.#emitted = [];
    try {
      apply(this.doc());
    } catch (error) {
      this.drop();
      throw error;
    }
    const emitted = this.#emitted;
    this.#emitted = [];
    const [first] = emitted;
    if (first === undefined) return null;
    if (emitted.length === 1) return first;
    return {
      update: Y.mergeUpdates(emitted.map((change) => change.update)),
      transaction: first.transaction,
    };
  }

  /**
   * Brings a held copy up to date with a stored change the room document just took in from
   * elsewhere (another process). Without a copy there is nothing to do: the next one is built
   * from the room document.
   */
  absorb(update: Uint8Array): void {
    if (!this.#doc) return;
    try {
      Y.applyUpdate(this.#doc, update);
    } catch (error) {
      this.drop();
      throw error;
    } finally {
      this.#emitted = [];
    }
  }

  /** Drops the copy; the next write builds it again from durable state. */
  drop(): void {
    this.#doc?.destroy();
    this.#doc = null;
    this.#emitted = [];
  }

  /** A write was stored: the copy is kept at least `idleMs` more. */
  wrote(): void {
    this.#lastWriteAt = performance.now();
    this.#armRelease(this.#options.idleMs);
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.drop();
  }

  /** One timer per copy, re-armed for the time left when it fires early. */
  #armRelease(delayMs: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#doc) return;
      const idleFor = performance.now() - this.#lastWriteAt;
      if (idleFor >= this.#options.idleMs && this.#options.canRelease()) this.drop();
      else this.#armRelease(Math.max(1, this.#options.idleMs - idleFor));
    }, delayMs);
    this.#timer.unref();
  }
}
