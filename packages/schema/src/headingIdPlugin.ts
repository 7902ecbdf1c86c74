import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { assignHeadingIds } from './assignHeadingIds';

/** Key of the editor plugin that keeps heading ids present and unique. */
export const headingIdPluginKey = new PluginKey('headingId');

interface Range {
  from: number;
  to: number;
}

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/** Ranges of the final document that the given transactions inserted or replaced. */
function changedRanges(transactions: readonly Transaction[]): Range[] {
  const ranges: Range[] = [];
  transactions.forEach((tr, trIndex) => {
    tr.mapping.maps.forEach((map, mapIndex) => {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        let from = newStart;
        let to = newEnd;
        const rest = tr.mapping.slice(mapIndex + 1);
        from = rest.map(from, -1);
        to = rest.map(to, 1);
        for (const later of transactions.slice(trIndex + 1)) {
          from = later.mapping.map(from, -1);
          to = later.mapping.map(to, 1);
        }
        ranges.push({ from, to });
      });
    });
  });
  return ranges;
}

/**
 * Keeps every heading's `id` present and unique while people edit.
 *
 * An id is derived from the heading text once the cursor has left the heading, so it reflects
 * the finished title rather than its first letter, and is then kept unchanged when the text or
 * the rest of the page changes. Remote changes are left to the peer that made them, so
 * collaborators do not race to name the same heading. When a paste creates a duplicate, the
 * pasted copy is renamed and the original keeps its anchor.
 */
export function headingIdPlugin(headingType = 'heading'): Plugin {
  return new Plugin({
    key: headingIdPluginKey,
    appendTransaction(transactions, _oldState, newState) {
      const local = transactions.filter((tr) => !isRemote(tr));
      if (!local.some((tr) => tr.docChanged || tr.selectionSet)) return null;

      const headings: { node: PMNode; pos: number }[] = [];
      newState.doc.descendants((node, pos) => {
        if (node.type.name === headingType) headings.push({ node, pos });
        return !node.isTextblock;
      });
      if (headings.length === 0) return null;

      const changed = changedRanges(transactions);
      const head = newState.selection.$head.pos;
      const candidates = headings.map(({ node, pos }) => {
        const end = pos + node.nodeSize;
        const editing = head > pos && head < end;
        return {
          id: node.attrs.id,
          text: node.textContent,
          editing,
          yields: changed.some((range) => range.from < end && range.to > pos),
        };
      });
      // A heading being typed has no id yet: naming it now would freeze a half-written title.
      const settled = candidates.filter((c) => !(c.editing && (c.id === null || c.id === '')));
      const ids = assignHeadingIds(settled);

      const tr = newState.tr;
      let index = 0;
      candidates.forEach((candidate, i) => {
        if (!settled.includes(candidate)) return;
        const id = ids[index++];
        const heading = headings[i];
        if (heading !== undefined && id !== undefined && id !== candidate.id) {
          tr.setNodeAttribute(heading.pos, 'id', id);
        }
      });
      return tr.docChanged ? tr.setMeta('addToHistory', false) : null;
    },
  });
}
