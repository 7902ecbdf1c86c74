import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EncodedDocument } from './EncodedDocument';

/** A document typed by two clients, its snapshot after `split` updates and the updates after. */
function history(split: number) {
  const docs = [new Y.Doc(), new Y.Doc()];
  const updates: Uint8Array[] = [];
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      updates.push(update);
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'remote');
    });
  }
  for (let index = 0; index < 8; index++) {
    const doc = docs[index % 2] as Y.Doc;
    doc.transact(() => {
      doc.getText('text').insert(0, `${index};`);
      if (index % 3 === 2) doc.getText('text').delete(1, 2);
    });
  }
  const snapshotDoc = new Y.Doc();
  for (const update of updates.slice(0, split)) Y.applyUpdate(snapshotDoc, update);
  return {
    full: docs[0] as Y.Doc,
    snapshot: Y.encodeStateAsUpdate(snapshotDoc),
    snapshotStateVector: Y.encodeStateVector(snapshotDoc),
    tail: updates.slice(split),
  };
}

const clocks = (stateVector: Uint8Array) => Object.fromEntries(Y.decodeStateVector(stateVector));

describe('EncodedDocument', () => {
  it('is nothing for a document with nothing stored', () => {
    expect(
      EncodedDocument.fromStored({ snapshot: null, snapshotStateVector: null, updates: [] }),
    ).toBeNull();
  });

  it('extends the stored state vector with the log tail, as parsing the merged bytes would', () => {
    const { full, snapshot, snapshotStateVector, tail } = history(5);
    const encoded = EncodedDocument.fromStored({ snapshot, snapshotStateVector, updates: tail });
    const parsed = EncodedDocument.fromStored({
      snapshot,
      snapshotStateVector: null,
      updates: tail,
    });
    expect(clocks(encoded?.stateVector as Uint8Array)).toEqual(clocks(Y.encodeStateVector(full)));
    expect(clocks(parsed?.stateVector as Uint8Array)).toEqual(clocks(Y.encodeStateVector(full)));
  });

  it('gives a client what it lacks, and all of it to a client with nothing', () => {
    const { full, snapshot, snapshotStateVector, tail } = history(3);
    const encoded = EncodedDocument.fromStored({
      snapshot,
      snapshotStateVector,
      updates: tail,
    }) as EncodedDocument;
    const empty = new Y.Doc();
    expect(encoded.missingFrom(Y.encodeStateVector(empty))).toBe(encoded.update);
    Y.applyUpdate(empty, encoded.update);
    expect(empty.getText('text').toString()).toBe(full.getText('text').toString());

    const partial = new Y.Doc();
    Y.applyUpdate(partial, snapshot);
    Y.applyUpdate(partial, encoded.missingFrom(Y.encodeStateVector(partial)));
    expect(partial.getText('text').toString()).toBe(full.getText('text').toString());
    expect(() => encoded.missingFrom(new Uint8Array([5]))).toThrow();
  });

  it('covers the updates it holds, deletions included, and only those', () => {
    const { full, snapshot, snapshotStateVector, tail } = history(4);
    const encoded = EncodedDocument.fromStored({
      snapshot,
      snapshotStateVector,
      updates: [],
    }) as EncodedDocument;
    const empty = new Y.Doc();
    expect(encoded.covers(Y.decodeUpdate(Y.encodeStateAsUpdate(empty)))).toBe(true);
    // A client holding exactly this state answers with all of it, deletions included.
    const same = Y.decodeUpdate(snapshot);
    expect(same.ds.clients.size).toBeGreaterThan(0);
    expect(encoded.covers(same)).toBe(true);
    // New structs are not covered; nor are deletions of what is still here.
    expect(tail.map((update) => encoded.covers(Y.decodeUpdate(update)))).not.toContain(true);
    const deletesMore = Y.decodeUpdate(Y.encodeStateAsUpdate(full));
    expect(encoded.covers({ structs: [], ds: deletesMore.ds } as never)).toBe(false);
    const client = [...same.ds.clients.keys()][0] as number;
    const unknownRange = { clients: new Map([[client, [{ clock: 10_000, len: 1 }]]]) };
    expect(encoded.covers({ structs: [], ds: unknownRange } as never)).toBe(false);
  });
});
