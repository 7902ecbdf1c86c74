import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { getSchema } from './getSchema';
import { headingIdPlugin } from './headingIdPlugin';

const schema = getSchema();

function headingIds(doc: PMNode): (string | null)[] {
  const ids: (string | null)[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'heading') ids.push(node.attrs.id as string | null);
  });
  return ids;
}

function stateWith(json: object): EditorState {
  return EditorState.create({
    schema,
    doc: schema.nodeFromJSON(json),
    plugins: [headingIdPlugin()],
  });
}

const heading = (text: string, id: string | null = null) => ({
  type: 'heading',
  attrs: { level: 2, id },
  content: text ? [{ type: 'text', text }] : [],
});
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('headingIdPlugin', () => {
  it('names a new heading from its finished text once the cursor leaves it', () => {
    let state = stateWith({ type: 'doc', content: [heading(''), paragraph('after')] });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    for (const char of 'Setup guide') state = state.apply(state.tr.insertText(char));
    expect(headingIds(state.doc)).toEqual([null]);
    const inParagraph = state.doc.child(0).nodeSize + 2;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inParagraph)));
    expect(headingIds(state.doc)).toEqual(['setup-guide']);
  });

  it('keeps ids when the heading text or other content changes', () => {
    let state = stateWith({ type: 'doc', content: [heading('Intro', 'intro'), paragraph('text')] });
    state = state.apply(state.tr.insertText(' renamed', 6));
    state = state.apply(state.tr.insertText('more ', state.doc.child(0).nodeSize + 1));
    expect(state.doc.child(0).textContent).toBe('Intro renamed');
    expect(headingIds(state.doc)).toEqual(['intro']);
  });

  it('renames a pasted copy and leaves the original anchor alone', () => {
    let state = stateWith({
      type: 'doc',
      content: [paragraph('top'), heading('Intro', 'intro'), paragraph('end')],
    });
    const copy = schema.nodeFromJSON(heading('Intro', 'intro'));
    const end = state.doc.content.size;
    const paste = state.tr.insert(end, copy);
    state = state.apply(paste.setSelection(TextSelection.create(paste.doc, 1)));
    expect(headingIds(state.doc)).toEqual(['intro', 'intro-2']);
    // The same when the copy is pasted above the original.
    state = stateWith({ type: 'doc', content: [paragraph('top'), heading('Intro', 'intro')] });
    state = state.apply(state.tr.insert(0, copy));
    expect(headingIds(state.doc)).toEqual(['intro-2', 'intro']);
  });

  it('leaves changes from collaborators to the peer that made them', () => {
    const state = stateWith({ type: 'doc', content: [paragraph('x')] });
    const remote = state.tr
      .insert(state.doc.content.size, schema.nodeFromJSON(heading('Remote')))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(headingIds(state.apply(remote).doc)).toEqual([null]);
  });
});
