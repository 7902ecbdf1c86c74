import type { DocumentStore } from '@lore/core';
import { MemoryDocumentStore } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogCompactor } from './LogCompactor';
import { RoomDocument } from './RoomDocument';

/** A store whose compactions are recorded, and a document whose every update is appended. */
async function setUp(limits: { compactAfterUpdates: number; compactAfterBytes: number }) {
  const memory = new MemoryDocumentStore();
  const compactions: number[] = [];
  const store: DocumentStore = {
    load: (docId) => memory.load(docId),
    append: (docId, updates) => memory.append(docId, updates),
    compact: (docId, snapshot, upToSeq, stateVector) => {
      compactions.push(upToSeq);
      return memory.compact(docId, snapshot, upToSeq, stateVector);
    },
    stats: (docId) => memory.stats(docId),
    remove: (docId) => memory.remove(docId),
  };
  const errors: unknown[] = [];
  const document = new RoomDocument(new Y.Doc(), {
    origin: 'room',
    onDecodeFailed: (error) => errors.push(error),
  });
  document.load(await store.load('doc'));
  const log = new LogCompactor({
    docId: 'doc',
    store,
    document,
    report: (error) => errors.push(error),
    ...limits,
  });
  /** Appends one insertion and applies it, as the commit pipeline does. */
  const commit = async (text: string) => {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, document.wholeUpdate());
    let update: Uint8Array | null = null;
    writer.on('update', (emitted: Uint8Array) => {
      update = emitted;
    });
    writer.getText('text').insert(0, text);
    if (!update) throw new Error('the insertion emitted no update');
    const lastSeq = await store.append('doc', [update]);
    document.apply([update], 'test');
    log.applied(lastSeq, [update]);
  };
  return { store, memory, log, commit, compactions, errors };
}

describe('LogCompactor', () => {
  it('folds the log once it holds compactAfterUpdates updates, and not before', async () => {
    const { memory, log, commit, compactions, errors } = await setUp({
      compactAfterUpdates: 3,
      compactAfterBytes: Number.POSITIVE_INFINITY,
    });
    await commit('a');
    await commit('b');
    log.compactIfDue();
    expect(compactions).toEqual([]);
    await commit('c');
    log.compactIfDue();
    expect(compactions).toEqual([3]);
    await log.compactAll();
    const stored = await memory.load('doc');
    expect(stored.updates).toHaveLength(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.snapshot as Uint8Array);
    expect(reloaded.getText('text').toString()).toBe('cba');
    // The folded updates no longer count towards the next compaction.
    log.compactIfDue();
    expect(compactions).toEqual([3]);
    expect(errors).toEqual([]);
  });

  it('folds only what was applied: an update appended meanwhile stays in the log', async () => {
    const { store, memory, log, commit, compactions } = await setUp({
      compactAfterUpdates: Number.POSITIVE_INFINITY,
      compactAfterBytes: Number.POSITIVE_INFINITY,
    });
    await commit('a');
    await commit('b');
    const pending = new Y.Doc();
    pending.getText('other').insert(0, 'not applied yet');
    await store.append('doc', [Y.encodeStateAsUpdate(pending)]);
    await log.compactAll();
    expect(compactions).toEqual([2]);
    const stored = await memory.load('doc');
    expect(stored.snapshotSeq).toBe(2);
    expect(stored.updates).toHaveLength(1);
  });

  it('counts the stored log tail it loaded', async () => {
    const { store, log, compactions } = await setUp({
      compactAfterUpdates: 2,
      compactAfterBytes: Number.POSITIVE_INFINITY,
    });
    const tail = new Y.Doc();
    const updates: Uint8Array[] = [];
    tail.on('update', (update: Uint8Array) => updates.push(update));
    tail.getText('text').insert(0, 'x');
    tail.getText('text').insert(0, 'y');
    await store.append('doc', updates);
    log.loaded(await store.load('doc'));
    log.compactIfDue();
    expect(compactions).toEqual([2]);
  });
});
