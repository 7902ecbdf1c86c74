import type { CommentAnchor } from '@lore/core';
import * as Y from 'yjs';

const encode = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/**
 * The positions of a comment anchor around `text[start, end)`, made as clients should make
 * them: `from` tied to the character before the range (`assoc` -1) and `to` to the character
 * after it (`assoc` 0). Tied to the neighbours rather than to the quoted characters, the range
 * collapses when its text is deleted and encloses it again when an undo brings it back, on every
 * replica (an undo re-creates deleted text as new items, which positions into the deleted ones
 * follow only in the document that undid).
 */
export function anchorOfRange(
  text: Y.XmlText,
  start: number,
  end: number,
): Pick<CommentAnchor, 'from' | 'to'> {
  return {
    from: encode(Y.createRelativePositionFromTypeIndex(text, start, -1)),
    to: encode(Y.createRelativePositionFromTypeIndex(text, end, 0)),
  };
}
