import type { TreeNode } from '@lore/api';
import type { DropPosition } from './dropPositionAt';
import { containsPage, findTreeNode, type TreeNodePlace } from './findTreeNode';
import type { MoveTarget } from './MoveTarget';

/**
 * The move that dropping `draggedId` on the row of `targetId` at `position` asks for, or `null`
 * when the drop would change nothing or is impossible (onto itself or into its own subpages).
 * `before`/`after` place the page beside the target; `inside` makes it the target's first
 * subpage, where it appears right under the row it was dropped on.
 */
export function moveTargetForDrop(
  tree: readonly TreeNode[],
  draggedId: string,
  targetId: string,
  position: DropPosition,
): MoveTarget | null {
  const dragged = findTreeNode(tree, draggedId);
  const target = findTreeNode(tree, targetId);
  if (!target) return null;
  if (dragged && containsPage(dragged.node, targetId)) return null;

  let move: MoveTarget;
  if (position === 'inside') {
    const first = target.node.children.find((node) => node.id !== draggedId);
    move = { parentId: target.node.id, afterId: null, beforeId: first?.id ?? null };
  } else {
    const others = target.siblings.filter((node) => node.id !== draggedId);
    const at = others.findIndex((node) => node.id === targetId);
    const index = position === 'before' ? at : at + 1;
    move = {
      parentId: target.parentId,
      afterId: others[index - 1]?.id ?? null,
      beforeId: others[index]?.id ?? null,
    };
  }
  return dragged && isWhereItIs(dragged, move) ? null : move;
}

/** Whether the move would leave the page exactly where it already is. */
export function isWhereItIs(place: TreeNodePlace, move: MoveTarget): boolean {
  if (place.parentId !== move.parentId) return false;
  const above = place.siblings[place.index - 1]?.id ?? null;
  const below = place.siblings[place.index + 1]?.id ?? null;
  if (move.afterId === null && move.beforeId === null) return below === null;
  return above === move.afterId && below === move.beforeId;
}
