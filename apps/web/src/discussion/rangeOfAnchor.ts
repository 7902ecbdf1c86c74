import type { EditorState } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { yBindingOf } from './yBinding';

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/**
 * Where an anchor (`from`/`to` as the API gives them) stands in the editor now, or null when
 * its text is gone or the positions name content this replica does not hold.
 */
export function rangeOfAnchor(
  state: EditorState,
  anchor: { readonly from: string; readonly to: string },
): { from: number; to: number } | null {
  const binding = yBindingOf(state);
  if (!binding) return null;
  try {
    const resolve = (encoded: string) =>
      relativePositionToAbsolutePosition(
        binding.doc,
        binding.type,
        Y.decodeRelativePosition(fromBase64(encoded)),
        binding.mapping,
      );
    const from = resolve(anchor.from);
    const to = resolve(anchor.to);
    if (from === null || to === null || to <= from) return null;
    return { from, to: Math.min(to, state.doc.content.size) };
  } catch {
    // An anchor that does not decode points nowhere.
    return null;
  }
}
