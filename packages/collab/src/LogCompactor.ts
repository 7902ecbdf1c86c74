import type { DocumentStore, StoredDocument } from '@lore/core';
import type { CollabErrorContext } from './CollabServerOptions';
import type { RoomDocument } from './RoomDocument';

export interface LogCompactorOptions {
  readonly docId: string;
  readonly store: DocumentStore;
  /** Fold once the log holds this many updates… */
  readonly compactAfterUpdates: number;
  /** …or this many bytes. */
  readonly compactAfterBytes: number;
  /** What is folded: the room document, which holds exactly what was applied. */
  readonly document: RoomDocument;
  readonly report: (error: unknown, during: CollabErrorContext['during']) => void;
}

/**
 * Keeps a room's stored log short: counts what the store appended since the last snapshot and,
 * past `compactAfterUpdates` or `compactAfterBytes`, folds everything applied so far into a new
 * snapshot. One compaction runs at a time. Folding only what was applied (up to the sequence
 * number of the last applied batch) lets appends go on meanwhile: the store keeps what is newer.
 */
export class LogCompactor {
  readonly #options: LogCompactorOptions;
  #lastAppliedSeq = 0;
  #logUpdates = 0;
  #logBytes = 0;
  #compaction: Promise<void> | null = null;

  constructor(options: LogCompactorOptions) {
    this.#options = options;
  }

  /** Whether a compaction is running. */
  get compacting(): boolean {
    return this.#compaction !== null;
  }

  /** The room loaded `stored`: its log tail counts towards the next compaction. */
  loaded(stored: Pick<StoredDocument, 'lastSeq' | 'updates'>): void {
    this.#lastAppliedSeq = stored.lastSeq;
    this.#logUpdates = stored.updates.length;
    this.#logBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
  }

  /** `updates` were appended (the last with sequence number `lastSeq`) and applied. */
  applied(lastSeq: number, updates: readonly Uint8Array[]): void {
    this.#lastAppliedSeq = lastSeq;
    for (const update of updates) {
      this.#logUpdates += 1;
      this.#logBytes += update.byteLength;
    }
  }

  /** Starts a compaction in the background when the log passed a limit. */
  compactIfDue(): void {
    if (
      this.#logUpdates >= this.#options.compactAfterUpdates ||
      this.#logBytes >= this.#options.compactAfterBytes
    ) {
      this.compact().catch((error) => this.#options.report(error, 'compact'));
    }
  }

  /**
   * Folds everything applied so far into a snapshot. Updates appended meanwhile have a higher
   * sequence number than `upToSeq`, so the store keeps them.
   */
  compact(): Promise<void> {
    if (this.#compaction) return this.#compaction;
    if (this.#logUpdates === 0) return Promise.resolve();
    const upToSeq = this.#lastAppliedSeq;
    const folded = this.#logUpdates;
    const foldedBytes = this.#logBytes;
    const { document, store, docId } = this.#options;
    // A document never decoded folds into its merged bytes: no reason to decode it just for this.
    const snapshot = document.wholeUpdate();
    // Stored with it, so the next load need not parse the snapshot to send a state vector.
    const stateVector = document.stateVector();
    this.#compaction = (async () => {
      try {
        await store.compact(docId, snapshot, upToSeq, stateVector);
        this.#logUpdates -= folded;
        this.#logBytes -= foldedBytes;
      } finally {
        this.#compaction = null;
      }
    })();
    return this.#compaction;
  }

  /** Waits for a running compaction (whatever its outcome), then folds what is left. */
  async compactAll(): Promise<void> {
    if (this.#compaction) await this.#compaction.catch(() => {});
    await this.compact();
  }
}
