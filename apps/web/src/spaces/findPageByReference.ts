import type { TreeNode } from '@lore/api';
import type { PageReference } from './parsePageReference';

/** The page of the loaded trees that `reference` names, with its space's id, or `null`. */
export function findPageByReference(
  trees: ReadonlyMap<string, readonly TreeNode[]>,
  reference: PageReference,
): { node: TreeNode; spaceId: string } | null {
  const matches = (node: TreeNode) =>
    reference.kind === 'id' ? node.id === reference.id : node.shortId === reference.shortId;
  const walk = (nodes: readonly TreeNode[]): TreeNode | null => {
    for (const node of nodes) {
      if (matches(node)) return node;
      const below = walk(node.children);
      if (below) return below;
    }
    return null;
  };
  for (const [spaceId, tree] of trees) {
    const node = walk(tree);
    if (node) return { node, spaceId };
  }
  return null;
}
