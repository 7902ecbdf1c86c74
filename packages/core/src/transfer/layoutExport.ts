import type { PageTreeNode } from '../pages/Page';
import { slugify } from '../pages/slugify';

/** Names a folder's own page takes, so a page named so gets another file name. */
const reserved = new Set(['index', 'readme', 'attachments']);

/**
 * File paths for an exported page tree: a page with subpages becomes a folder holding
 * `index.<extension>` and its subpages; any other page becomes `<name>.<extension>`. Names come
 * from titles (`slugify`), made unique among siblings.
 */
export function layoutExport(
  roots: readonly PageTreeNode[],
  extension: string,
): Map<string, string> {
  const paths = new Map<string, string>();
  const place = (nodes: readonly PageTreeNode[], dir: string) => {
    const taken = new Set<string>();
    for (const node of nodes) {
      const base = slugify(node.title) || 'untitled';
      let name = reserved.has(base) ? `${base}-page` : base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      taken.add(name);
      if (node.children.length > 0) {
        paths.set(node.id, `${dir}${name}/index.${extension}`);
        place(node.children, `${dir}${name}/`);
      } else {
        paths.set(node.id, `${dir}${name}.${extension}`);
      }
    }
  };
  place(roots, '');
  return paths;
}
