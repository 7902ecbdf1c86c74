import type { TreeNode } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { moveDestinations } from './moveDestinations';

const node = (id: string, title: string, children: TreeNode[] = []): TreeNode => ({
  id,
  shortId: id,
  title,
  icon: null,
  url: `/s/${id}`,
  children,
});

const tree = [
  node('a', 'Handbook', [
    node('a1', 'Onboarding', [node('a1x', 'Laptop setup')]),
    node('a2', 'Book club'),
  ]),
  node('b', 'Roadmap'),
];
const title = (n: TreeNode) => n.title;

describe('moveDestinations', () => {
  it('offers the top level and every page outside the moving subtree, in tree order', () => {
    const places = moveDestinations(tree, 'a1', '', title);
    expect(places.map((p) => [p.id, p.level, p.path])).toEqual([
      [null, 0, ''],
      ['a', 1, ''],
      ['a2', 2, 'Handbook'],
      ['b', 1, ''],
    ]);
  });

  it('filters by title, prefix matches first', () => {
    expect(moveDestinations(tree, 'b', 'book', title).map((p) => p.id)).toEqual(['a2', 'a']);
    expect(moveDestinations(tree, 'b', 'LAPTOP', title).map((p) => p.path)).toEqual([
      'Handbook / Onboarding',
    ]);
    expect(moveDestinations(tree, 'b', 'zzz', title)).toEqual([]);
  });
});
