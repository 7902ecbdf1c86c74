import {
  type JSONContent,
  jsonToYDoc,
  markdownToJSON,
  pageBodyField,
  readFragmentJSON,
  yDocToJSON,
} from '@lore/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorOfRange } from './anchorOfRange';
import { commentMarkKey } from './commentMarkKey';
import { placeCommentMark } from './placeCommentMark';
import { removeCommentMark } from './removeCommentMark';
import { resolveAnchor } from './resolveAnchor';

/** A page document as the editor's binding writes it, with its own client id. */
function pageDoc(markdown: string, clientId: number): Y.Doc {
  const source = jsonToYDoc(markdownToJSON(markdown), pageBodyField);
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** The run of text of the body's `index`th block. */
function blockText(doc: Y.Doc, index: number): Y.XmlText {
  const block = doc.getXmlFragment(pageBodyField).get(index) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

/** The characters of a run of text, without its formatting. */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

function anchorAround(
  doc: Y.Doc,
  block: number,
  quote: string,
  endBlock = block,
  endQuote = quote,
) {
  const first = blockText(doc, block);
  const start = plain(first).indexOf(quote);
  const last = blockText(doc, endBlock);
  const end = plain(last).indexOf(endQuote) + endQuote.length;
  const from = anchorOfRange(first, start, start).from;
  const to = anchorOfRange(last, end, end).to;
  return { from, to };
}

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

/** The texts of the body that carry the comment mark of `threadId`, with its attributes. */
function marked(doc: Y.Doc, threadId: string): { text: string; resolved: unknown }[] {
  const out: { text: string; resolved: unknown }[] = [];
  const walk = (node: JSONContent) => {
    const mark = node.marks?.find((m) => m.type === 'comment' && m.attrs?.threadId === threadId);
    if (node.type === 'text' && mark)
      out.push({ text: node.text ?? '', resolved: mark.attrs?.resolved });
    for (const child of node.content ?? []) walk(child);
  };
  walk(readFragmentJSON(doc.getXmlFragment(pageBodyField)));
  return out;
}

const attrs = (threadId: string, resolved = false) => ({ threadId, resolved });

describe('placeCommentMark', () => {
  it('uses the formatting key the editor binding gives the same mark', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'x', marks: [{ type: 'comment', attrs: attrs('t-1', true) }] },
          ],
        },
      ],
    };
    const text = blockText(jsonToYDoc(json, pageBodyField), 0);
    const [op] = text.toDelta() as { attributes: Record<string, unknown> }[];
    expect(Object.keys(op?.attributes ?? {})).toEqual([commentMarkKey(attrs('t-1', true))]);
  });

  it('marks the anchored text, across blocks, and placing it again changes nothing', () => {
    const doc = pageDoc('Read the manual.\n\nThen ask **us** first.\n\n```\ncode here\n```', 1);
    const anchor = anchorAround(doc, 0, 'manual', 1, 'ask us');
    expect(placeCommentMark(doc, anchor, attrs('t-1'))).toBe(true);
    expect(marked(doc, 't-1')).toEqual([
      { text: 'manual.', resolved: false },
      { text: 'Then ask ', resolved: false },
      { text: 'us', resolved: false },
    ]);
    const before = Y.encodeStateVector(doc);
    expect(placeCommentMark(doc, anchor, attrs('t-1'))).toBe(true);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    // Readers that leave the editor never see it.
    expect(JSON.stringify(yDocToJSON(doc, pageBodyField))).not.toContain('comment');
  });

  it('lets threads overlap and marks a resolved thread as resolved', () => {
    const doc = pageDoc('Read the manual first.', 1);
    placeCommentMark(doc, anchorAround(doc, 0, 'the manual'), attrs('t-1'));
    placeCommentMark(doc, anchorAround(doc, 0, 'manual first'), attrs('t-2'));
    expect(marked(doc, 't-1').map((run) => run.text)).toEqual(['the ', 'manual']);
    expect(marked(doc, 't-2').map((run) => run.text)).toEqual(['manual', ' first']);
    placeCommentMark(doc, anchorAround(doc, 0, 'the manual'), attrs('t-1', true));
    expect(marked(doc, 't-1')).toEqual([
      { text: 'the ', resolved: true },
      { text: 'manual', resolved: true },
    ]);
    expect(marked(doc, 't-2').map((run) => run.text)).toEqual(['manual', ' first']);
  });

  it("places nothing over deleted text, and removes a thread's mark wherever it is", () => {
    const doc = pageDoc('Read the manual first.', 1);
    const anchor = anchorAround(doc, 0, 'manual');
    placeCommentMark(doc, anchor, attrs('t-1'));
    expect(removeCommentMark(doc, 't-1')).toBe(true);
    expect(marked(doc, 't-1')).toEqual([]);
    expect(removeCommentMark(doc, 't-1')).toBe(false);
    blockText(doc, 0).delete(9, 6);
    expect(placeCommentMark(doc, anchor, attrs('t-1'))).toBe(false);
    expect(marked(doc, 't-1')).toEqual([]);
  });

  it('comes back with its text when an editor undoes deleting it', () => {
    const server = pageDoc('Read the manual first.', 1);
    const editor = new Y.Doc();
    editor.clientID = 2;
    sync(server, editor);
    const anchor = anchorAround(server, 0, 'manual');
    placeCommentMark(server, anchor, attrs('t-1'));
    sync(server, editor);
    expect(marked(editor, 't-1').map((run) => run.text)).toEqual(['manual']);

    const typing = Symbol('typing');
    const undo = new Y.UndoManager(editor.getXmlFragment(pageBodyField), {
      trackedOrigins: new Set([typing]),
    });
    editor.transact(() => blockText(editor, 0).delete(9, 6), typing);
    sync(server, editor);
    expect(plain(blockText(server, 0))).toBe('Read the  first.');
    expect(resolveAnchor(server, anchor)).toEqual({ state: 'detached' });
    expect(marked(server, 't-1')).toEqual([]);

    undo.undo();
    sync(server, editor);
    expect(plain(blockText(server, 0))).toBe('Read the manual first.');
    expect(resolveAnchor(server, anchor)).toEqual({ state: 'attached', quote: 'manual' });
    expect(marked(server, 't-1').map((run) => run.text)).toEqual(['manual']);
    expect(marked(editor, 't-1').map((run) => run.text)).toEqual(['manual']);
  });
});
