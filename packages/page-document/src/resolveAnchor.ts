import type { AnchorState, CommentAnchor } from '@lore/core';
import { pageBodyField } from '@lore/schema';
import * as Y from 'yjs';
import { type FlatBody, flattenBody } from './flattenBody';

function decode(position: string): Y.RelativePosition | null {
  try {
    const bytes = Buffer.from(position, 'base64');
    if (bytes.length === 0) return null;
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** Whether `type` is the body fragment or lies inside it (deleted or not). */
function inBody(type: { _item: Y.Item | null }, body: Y.XmlFragment): boolean {
  for (let current: { _item: Y.Item | null } | null = type; current !== null; ) {
    if (current === body) return true;
    const item: Y.Item | null = current._item;
    current = item === null ? null : (item.parent as { _item: Y.Item | null } | null);
  }
  return false;
}

/** Where an anchor's range lies in the flattened body, or why it has none. */
export type AnchorRange =
  | { readonly state: 'invalid' | 'detached' }
  | { readonly state: 'attached'; readonly start: number; readonly end: number };

/**
 * Anchors of one document located in its body, flattening the body at most once. `flat` is the
 * body as located (null when no anchor got that far).
 */
export function locateAnchors(
  doc: Y.Doc,
  anchors: readonly Pick<CommentAnchor, 'from' | 'to'>[],
): { ranges: AnchorRange[]; flat: FlatBody | null } {
  const body = doc.getXmlFragment(pageBodyField);
  let flat: FlatBody | null = null;
  const ranges = anchors.map((anchor): AnchorRange => {
    const from = decode(anchor.from);
    const to = decode(anchor.to);
    if (from === null || to === null) return { state: 'invalid' };
    const offsets: number[] = [];
    for (const relative of [from, to]) {
      if (relative.tname !== null && relative.tname !== pageBodyField) return { state: 'invalid' };
      let absolute: Y.AbsolutePosition | null;
      try {
        absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
      } catch {
        return { state: 'invalid' };
      }
      // Content this document does not hold, or a paragraph deleted and collected.
      if (absolute === null) return { state: 'detached' };
      const type = absolute.type;
      if (!inBody(type, body)) return { state: 'invalid' };
      flat ??= flattenBody(body);
      const start = flat.starts.get(type);
      // A node no longer in the body (its element was deleted).
      if (start === undefined) return { state: 'detached' };
      if (type instanceof Y.XmlText) {
        offsets.push(start + absolute.index);
      } else {
        const children = (type as Y.XmlFragment).toArray();
        const child: object | undefined = children[absolute.index];
        offsets.push(
          child === undefined ? (flat.ends.get(type) ?? start) : (flat.starts.get(child) ?? start),
        );
      }
    }
    const [start = 0, end = 0] = offsets;
    if (flat === null || end <= start) return { state: 'detached' };
    return { state: 'attached', start, end };
  });
  return { ranges, flat };
}

/**
 * Where an anchor stands in `doc`: the text between its two positions in the page body now, or
 * `detached` when that range is empty (its text was deleted) or sits in a paragraph that is gone;
 * `invalid` when a position does not decode or points outside the body.
 *
 * Positions that name deleted characters resolve to where those characters were, so anchors made
 * the recommended way — `from` tied to the character before the range (`assoc` -1) and `to` to
 * the character after it (`assoc` 0) — collapse when the quoted text is deleted and enclose it
 * again when an undo brings it back, in every replica.
 */
export function resolveAnchor(doc: Y.Doc, anchor: Pick<CommentAnchor, 'from' | 'to'>): AnchorState {
  return resolveAnchors(doc, [anchor])[0] as AnchorState;
}

/** `resolveAnchor` for several anchors of one document, flattening the body once. */
export function resolveAnchors(
  doc: Y.Doc,
  anchors: readonly Pick<CommentAnchor, 'from' | 'to'>[],
): AnchorState[] {
  const { ranges, flat } = locateAnchors(doc, anchors);
  return ranges.map((range): AnchorState => {
    if (range.state !== 'attached') return { state: range.state };
    const quote = (flat as FlatBody).text.slice(range.start, range.end).replace(/\n+$/, '');
    return quote.length === 0 ? { state: 'detached' } : { state: 'attached', quote };
  });
}
