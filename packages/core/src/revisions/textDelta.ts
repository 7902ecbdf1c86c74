import { diffSequences } from './diffSequences';

/** `[start, length]` copies that much of the base text; a string is inserted as it is. */
export type TextDeltaOp = readonly [number, number] | string;

/** Lines with their line breaks, so that joining them gives the text back. */
const splitLines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

const commonPrefix = (a: string, b: string): number => {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
};

const commonSuffix = (a: string, b: string, limit: number): number => {
  let length = 0;
  while (
    length < limit &&
    a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)
  ) {
    length++;
  }
  return length;
};

/**
 * The edits that turn `base` into `target`: unchanged lines are copied, and within each changed
 * stretch only the characters between its common start and end are inserted. A state whose one
 * paragraph changed thus costs that paragraph's change, not the page.
 */
export function createTextDelta(base: string, target: string): TextDeltaOp[] {
  const baseLines = splitLines(base);
  const targetLines = splitLines(target);
  const offsets = [0];
  for (const line of baseLines) offsets.push((offsets[offsets.length - 1] ?? 0) + line.length);
  const ops: TextDeltaOp[] = [];
  const copy = (start: number, length: number) => {
    if (length <= 0) return;
    const last = ops[ops.length - 1];
    if (Array.isArray(last) && last[0] + last[1] === start) {
      ops[ops.length - 1] = [last[0], last[1] + length];
    } else {
      ops.push([start, length]);
    }
  };
  const insert = (text: string) => {
    if (text === '') return;
    const last = ops[ops.length - 1];
    if (typeof last === 'string') ops[ops.length - 1] = last + text;
    else ops.push(text);
  };
  const runs = diffSequences(baseLines, targetLines);
  let index = 0;
  while (index < runs.length) {
    const run = runs[index];
    if (run?.kind === 'equal') {
      const start = offsets[run.fromIndex] ?? 0;
      copy(start, (offsets[run.fromIndex + run.length] ?? 0) - start);
      index++;
      continue;
    }
    // A changed stretch: the deletions and insertions up to the next unchanged run.
    let fromLine = -1;
    let fromCount = 0;
    let inserted = '';
    while (index < runs.length && runs[index]?.kind !== 'equal') {
      const change = runs[index];
      if (change?.kind === 'delete') {
        if (fromLine < 0) fromLine = change.fromIndex;
        fromCount += change.length;
      } else if (change?.kind === 'insert') {
        inserted += targetLines.slice(change.toIndex, change.toIndex + change.length).join('');
      }
      index++;
    }
    if (fromLine < 0) {
      insert(inserted);
      continue;
    }
    const start = offsets[fromLine] ?? 0;
    const removed = base.slice(start, offsets[fromLine + fromCount] ?? 0);
    const prefix = commonPrefix(removed, inserted);
    const suffix = commonSuffix(
      removed,
      inserted,
      Math.min(removed.length, inserted.length) - prefix,
    );
    copy(start, prefix);
    insert(inserted.slice(prefix, inserted.length - suffix));
    copy(start + removed.length - suffix, suffix);
  }
  return ops;
}

/** Rebuilds the target text from its base and a delta. */
export function applyTextDelta(base: string, ops: readonly TextDeltaOp[]): string {
  let out = '';
  for (const op of ops) out += typeof op === 'string' ? op : base.slice(op[0], op[0] + op[1]);
  return out;
}
