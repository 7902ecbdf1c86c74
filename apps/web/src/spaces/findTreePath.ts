import type { TreeNode } from '@lore/api';

/** The nodes from the top of `tree` down to the page `pageId` (inclusive), or `null`. */
export function findTreePath(tree: readonly TreeNode[], pageId: string): TreeNode[] | null {
  for (const node of tree) {
    if (node.id === pageId) return [node];
    const below = findTreePath(node.children, pageId);
    if (below) return [node, ...below];
  }
  return null;
}
