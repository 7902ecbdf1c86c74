import { createTextDelta } from '../revisions/textDelta';

/**
 * How many characters an edit from `before` to `after` inserted and removed, measured on the
 * same line-wise delta page history stores (so moving a paragraph counts, a typo counts one or two).
 */
export function changedCharacters(before: string, after: string): number {
  let copied = 0;
  let inserted = 0;
  for (const op of createTextDelta(before, after)) {
    if (typeof op === 'string') inserted += op.length;
    else copied += op[1];
  }
  return inserted + (before.length - copied);
}
