import { pageBodyField } from '@lore/schema';
import type * as Y from 'yjs';
import { commentMarkRuns } from './commentMarkRuns';
import { flattenBody } from './flattenBody';

/**
 * Takes the comment mark of a thread off every run of text in the page body that carries it
 * (wherever copies of it went). Returns whether there was any; removing twice changes nothing.
 */
export function removeCommentMark(doc: Y.Doc, threadId: string): boolean {
  const runs = commentMarkRuns(flattenBody(doc.getXmlFragment(pageBodyField)).texts, threadId);
  if (runs.length === 0) return false;
  doc.transact(() => {
    for (const run of runs) run.text.format(run.index, run.length, { [run.key]: null });
  });
  return true;
}
