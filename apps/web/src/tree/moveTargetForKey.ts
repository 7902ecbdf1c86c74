import type { TreeNode } from '@lore/api';
import { findTreeNode } from './findTreeNode';
import type { MoveTarget } from './MoveTarget';

/** Alt+Shift+arrow on a tree item: up/down among siblings, right nests, left un-nests. */
export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/**
 * The move a keyboard shortcut asks for, or `null` where there is nowhere to go (the first page
 * cannot move up, a top-level page cannot move out).
 * Right makes the page the last subpage of the sibling above; left puts it right after its
 * parent.
 */
export function moveTargetForKey(
  tree: readonly TreeNode[],
  pageId: string,
  key: MoveKey,
): MoveTarget | null {
  const place = findTreeNode(tree, pageId);
  if (!place) return null;
  const { siblings, index, parentId } = place;
  const id = (node: TreeNode | undefined) => node?.id ?? null;
  switch (key) {
    case 'ArrowUp': {
      if (index === 0) return null;
      return { parentId, afterId: id(siblings[index - 2]), beforeId: id(siblings[index - 1]) };
    }
    case 'ArrowDown': {
      if (index === siblings.length - 1) return null;
      return { parentId, afterId: id(siblings[index + 1]), beforeId: id(siblings[index + 2]) };
    }
    case 'ArrowRight': {
      const above = siblings[index - 1];
      if (!above) return null;
      return { parentId: above.id, afterId: id(above.children.at(-1)), beforeId: null };
    }
    case 'ArrowLeft': {
      if (parentId === null) return null;
      const parent = findTreeNode(tree, parentId);
      if (!parent) return null;
      return {
        parentId: parent.parentId,
        afterId: parent.node.id,
        beforeId: id(parent.siblings[parent.index + 1]),
      };
    }
  }
}
