/** A stretch of a diff: items kept, removed from `from`, or added from `to`. */
export type DiffRun =
  | {
      readonly kind: 'equal';
      readonly fromIndex: number;
      readonly toIndex: number;
      readonly length: number;
    }
  | { readonly kind: 'delete'; readonly fromIndex: number; readonly length: number }
  | { readonly kind: 'insert'; readonly toIndex: number; readonly length: number };

export interface DiffOptions<T> {
  readonly equals?: (a: T, b: T) => boolean;
  /**
   * Work bound: past this many inserted plus deleted items (after the common start and end are
   * set aside) the middle is reported as replaced wholesale. Memory grows with its square.
   */
  readonly maxEdits?: number;
}

type Move = { kind: 'equal' | 'delete' | 'insert'; fromIndex: number; toIndex: number };

/**
 * A shortest edit script turning `from` into `to` (Myers' O(ND) algorithm), as runs in order.
 * Common leading and trailing items are matched first, which makes typical revisions, changed
 * in a few places, cheap whatever their length.
 */
export function diffSequences<T>(
  from: readonly T[],
  to: readonly T[],
  options: DiffOptions<T> = {},
): DiffRun[] {
  const equals = options.equals ?? Object.is;
  const maxEdits = options.maxEdits ?? 2000;
  let start = 0;
  while (start < from.length && start < to.length && equals(from[start] as T, to[start] as T)) {
    start++;
  }
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    equals(from[from.length - 1 - end] as T, to[to.length - 1 - end] as T)
  ) {
    end++;
  }
  const a = from.slice(start, from.length - end);
  const b = to.slice(start, to.length - end);
  const middle = middleMoves(a, b, equals, maxEdits);

  const runs: DiffRun[] = [];
  const push = (kind: Move['kind'], fromIndex: number, toIndex: number, length: number) => {
    if (length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) {
      runs[runs.length - 1] = { ...last, length: last.length + length };
      return;
    }
    if (kind === 'equal') runs.push({ kind, fromIndex, toIndex, length });
    else if (kind === 'delete') runs.push({ kind, fromIndex, length });
    else runs.push({ kind, toIndex, length });
  };
  push('equal', 0, 0, start);
  for (const move of middle) push(move.kind, move.fromIndex + start, move.toIndex + start, 1);
  push('equal', from.length - end, to.length - end, end);
  return runs;
}

function middleMoves<T>(
  a: readonly T[],
  b: readonly T[],
  equals: (x: T, y: T) => boolean,
  maxEdits: number,
): Move[] {
  const n = a.length;
  const m = b.length;
  const replaceAll = (): Move[] => [
    ...a.map((_, index): Move => ({ kind: 'delete', fromIndex: index, toIndex: 0 })),
    ...b.map((_, index): Move => ({ kind: 'insert', fromIndex: n, toIndex: index })),
  ];
  if (n === 0 || m === 0) return replaceAll();
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d][k + d] is the furthest x reached on diagonal k after d edits.
  const trace: Int32Array[] = [];
  let edits = -1;
  search: for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && equals(a[x] as T, b[y] as T)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        edits = d;
        break search;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (edits < 0) return replaceAll();

  const moves: Move[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    const at = (k: number) => previous[k + d - 1] ?? 0;
    const k = x - y;
    const cameDown = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = cameDown ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    const snakeX = cameDown ? previousX : previousX + 1;
    while (x > snakeX) {
      x--;
      y--;
      moves.push({ kind: 'equal', fromIndex: x, toIndex: y });
    }
    moves.push(
      cameDown
        ? { kind: 'insert', fromIndex: previousX, toIndex: previousY }
        : { kind: 'delete', fromIndex: previousX, toIndex: previousY },
    );
    x = previousX;
    y = previousY;
  }
  while (x > 0) {
    x--;
    y--;
    moves.push({ kind: 'equal', fromIndex: x, toIndex: y });
  }
  return moves.reverse();
}
