import type { TreeNode } from '@lore/api';

/** A node of the tree with its parent's id and its siblings (itself included, in order). */
export interface TreeNodePlace {
  node: TreeNode;
  parentId: string | null;
  siblings: readonly TreeNode[];
  index: number;
}

/** Finds the page `pageId` in `tree` with where it sits, or `null`. */
export function findTreeNode(tree: readonly TreeNode[], pageId: string): TreeNodePlace | null {
  const walk = (nodes: readonly TreeNode[], parentId: string | null): TreeNodePlace | null => {
    for (const [index, node] of nodes.entries()) {
      if (node.id === pageId) return { node, parentId, siblings: nodes, index };
      const below = walk(node.children, node.id);
      if (below) return below;
    }
    return null;
  };
  return walk(tree, null);
}

/** Whether `pageId` is `node` itself or one of its descendants. */
export function containsPage(node: TreeNode, pageId: string): boolean {
  return node.id === pageId || node.children.some((child) => containsPage(child, pageId));
}
