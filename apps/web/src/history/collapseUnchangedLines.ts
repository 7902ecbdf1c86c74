import type { DiffLine } from '@lore/api';

export type DiffRow =
  | { kind: 'line'; line: DiffLine }
  /** Unchanged lines left out; `lines` lets the reader expand them. */
  | { kind: 'skipped'; lines: DiffLine[] };

/**
 * Keeps `context` unchanged lines around every change and folds longer unchanged stretches into
 * one row, as a code review does. A fold that would hide a single line shows it instead.
 */
export function collapseUnchangedLines(lines: readonly DiffLine[], context = 3): DiffRow[] {
  const rows: DiffRow[] = [];
  let start = 0;
  while (start < lines.length) {
    if (lines[start]?.op !== 'equal') {
      rows.push({ kind: 'line', line: lines[start] as DiffLine });
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end]?.op === 'equal') end++;
    const run = lines.slice(start, end);
    const keepBefore = start === 0 ? 0 : context;
    const keepAfter = end === lines.length ? 0 : context;
    if (run.length - keepBefore - keepAfter <= 1) {
      for (const line of run) rows.push({ kind: 'line', line });
    } else {
      for (const line of run.slice(0, keepBefore)) rows.push({ kind: 'line', line });
      rows.push({ kind: 'skipped', lines: run.slice(keepBefore, run.length - keepAfter) });
      for (const line of run.slice(run.length - keepAfter)) rows.push({ kind: 'line', line });
    }
    start = end;
  }
  return rows;
}
