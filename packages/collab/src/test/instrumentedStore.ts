import type { DocumentStore } from '@lore/core';

/** Counts and optionally delays or fails calls on a real store, to observe batching and races. */
export interface InstrumentedStore extends DocumentStore {
  readonly appendBatches: number[];
  /** How many times `load` reached the real store. */
  loads: number;
  /** While set, `load` rejects with this error. */
  failLoads: Error | null;
  /** Milliseconds each call waits before reaching the real store. */
  delayMs: number;
  /** While set, `append` rejects with this error before touching the real store. */
  failAppends: Error | null;
}

export function instrumentStore(store: DocumentStore): InstrumentedStore {
  const pause = async (ms: number) => {
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  };
  const instrumented: InstrumentedStore = {
    appendBatches: [],
    loads: 0,
    failLoads: null,
    delayMs: 0,
    failAppends: null,
    async load(docId) {
      await pause(instrumented.delayMs);
      if (instrumented.failLoads) throw instrumented.failLoads;
      instrumented.loads += 1;
      return store.load(docId);
    },
    async append(docId, updates) {
      await pause(instrumented.delayMs);
      if (instrumented.failAppends) throw instrumented.failAppends;
      const lastSeq = await store.append(docId, updates);
      instrumented.appendBatches.push(updates.length);
      return lastSeq;
    },
    async compact(docId, snapshot, upToSeq, stateVector) {
      await pause(instrumented.delayMs);
      return store.compact(docId, snapshot, upToSeq, stateVector);
    },
    stats: (docId) => store.stats(docId),
    remove: (docId) => store.remove(docId),
  };
  return instrumented;
}
