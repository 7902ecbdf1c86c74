import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { yBindingOf } from './yBinding';

/** A comment anchor as the API takes it. */
export interface SelectionAnchor {
  readonly from: string;
  readonly to: string;
  readonly quote: string;
}

/** The longest quote the API keeps. */
const quoteMaxLength = 1000;

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/**
 * The anchor of the editor's selected text: two Yjs relative positions into the body, `from`
 * tied to the character before the range (assoc -1) and `to` to the character after it
 * (assoc 0), as the server expects. Null for an empty selection or before the document is bound.
 */
export function anchorOfSelection(state: EditorState): SelectionAnchor | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const quote = state.doc.textBetween(from, to, '\n', ' ').trim();
  if (quote === '') return null;
  const binding = yBindingOf(state);
  if (!binding) return null;
  const start = absolutePositionToRelativePosition(from, binding.type, binding.mapping);
  const endBefore = absolutePositionToRelativePosition(to, binding.type, binding.mapping);
  // y-prosemirror ties every position to the character before it; the end must follow the
  // character after it, so that text typed at the end of the range stays outside.
  const end = Y.createAbsolutePositionFromRelativePosition(endBefore, binding.doc);
  const endAfter = end ? Y.createRelativePositionFromTypeIndex(end.type, end.index, 0) : endBefore;
  return {
    from: toBase64(Y.encodeRelativePosition(start)),
    to: toBase64(Y.encodeRelativePosition(endAfter)),
    quote: quote.slice(0, quoteMaxLength),
  };
}
