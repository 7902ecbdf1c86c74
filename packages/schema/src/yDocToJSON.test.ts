import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyJSONToYDoc } from './applyJSONToYDoc';
import { jsonToYDoc } from './jsonToYDoc';
import { markdownToJSON } from './markdownToJSON';
import { yDocToJSON } from './yDocToJSON';

const paragraphText = (json: ReturnType<typeof yDocToJSON>): string | undefined =>
  json.content?.[0]?.content?.[0]?.text;

describe('yDocToJSON on a document read more than once', () => {
  it('returns objects the caller may change without affecting later reads', () => {
    const ydoc = jsonToYDoc(markdownToJSON('First text.'));
    const first = yDocToJSON(ydoc);
    const node = first.content?.[0]?.content?.[0];
    if (node) node.text = 'changed by the caller';
    expect(paragraphText(yDocToJSON(ydoc))).toBe('First text.');
    expect(yDocToJSON(ydoc)).not.toBe(yDocToJSON(ydoc));
  });

  it('sees every change made after an earlier read', () => {
    const ydoc = jsonToYDoc(markdownToJSON('Before.'));
    expect(paragraphText(yDocToJSON(ydoc))).toBe('Before.');
    applyJSONToYDoc(ydoc, markdownToJSON('After.'));
    expect(paragraphText(yDocToJSON(ydoc))).toBe('After.');

    // A change arriving as an update from another replica, and a deletion only.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    applyJSONToYDoc(other, markdownToJSON('From elsewhere.'));
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));
    expect(paragraphText(yDocToJSON(ydoc))).toBe('From elsewhere.');
    ydoc.getXmlFragment('default').delete(0, 1);
    expect(yDocToJSON(ydoc).content).toEqual([{ type: 'paragraph' }]);
  });

  it('does not keep a body read in the middle of a transaction', () => {
    const ydoc = jsonToYDoc(markdownToJSON('One.'));
    const fragment = ydoc.getXmlFragment('default');
    let during: string | undefined;
    ydoc.transact(() => {
      fragment.delete(0, 1);
      during = JSON.stringify(yDocToJSON(ydoc));
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Two.')]);
      fragment.insert(0, [paragraph]);
    });
    expect(during).toBe(JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] }));
    expect(paragraphText(yDocToJSON(ydoc))).toBe('Two.');
  });

  it('keeps the fields of one document apart', () => {
    const ydoc = jsonToYDoc(markdownToJSON('Body.'));
    applyJSONToYDoc(ydoc, markdownToJSON('Other field.'), 'other');
    expect(paragraphText(yDocToJSON(ydoc))).toBe('Body.');
    expect(paragraphText(yDocToJSON(ydoc, 'other'))).toBe('Other field.');
  });
});
