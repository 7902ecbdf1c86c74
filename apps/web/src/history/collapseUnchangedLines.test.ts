import type { DiffLine } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { collapseUnchangedLines } from './collapseUnchangedLines';

const equal = (n: number): DiffLine => ({ op: 'equal', text: `line ${n}`, fromLine: n, toLine: n });
const shape = (rows: ReturnType<typeof collapseUnchangedLines>) =>
  rows.map((row) => (row.kind === 'line' ? row.line.text : `…${row.lines.length}`));

describe('collapseUnchangedLines', () => {
  it('keeps context around a change and folds the unchanged lines further away', () => {
    const lines = [
      ...[1, 2, 3, 4, 5, 6].map(equal),
      { op: 'insert', text: 'new', toLine: 7 } as DiffLine,
      ...[7, 8, 9, 10, 11, 12, 13].map(equal),
    ];
    expect(shape(collapseUnchangedLines(lines, 2))).toEqual([
      '…4',
      'line 5',
      'line 6',
      'new',
      'line 7',
      'line 8',
      '…5',
    ]);
  });

  it('shows a lone unchanged line instead of folding it', () => {
    const lines = [
      { op: 'delete', text: 'old', fromLine: 1 } as DiffLine,
      ...[2, 3, 4, 5, 6, 7, 8].map(equal),
      { op: 'insert', text: 'new', toLine: 9 } as DiffLine,
    ];
    expect(shape(collapseUnchangedLines(lines, 3))).toEqual([
      'old',
      'line 2',
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
      'new',
    ]);
  });

  it('folds a diff without changes into one row and keeps every line somewhere', () => {
    const lines = [1, 2, 3, 4, 5].map(equal);
    const rows = collapseUnchangedLines(lines);
    expect(shape(rows)).toEqual(['…5']);
    expect(rows[0]?.kind === 'skipped' && rows[0].lines).toEqual(lines);
  });
});
