import type { TreeNode } from '@lore/api';
import { findTreeNode } from './findTreeNode';
import type { MoveTarget } from './MoveTarget';

function without(nodes: readonly TreeNode[], pageId: string): TreeNode[] {
  return nodes
    .filter((node) => node.id !== pageId)
    .map((node) => ({ ...node, children: without(node.children, pageId) }));
}

function insert(siblings: TreeNode[], moved: TreeNode, target: MoveTarget): TreeNode[] {
  const next = [...siblings];
  let index = next.length;
  if (target.afterId !== null) {
    const above = next.findIndex((node) => node.id === target.afterId);
    if (above >= 0) index = above + 1;
  } else if (target.beforeId !== null) {
    const below = next.findIndex((node) => node.id === target.beforeId);
    if (below >= 0) index = below;
  }
  next.splice(index, 0, moved);
  return next;
}

function placeUnder(nodes: TreeNode[], moved: TreeNode, target: MoveTarget): TreeNode[] {
  return nodes.map((node) =>
    node.id === target.parentId
      ? { ...node, children: insert(node.children, moved, target) }
      : { ...node, children: placeUnder(node.children, moved, target) },
  );
}

/**
 * The tree as it will be once the server has made the move: shown at once, and replaced by the
 * server's tree (or the previous one, if the move fails). A page that is not in `tree` (moved
 * here from another space) is inserted as `moved`. Returns `tree` unchanged when the new parent
 * is not in it.
 */
export function applyMove(
  tree: readonly TreeNode[],
  pageId: string,
  target: MoveTarget,
  moved: TreeNode | null = findTreeNode(tree, pageId)?.node ?? null,
): TreeNode[] {
  if (!moved) return [...tree];
  if (target.parentId !== null && !findTreeNode(tree, target.parentId)) return [...tree];
  const rest = without(tree, pageId);
  return target.parentId === null ? insert(rest, moved, target) : placeUnder(rest, moved, target);
}

/** The tree without `pageId` and its subpages, e.g. for the space a page leaves. */
export function removeFromTree(tree: readonly TreeNode[], pageId: string): TreeNode[] {
  return without(tree, pageId);
}
