import { diffSequences } from '@lore/core';

/** One line of a line-by-line diff, with its line numbers on each side (1-based). */
export interface DiffLine {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
  /** Line number in the older text; absent for inserted lines. */
  readonly fromLine?: number;
  /** Line number in the newer text; absent for deleted lines. */
  readonly toLine?: number;
}

const splitLines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** Two texts (Markdown) compared line by line; every line of both appears once, in order. */
export function markdownLineDiff(from: string, to: string): DiffLine[] {
  const a = splitLines(from);
  const b = splitLines(to);
  const lines: DiffLine[] = [];
  for (const run of diffSequences(a, b)) {
    for (let offset = 0; offset < run.length; offset++) {
      if (run.kind === 'equal') {
        lines.push({
          op: 'equal',
          text: a[run.fromIndex + offset] ?? '',
          fromLine: run.fromIndex + offset + 1,
          toLine: run.toIndex + offset + 1,
        });
      } else if (run.kind === 'delete') {
        lines.push({
          op: 'delete',
          text: a[run.fromIndex + offset] ?? '',
          fromLine: run.fromIndex + offset + 1,
        });
      } else {
        lines.push({
          op: 'insert',
          text: b[run.toIndex + offset] ?? '',
          toLine: run.toIndex + offset + 1,
        });
      }
    }
  }
  return lines;
}
