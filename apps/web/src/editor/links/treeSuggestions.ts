import type { Space, SuggestedPage, TreeNode } from '@lore/api';
import { displayTitle } from '../../spaces/displayTitle';
import { pageHref } from '../../spaces/pageHref';

/**
 * Every page of the loaded trees as a `[[` suggestion, space by space in tree order: offered at
 * once while the server is asked, and alone when it cannot be reached.
 */
export function treeSuggestions(
  spaces: readonly Space[],
  trees: ReadonlyMap<string, readonly TreeNode[]>,
  liveTitles: ReadonlyMap<string, string>,
): SuggestedPage[] {
  const pages: SuggestedPage[] = [];
  for (const space of spaces) {
    const ref = { id: space.id, slug: space.slug, name: space.name };
    const walk = (nodes: readonly TreeNode[]) => {
      for (const node of nodes) {
        pages.push({
          id: node.id,
          shortId: node.shortId,
          title: displayTitle(liveTitles.get(node.id) ?? node.title),
          icon: node.icon,
          url: pageHref(node),
          space: ref,
        });
        walk(node.children);
      }
    };
    walk(trees.get(space.id) ?? []);
  }
  return pages;
}
