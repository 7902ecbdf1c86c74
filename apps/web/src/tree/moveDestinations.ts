import type { TreeNode } from '@lore/api';

/** A place the Move dialog offers: a page to move under, or the top level (`id: null`). */
export interface MoveDestination {
  id: string | null;
  title: string;
  icon: string | null;
  /** 0 for the top level, 1 for top-level pages, and so on. */
  level: number;
  /** The titles above it, for telling apart pages with the same title. */
  path: string;
}

/**
 * The places a page can be moved to in a space's tree, in tree order: the top level, then every
 * page except the moving page itself and its subpages. With a `query`, only pages whose title
 * contains it (any case) are kept, and titles that start with it come first.
 */
export function moveDestinations(
  tree: readonly TreeNode[],
  movingId: string,
  query: string,
  titleOf: (node: TreeNode) => string,
): MoveDestination[] {
  const all: MoveDestination[] = [];
  const walk = (nodes: readonly TreeNode[], level: number, path: string) => {
    for (const node of nodes) {
      if (node.id === movingId) continue;
      const title = titleOf(node);
      all.push({ id: node.id, title, icon: node.icon, level, path });
      walk(node.children, level + 1, path ? `${path} / ${title}` : title);
    }
  };
  walk(tree, 1, '');
  const q = query.trim().toLowerCase();
  const top: MoveDestination = { id: null, title: 'Top level', icon: null, level: 0, path: '' };
  if (q === '') return [top, ...all];
  const starts = all.filter((d) => d.title.toLowerCase().startsWith(q));
  const contains = all.filter((d) => !starts.includes(d) && d.title.toLowerCase().includes(q));
  return [...starts, ...contains];
}
