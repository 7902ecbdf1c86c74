/** One operation of a Yjs text delta. */
export interface TextDeltaOp {
  retain?: number;
  insert?: unknown;
  delete?: number;
}

/**
 * Where a position in a text ends up after a change described as a Yjs delta (retain, insert,
 * delete). Text inserted exactly at the position goes after it, so a caret stays in front of
 * what someone else typed at the same spot; a deleted range pulls the position to its start.
 */
export function mapIndexThroughDelta(index: number, delta: readonly TextDeltaOp[]): number {
  let oldPos = 0;
  let mapped = index;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPos < index) mapped += length;
    } else if (op.delete !== undefined) {
      const end = oldPos + op.delete;
      mapped -= Math.max(0, Math.min(end, index) - oldPos);
      oldPos = end;
    }
  }
  return mapped;
}
