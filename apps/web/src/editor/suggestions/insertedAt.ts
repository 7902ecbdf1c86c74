import type { Transaction } from '@tiptap/pm/state';

/**
 * Whether the transaction inserted the content at `pos` (a position after it), as opposed to
 * the caret merely moving next to content that was already there.
 */
export function insertedAt(tr: Transaction, pos: number): boolean {
  if (!tr.docChanged) return false;
  let inserted = false;
  tr.mapping.maps.forEach((map) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newStart <= pos && newEnd > pos) inserted = true;
    });
  });
  return inserted;
}
