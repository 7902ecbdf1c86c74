/** Where a dragged page lands relative to the row under the pointer. */
export type DropPosition = 'before' | 'after' | 'inside';

/**
 * The drop position for a pointer `offsetY` pixels below the top of a row `height` pixels tall:
 * the top quarter inserts above, the bottom quarter below, the middle nests inside. An open row
 * with children shows them right below it, so its bottom part means "first child" and is
 * reported as `inside` too.
 */
export function dropPositionAt(
  offsetY: number,
  height: number,
  isOpenParent = false,
): DropPosition {
  const edge = Math.max(4, height / 4);
  if (offsetY < edge) return 'before';
  if (offsetY > height - edge && !isOpenParent) return 'after';
  return 'inside';
}
