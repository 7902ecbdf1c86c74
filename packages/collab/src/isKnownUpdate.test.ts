import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isKnownUpdate } from './isKnownUpdate';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return doc;
}

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('isKnownUpdate', () => {
  it('is true for the whole state of the same document, deletions included', () => {
    const doc = docWith('hello world');
    doc.getText('text').delete(0, 6);
    expect(isKnownUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(doc)))).toBe(true);
    // What a synced client answers to sync step 1: no structs, its whole delete set.
    const client = copyOf(doc);
    const answer = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc));
    expect(isKnownUpdate(doc, Y.decodeUpdate(answer))).toBe(true);
  });

  it('is false when the update inserts something new', () => {
    const doc = docWith('hello');
    const client = copyOf(doc);
    client.getText('text').insert(5, '!');
    expect(isKnownUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(client)))).toBe(false);
  });

  it('is false when the update deletes something the document still has', () => {
    const doc = docWith('hello');
    const client = copyOf(doc);
    client.getText('text').delete(1, 2);
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc));
    expect(Y.decodeUpdate(update).structs).toEqual([]);
    expect(isKnownUpdate(doc, Y.decodeUpdate(update))).toBe(false);
    Y.applyUpdate(doc, update);
    expect(isKnownUpdate(doc, Y.decodeUpdate(update))).toBe(true);
  });

  it('is false for updates of clients or clocks the document has not seen', () => {
    const doc = docWith('a');
    const other = docWith('b');
    expect(isKnownUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(other)))).toBe(false);
    other.getText('text').delete(0, 1);
    const deletesOnly = Y.encodeStateAsUpdate(other, Y.encodeStateVector(other));
    expect(isKnownUpdate(doc, Y.decodeUpdate(deletesOnly))).toBe(false);
  });
});
