import { DocumentLimitError } from './DocumentLimitError';

/**
 * Refuses a parsed tree (Markdown's mdast, or a DOM) that nests deeper than `maxDepth`, before
 * anything walks it recursively. Walks without recursion; `children` lists a node's children.
 *
 * @throws {DocumentLimitError} (`maxDepth`) when the tree is too deep.
 */
export function checkTreeDepth<T>(
  root: T,
  children: (node: T) => ArrayLike<T> | undefined,
  maxDepth: number,
): void {
  const stack: [T, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [T, number];
    if (depth > maxDepth) {
      throw new DocumentLimitError(
        'maxDepth',
        `the content nests deeper than ${maxDepth} levels (maxDepth)`,
      );
    }
    const list = children(node);
    if (!list) continue;
    for (let index = 0; index < list.length; index++) {
      stack.push([list[index] as T, depth + 1]);
    }
  }
}
