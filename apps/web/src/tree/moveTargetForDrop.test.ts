import type { TreeNode } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { applyMove } from './applyMove';
import { dropPositionAt } from './dropPositionAt';
import { moveTargetForDrop } from './moveTargetForDrop';
import { moveTargetForKey } from './moveTargetForKey';

const node = (id: string, children: TreeNode[] = []): TreeNode => ({
  id,
  shortId: id,
  title: id.toUpperCase(),
  icon: null,
  url: `/space/${id}-${id}`,
  children,
});

// a ─ a1, a2 ; b ; c ─ c1
const tree = [node('a', [node('a1'), node('a2')]), node('b'), node('c', [node('c1')])];

/** The tree as nested ids, e.g. `a(a1,a2) b`. */
function shape(nodes: readonly TreeNode[]): string {
  return nodes
    .map((n) => (n.children.length ? `${n.id}(${shape(n.children).replace(/ /g, ',')})` : n.id))
    .join(' ');
}

describe('dropPositionAt', () => {
  it('splits a row into before, inside and after', () => {
    expect(dropPositionAt(2, 32)).toBe('before');
    expect(dropPositionAt(16, 32)).toBe('inside');
    expect(dropPositionAt(30, 32)).toBe('after');
  });

  it('treats the bottom of an open parent as nesting, since its children follow', () => {
    expect(dropPositionAt(30, 32, true)).toBe('inside');
  });
});

describe('moveTargetForDrop', () => {
  it('puts a page between the target and the sibling above when dropped before it', () => {
    expect(moveTargetForDrop(tree, 'c', 'b', 'before')).toEqual({
      parentId: null,
      afterId: 'a',
      beforeId: 'b',
    });
  });

  it('puts a page between the target and the sibling below when dropped after it', () => {
    expect(moveTargetForDrop(tree, 'a', 'b', 'after')).toEqual({
      parentId: null,
      afterId: 'b',
      beforeId: 'c',
    });
  });

  it('nests a page as the first subpage when dropped inside', () => {
    expect(moveTargetForDrop(tree, 'b', 'a', 'inside')).toEqual({
      parentId: 'a',
      afterId: null,
      beforeId: 'a1',
    });
    expect(moveTargetForDrop(tree, 'a1', 'b', 'inside')).toEqual({
      parentId: 'b',
      afterId: null,
      beforeId: null,
    });
  });

  it('moves a subpage out to the top level', () => {
    expect(moveTargetForDrop(tree, 'c1', 'a', 'before')).toEqual({
      parentId: null,
      afterId: null,
      beforeId: 'a',
    });
  });

  it('refuses drops onto the page itself or into its own subpages', () => {
    expect(moveTargetForDrop(tree, 'a', 'a', 'inside')).toBeNull();
    expect(moveTargetForDrop(tree, 'a', 'a1', 'after')).toBeNull();
    expect(moveTargetForDrop(tree, 'a', 'a2', 'inside')).toBeNull();
  });

  it('ignores drops that leave the page where it is', () => {
    expect(moveTargetForDrop(tree, 'b', 'a', 'after')).toBeNull();
    expect(moveTargetForDrop(tree, 'b', 'c', 'before')).toBeNull();
    expect(moveTargetForDrop(tree, 'a1', 'a', 'inside')).toBeNull();
    expect(moveTargetForDrop(tree, 'a2', 'a1', 'after')).toBeNull();
  });

  it('accepts a page from elsewhere (another space)', () => {
    expect(moveTargetForDrop(tree, 'zz', 'b', 'after')).toEqual({
      parentId: null,
      afterId: 'b',
      beforeId: 'c',
    });
  });
});

describe('applyMove', () => {
  it('shows the tree as the drop will leave it', () => {
    const drops: [string, string, 'before' | 'after' | 'inside', string][] = [
      ['c', 'b', 'before', 'a(a1,a2) c(c1) b'],
      ['a', 'c', 'after', 'b c(c1) a(a1,a2)'],
      ['b', 'a', 'inside', 'a(b,a1,a2) c(c1)'],
      ['a2', 'a1', 'before', 'a(a2,a1) b c(c1)'],
      ['c1', 'a2', 'after', 'a(a1,a2,c1) b c'],
      ['a1', 'c', 'inside', 'a(a2) b c(a1,c1)'],
    ];
    for (const [dragged, target, position, expected] of drops) {
      const move = moveTargetForDrop(tree, dragged, target, position);
      expect(move, `${dragged} ${position} ${target}`).not.toBeNull();
      if (move) expect(shape(applyMove(tree, dragged, move))).toBe(expected);
    }
  });

  it('appends when no neighbour is given, and inserts a page from another space', () => {
    expect(shape(applyMove(tree, 'b', { parentId: 'c', afterId: null, beforeId: null }))).toBe(
      'a(a1,a2) c(c1,b)',
    );
    const visitor = node('v');
    expect(
      shape(applyMove(tree, 'v', { parentId: 'a', afterId: 'a1', beforeId: 'a2' }, visitor)),
    ).toBe('a(a1,v,a2) b c(c1)');
  });

  it('does not change the input tree', () => {
    applyMove(tree, 'b', { parentId: 'a', afterId: null, beforeId: null });
    expect(shape(tree)).toBe('a(a1,a2) b c(c1)');
  });
});

describe('moveTargetForKey', () => {
  const apply = (id: string, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight') => {
    const move = moveTargetForKey(tree, id, key);
    return move && shape(applyMove(tree, id, move));
  };

  it('moves a page up and down among its siblings', () => {
    expect(apply('b', 'ArrowUp')).toBe('b a(a1,a2) c(c1)');
    expect(apply('b', 'ArrowDown')).toBe('a(a1,a2) c(c1) b');
    expect(apply('a2', 'ArrowUp')).toBe('a(a2,a1) b c(c1)');
  });

  it('nests under the sibling above and un-nests to right after the parent', () => {
    expect(apply('b', 'ArrowRight')).toBe('a(a1,a2,b) c(c1)');
    expect(apply('a1', 'ArrowLeft')).toBe('a(a2) a1 b c(c1)');
  });

  it('has nowhere to go at the edges', () => {
    expect(moveTargetForKey(tree, 'a', 'ArrowUp')).toBeNull();
    expect(moveTargetForKey(tree, 'c', 'ArrowDown')).toBeNull();
    expect(moveTargetForKey(tree, 'a', 'ArrowRight')).toBeNull();
    expect(moveTargetForKey(tree, 'b', 'ArrowLeft')).toBeNull();
    expect(moveTargetForKey(tree, 'missing', 'ArrowUp')).toBeNull();
  });
});
