import type { TreeNode } from '@lore/api';

/** A row of a page tree as shown: the node, its depth (1 at the top) and its parent. */
export interface VisibleTreeItem {
  node: TreeNode;
  level: number;
  parentId: string | null;
}

/**
 * The rows a tree shows, top to bottom: every node whose ancestors are all expanded. Keyboard
 * navigation moves along this list.
 */
export function visibleTreeItems(
  tree: readonly TreeNode[],
  expanded: ReadonlySet<string>,
): VisibleTreeItem[] {
  const rows: VisibleTreeItem[] = [];
  const walk = (nodes: readonly TreeNode[], level: number, parentId: string | null) => {
    for (const node of nodes) {
      rows.push({ node, level, parentId });
      if (node.children.length > 0 && expanded.has(node.id))
        walk(node.children, level + 1, node.id);
    }
  };
  walk(tree, 1, null);
  return rows;
}
