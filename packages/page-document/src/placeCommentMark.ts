import type { CommentAnchor } from '@lore/core';
import { getSchema, pageBodyField } from '@lore/schema';
import * as Y from 'yjs';
import { type CommentMarkAttrs, commentMarkKey } from './commentMarkKey';
import { commentMarkRuns } from './commentMarkRuns';
import { flattenBody } from './flattenBody';
import { locateAnchors } from './resolveAnchor';

/** Whether the block holding this run of text may carry comment marks (code blocks may not). */
function takesCommentMarks(text: Y.XmlText): boolean {
  const parent = text.parent;
  if (!(parent instanceof Y.XmlElement)) return false;
  const schema = getSchema();
  const comment = schema.marks.comment;
  return comment !== undefined && schema.nodes[parent.nodeName]?.allowsMarkType(comment) === true;
}

/**
 * Puts the comment mark of a thread (with `resolved` as given) over the text between its
 * anchor's positions in the page body, and takes away the thread's mark in any other spelling
 * (before a resolve or a reopen). Placing it again changes nothing. When the anchor's text is
 * gone (detached) or the anchor is invalid, nothing is placed. Returns whether the anchor was
 * found; run it inside the transaction of a server-side edit.
 */
export function placeCommentMark(
  doc: Y.Doc,
  anchor: Pick<CommentAnchor, 'from' | 'to'>,
  attrs: CommentMarkAttrs,
): boolean {
  const {
    ranges: [range],
  } = locateAnchors(doc, [anchor]);
  if (range?.state !== 'attached') return false;
  const flat = flattenBody(doc.getXmlFragment(pageBodyField));
  const key = commentMarkKey(attrs);
  doc.transact(() => {
    for (const run of commentMarkRuns(flat.texts, attrs.threadId)) {
      if (run.key !== key) run.text.format(run.index, run.length, { [run.key]: null });
    }
    for (const text of flat.texts) {
      const start = flat.starts.get(text) ?? 0;
      const end = flat.ends.get(text) ?? 0;
      const from = Math.max(range.start, start);
      const to = Math.min(range.end, end);
      if (to > from && takesCommentMarks(text)) {
        text.format(from - start, to - from, {
          [key]: { threadId: attrs.threadId, resolved: attrs.resolved },
        });
      }
    }
  });
  return true;
}
