import type { DiffLine } from '@lore/api';
import { useState } from 'react';
import { collapseUnchangedLines, type DiffRow } from './collapseUnchangedLines';

const signs = { equal: ' ', insert: '+', delete: '−' } as const;
const spoken = { equal: '', insert: 'Added: ', delete: 'Removed: ' } as const;

/** A line-by-line Markdown diff with long unchanged stretches folded. */
export function MarkdownDiffView({ lines }: { lines: readonly DiffLine[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = collapseUnchangedLines(lines);
  if (lines.length === 0) return <p className="muted">Both sides are empty.</p>;
  return (
    <ol className="md-diff" aria-label="Markdown changes">
      {rows.flatMap((row) => {
        if (row.kind === 'line') return [<LineRow key={lineKey(row.line)} line={row.line} />];
        const key = `skipped-${lineKey(row.lines[0] as DiffLine)}`;
        if (expanded.has(key)) {
          return row.lines.map((line) => <LineRow key={lineKey(line)} line={line} />);
        }
        return [
          <SkippedRow
            key={key}
            row={row}
            onExpand={() => setExpanded((known) => new Set(known).add(key))}
          />,
        ];
      })}
    </ol>
  );
}

/** Unique within a diff: every line has a number on at least one side, unique per op. */
const lineKey = (line: DiffLine) => `${line.op}-${line.fromLine ?? ''}-${line.toLine ?? ''}`;

function LineRow({ line }: { line: DiffLine }) {
  return (
    <li className="md-diff__line" data-op={line.op}>
      <span className="md-diff__number" aria-hidden="true">
        {line.fromLine ?? ''}
      </span>
      <span className="md-diff__number" aria-hidden="true">
        {line.toLine ?? ''}
      </span>
      <span className="md-diff__sign" aria-hidden="true">
        {signs[line.op]}
      </span>
      <code className="md-diff__text">
        {spoken[line.op] && <span className="visually-hidden">{spoken[line.op]}</span>}
        {line.text || '\u00a0'}
      </code>
    </li>
  );
}

function SkippedRow({
  row,
  onExpand,
}: {
  row: Extract<DiffRow, { kind: 'skipped' }>;
  onExpand(): void;
}) {
  return (
    <li className="md-diff__skipped">
      <button type="button" className="md-diff__expand" onClick={onExpand}>
        Show {row.lines.length} unchanged lines
      </button>
    </li>
  );
}
