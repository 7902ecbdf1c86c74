/**
 * What the store holds for one collaborative document: the newest snapshot plus every update
 * appended after it (the log tail). Applying `snapshot` and then `updates` in order rebuilds the
 * document exactly as it was acknowledged.
 */
export interface StoredDocument {
  /** A full Yjs state (`Y.encodeStateAsUpdate`), or `null` while the document was never compacted. */
  readonly snapshot: Uint8Array | null;
  /** The sequence number the snapshot folds in: every update with `seq <= snapshotSeq`. 0 without snapshot. */
  readonly snapshotSeq: number;
  /**
   * The state vector stored with the snapshot (see `DocumentStore.compact`), or `null` when it
   * was stored without one or there is no snapshot.
   */
  readonly snapshotStateVector: Uint8Array | null;
  /** The updates with `seq > snapshotSeq`, in append order. */
  readonly updates: readonly Uint8Array[];
  /** The highest sequence number ever handed out for this document (0 when none). */
  readonly lastSeq: number;
}

/** Size of one document's storage, for compaction decisions, metrics and tests. */
export interface DocumentLogStats {
  /** Log rows not yet folded into the snapshot. */
  readonly updates: number;
  /** Total bytes of those log rows. */
  readonly updateBytes: number;
  /** Bytes of the snapshot (0 when there is none). */
  readonly snapshotBytes: number;
  readonly snapshotSeq: number;
  readonly lastSeq: number;
}

/**
 * The durable home of collaborative documents: an append-only log of Yjs updates per document and
 * one snapshot that folds a prefix of that log. Documents are named by an opaque id (the page id);
 * the store knows nothing of Yjs beyond opaque bytes.
 *
 * Sequence numbers are per document, start at 1 and only grow: they are never reused, not even
 * after a compaction emptied the log, so an update appended after a snapshot can never be
 * mistaken for one the snapshot already contains.
 * One append numbers its updates consecutively (the last returned, the others just before it):
 * processes sharing a store tell from the numbers alone whether they missed an update.
 *
 * The methods return promises so that a networked store can implement the same port; the SQLite
 * store does its work synchronously inside the call.
 */
export interface DocumentStore {
  /** The snapshot and the log tail after it, read consistently (one read transaction). */
  load(docId: string): Promise<StoredDocument>;

  /**
   * Appends the updates, in order, in ONE transaction (group commit): once the promise resolves
   * they are durable, and either all of them or none are stored. Returns the sequence number of
   * the last stored update (the current `lastSeq` when `updates` is empty).
   */
  append(docId: string, updates: readonly Uint8Array[]): Promise<number>;

  /**
   * Replaces the snapshot with `snapshot`, which must contain every update with `seq <= upToSeq`,
   * and deletes exactly those log rows, in ONE transaction. Updates appended after the snapshot
   * was computed (`seq > upToSeq`) are kept. A stale call (`upToSeq` not above the current
   * snapshot's) changes nothing and returns `false`. Throws a `RangeError` when `upToSeq` is
   * above `lastSeq`, since a snapshot cannot contain updates that were never appended.
   *
   * `stateVector`, optional and opaque to the store, is kept with the snapshot and returned by
   * `load`: the snapshot's Yjs state vector, which a reader would otherwise compute by parsing
   * the whole snapshot.
   */
  compact(
    docId: string,
    snapshot: Uint8Array,
    upToSeq: number,
    stateVector?: Uint8Array,
  ): Promise<boolean>;

  stats(docId: string): Promise<DocumentLogStats>;

  /** Forgets the document entirely (snapshot and log), e.g. when its page is purged. */
  remove(docId: string): Promise<void>;
}
