import type { TreeNode } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { findTreePath } from './findTreePath';
import { visibleTreeItems } from './visibleTreeItems';

const node = (id: string, children: TreeNode[] = []): TreeNode => ({
  id,
  shortId: id,
  title: id.toUpperCase(),
  icon: null,
  url: `/space/${id}-${id}`,
  children,
});

const tree = [node('a', [node('a1', [node('a1x')]), node('a2')]), node('b')];

describe('visibleTreeItems', () => {
  it('shows only the top level when nothing is expanded', () => {
    expect(visibleTreeItems(tree, new Set()).map((row) => row.node.id)).toEqual(['a', 'b']);
  });

  it('walks expanded nodes depth first with levels and parents', () => {
    const rows = visibleTreeItems(tree, new Set(['a', 'a1']));
    expect(rows.map((row) => [row.node.id, row.level, row.parentId])).toEqual([
      ['a', 1, null],
      ['a1', 2, 'a'],
      ['a1x', 3, 'a1'],
      ['a2', 2, 'a'],
      ['b', 1, null],
    ]);
  });

  it('hides the children of a collapsed node even when they are expanded themselves', () => {
    const rows = visibleTreeItems(tree, new Set(['a1']));
    expect(rows.map((row) => row.node.id)).toEqual(['a', 'b']);
  });
});

describe('findTreePath', () => {
  it('returns the ancestors and the page itself', () => {
    expect(findTreePath(tree, 'a1x')?.map((n) => n.id)).toEqual(['a', 'a1', 'a1x']);
    expect(findTreePath(tree, 'b')?.map((n) => n.id)).toEqual(['b']);
  });

  it('returns null for a page that is not in the tree', () => {
    expect(findTreePath(tree, 'zzz')).toBeNull();
  });
});
