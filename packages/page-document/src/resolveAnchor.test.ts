import { pageBodyField, pageTitleField } from '@lore/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorOfRange } from './anchorOfRange';
import { resolveAnchor } from './resolveAnchor';

/** A page body with one paragraph per line, as the editor writes it. */
function pageDoc(lines: readonly string[], clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.transact(() => {
    const body = doc.getXmlFragment(pageBodyField);
    for (const line of lines) {
      const paragraph = new Y.XmlElement('paragraph');
      body.insert(body.length, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, line);
    }
  });
  return doc;
}

/** The text node of the body's `index`th paragraph. */
function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(pageBodyField).get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** An anchor around the first occurrence of `quote` in a paragraph. */
function anchorAround(doc: Y.Doc, paragraph: number, quote: string) {
  const text = paragraphText(doc, paragraph);
  const start = text.toString().indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in paragraph ${paragraph}`);
  return anchorOfRange(text, start, start + quote.length);
}

/** A replica of `doc` with its own client id, kept in step by `sync`. */
function replica(doc: Y.Doc, clientId: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientId;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

/** The server's view: a document decoded from the stored updates (with garbage collection). */
function serverCopy(doc: Y.Doc): Y.Doc {
  const server = new Y.Doc({ gc: true });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  return server;
}

describe('resolveAnchor', () => {
  it('gives the text between the positions, across paragraphs', () => {
    const doc = pageDoc(['Restart the thing.', 'Then wait a minute.'], 1);
    expect(resolveAnchor(doc, anchorAround(doc, 0, 'the thing'))).toEqual({
      state: 'attached',
      quote: 'the thing',
    });
    const first = paragraphText(doc, 0);
    const second = paragraphText(doc, 1);
    const across = {
      from: anchorOfRange(first, 8, 8).from,
      to: anchorOfRange(second, 0, 4).to,
    };
    expect(resolveAnchor(doc, across)).toEqual({
      state: 'attached',
      quote: 'the thing.\nThen',
    });
  });

  it('follows concurrent edits around and inside the range', () => {
    const ada = pageDoc(['Restart the thing now.'], 1);
    const bob = replica(ada, 2);
    const anchor = anchorAround(ada, 0, 'the thing');
    // Concurrently: Ada types before and inside the range, Bob inside and after it.
    paragraphText(ada, 0).insert(0, 'Please ');
    paragraphText(ada, 0).insert('Please Restart the '.length, 'whole ');
    paragraphText(bob, 0).insert('Restart the thing'.length, 'y');
    paragraphText(bob, 0).insert('Restart the thingy now'.length, ', quickly');
    sync(ada, bob);
    expect(paragraphText(ada, 0).toString()).toBe(paragraphText(bob, 0).toString());
    for (const doc of [ada, bob, serverCopy(ada)]) {
      expect(resolveAnchor(doc, anchor)).toEqual({ state: 'attached', quote: 'the whole thingy' });
    }
  });

  it('detaches when the quoted text is deleted and re-attaches on every replica after an undo', () => {
    const ada = pageDoc(['Restart the thing now.'], 1);
    const bob = replica(ada, 2);
    const anchor = anchorAround(ada, 0, 'the thing');
    const undo = new Y.UndoManager(ada.getXmlFragment(pageBodyField), { captureTimeout: 0 });
    paragraphText(ada, 0).delete('Restart '.length, 'the thing'.length);
    sync(ada, bob);
    for (const doc of [ada, bob, serverCopy(ada)]) {
      expect(resolveAnchor(doc, anchor)).toEqual({ state: 'detached' });
    }
    // Meanwhile Bob edits elsewhere; Ada's undo brings the text back as new items.
    paragraphText(bob, 0).insert(0, 'OK: ');
    undo.undo();
    sync(ada, bob);
    expect(paragraphText(bob, 0).toString()).toBe('OK: Restart the thing now.');
    for (const doc of [ada, bob, serverCopy(bob)]) {
      expect(resolveAnchor(doc, anchor)).toEqual({ state: 'attached', quote: 'the thing' });
    }
  });

  it('detaches when the whole paragraph goes, also after an undo on replicas that did not undo', () => {
    const ada = pageDoc(['Keep this.', 'Restart the thing.'], 1);
    const anchor = anchorAround(ada, 1, 'Restart the thing.');
    const undo = new Y.UndoManager(ada.getXmlFragment(pageBodyField), { captureTimeout: 0 });
    ada.getXmlFragment(pageBodyField).delete(1, 1);
    expect(resolveAnchor(serverCopy(ada), anchor)).toEqual({ state: 'detached' });
    undo.undo();
    expect(paragraphText(ada, 1).toString()).toBe('Restart the thing.');
    // The undoing document follows the restored paragraph; the server, which only receives the
    // updates, cannot tell the new paragraph is the old one.
    expect(resolveAnchor(ada, anchor)).toEqual({ state: 'attached', quote: 'Restart the thing.' });
    expect(resolveAnchor(serverCopy(ada), anchor)).toEqual({ state: 'detached' });
  });

  it('refuses positions that do not decode or point outside the body, and detaches unknown content', () => {
    const doc = pageDoc(['Restart the thing.'], 1);
    const good = anchorAround(doc, 0, 'the');
    expect(resolveAnchor(doc, { ...good, from: '/w==' })).toEqual({ state: 'invalid' });
    expect(resolveAnchor(doc, { ...good, to: '' })).toEqual({ state: 'invalid' });
    doc.getText(pageTitleField).insert(0, 'Runbook');
    const inTitle = Buffer.from(
      Y.encodeRelativePosition(
        Y.createRelativePositionFromTypeIndex(doc.getText(pageTitleField), 1),
      ),
    ).toString('base64');
    expect(resolveAnchor(doc, { ...good, from: inTitle })).toEqual({ state: 'invalid' });
    // A client ahead of the server: its positions name items the server does not hold yet.
    const ahead = replica(doc, 7);
    paragraphText(ahead, 0).insert(0, 'Now: ');
    const early = anchorAround(ahead, 0, 'Now');
    expect(resolveAnchor(doc, early)).toEqual({ state: 'detached' });
  });
});
