import type { CollabRun, ServerRun } from '../collab/CollabRun';
import type { ServerId } from '../servers/CollabTarget';
import { percentile } from '../stats/summarizeLatencies';

/** One line of the results table. */
export interface ReportRow {
  readonly metric: string;
  readonly cells: Readonly<Record<ServerId, string>>;
  /** Each server's value divided by the reference server's, when that makes sense. */
  readonly ratios: Readonly<Partial<Record<ServerId, string>>>;
  readonly target: string;
  readonly verdict: '' | 'PASS' | 'FAIL' | 'n/a';
  readonly caveat: string | null;
}

interface NumericRow {
  readonly metric: string;
  readonly value: (server: ServerRun) => number | null | undefined;
  readonly format: (value: number) => string;
  readonly ratio?: boolean;
  readonly target?: string;
  /** Decides the verdict from Lore's and the reference's values. */
  readonly pass?: (lore: number, reference: number | null) => boolean;
  /** A reason to distrust the verdict, shown beside it. */
  readonly caveat?: () => string | null;
}

/** Load-generator event-loop lag above this makes fan-out latencies an upper bound. */
const trustedLagMs = 10;

const ids: ServerId[] = ['lore', 'reference', 'hocuspocus'];
const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const median = (values: readonly number[]) =>
  values.length === 0
    ? null
    : percentile(
        [...values].sort((a, b) => a - b),
        0.5,
      );
const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const textRow = (metric: string, cells: Record<ServerId, string>): ReportRow => ({
  metric,
  cells,
  ratios: {},
  target: '',
  verdict: '',
  caveat: null,
});

/** The rows of the collaboration table, in a fixed order. */
export function collabReportRows(run: CollabRun): ReportRow[] {
  const byId = new Map(run.servers.map((server) => [server.id, server]));
  const numeric: NumericRow[] = [];
  run.config.fanout.forEach((load, index) => {
    const name = `fan-out ${load.clients} clients × ${load.keystrokesPerSecond}/s`;
    const latency = (server: ServerRun) => server.fanout[index]?.latency;
    // The runs the target judges: Lore against the reference, or Lore alone for an absolute target.
    const judged = run.servers.filter(
      (server) => server.id === 'lore' || (index === 0 && server.id === 'reference'),
    );
    const worstLag = Math.max(
      ...judged.map((server) => server.fanout[index]?.loadGeneratorLagP99Ms ?? 0),
    );
    const lowestRate = Math.min(
      ...judged.map((server) => {
        const result = server.fanout[index];
        return result ? result.sent / result.clients / (load.measureMs / 1000) : Infinity;
      }),
    );
    const caveat = () => {
      const reasons: string[] = [];
      if (worstLag > trustedLagMs)
        reasons.push(`load generator event-loop lag p99 up to ${worstLag.toFixed(0)} ms`);
      if (lowestRate < load.keystrokesPerSecond * 0.9) {
        reasons.push(
          `only ${lowestRate.toFixed(2)} of ${load.keystrokesPerSecond} keystrokes/s per client were sent`,
        );
      }
      return reasons.length > 0
        ? `not trustworthy on this run: ${reasons.join('; ')}; the load generator was short of CPU`
        : null;
    };
    numeric.push(
      { metric: `${name}: p50 ms`, value: (s) => latency(s)?.p50, format: fixed(1), ratio: true },
      {
        metric: `${name}: p99 ms`,
        value: (s) => latency(s)?.p99,
        format: fixed(1),
        ratio: true,
        caveat,
        ...(index === 0
          ? {
              target: 'Lore ≤ reference',
              pass: (lore, reference) => reference !== null && lore <= reference,
            }
          : load.clients >= 100
            ? { target: '< 30 ms', pass: (lore) => lore < 30 }
            : {}),
      },
      { metric: `${name}: max ms`, value: (s) => latency(s)?.max, format: fixed(1), ratio: true },
      {
        metric: `${name}: keystrokes/s sent per client`,
        value: (s) => {
          const result = s.fanout[index];
          return result ? result.sent / result.clients / (load.measureMs / 1000) : null;
        },
        format: fixed(2),
      },
      {
        metric: `${name}: delivered %`,
        value: (s) => {
          const result = s.fanout[index];
          return result && result.expectedDeliveries > 0
            ? (result.latency.count / result.expectedDeliveries) * 100
            : null;
        },
        format: fixed(2),
      },
      {
        metric: `${name}: server CPU % of a core`,
        value: (s) => s.fanout[index]?.serverCpuPercent,
        format: fixed(0),
        ratio: true,
      },
      {
        metric: `${name}: server CPU µs per keystroke`,
        value: (s) => s.fanout[index]?.serverCpuMicrosPerKeystroke,
        format: fixed(0),
        ratio: true,
      },
    );
  });
  numeric.push(
    {
      metric: `RSS per open ${Math.round(run.config.memory.contentBytes / 1024)} KB page, KB`,
      value: (s) => (s.memory ? s.memory.bytesPerPage / 1024 : null),
      format: fixed(1),
      ratio: true,
      target: '≤ 32 KB',
      pass: (lore) => lore <= 32,
      caveat: () => {
        const heap = run.servers.find((server) => server.id === 'lore')?.memory?.heapBytesPerPage;
        return heap !== undefined && heap / 1024 > 32
          ? `Lore's V8 heap + external grows ${(heap / 1024).toFixed(1)} KB per page; its RSS delta is smaller because the heap reuses space freed after start-up`
          : null;
      },
    },
    {
      metric: 'V8 heap + external per open page after a full GC, KB',
      value: (s) => (s.memory ? s.memory.heapBytesPerPage / 1024 : null),
      format: fixed(1),
      ratio: true,
    },
    {
      metric: 'automerge-paper ingest, updates/s',
      value: (s) => s.ingest?.updatesPerSecond,
      format: fixed(0),
      ratio: true,
    },
    {
      metric: 'automerge-paper ingest, seconds',
      value: (s) => s.ingest?.seconds,
      format: fixed(2),
      ratio: true,
    },
    {
      metric: 'automerge-paper ingest, server CPU µs per update',
      value: (s) => (s.ingest ? (s.ingest.serverCpuSeconds / s.ingest.ops) * 1e6 : null),
      format: fixed(1),
      ratio: true,
    },
    {
      metric: 'open of the loaded automerge-paper page, p50 ms',
      value: (s) => median(s.openLoadedMs),
      format: fixed(1),
      ratio: true,
    },
    {
      metric: 'cold open after restart (first client), p50 of the restarts, ms',
      value: (s) => (s.lore ? median(s.lore.coldOpenMs) : null),
      format: fixed(1),
      target: '< 60 ms',
      pass: (lore) => lore < 60,
    },
    {
      metric: "… of which until its first message arrived (the server's share), p50 ms",
      value: (s) => (s.lore ? median(s.lore.coldFirstMessageMs) : null),
      format: fixed(1),
    },
    {
      metric: 'open after restart, p50 of the next opens, ms',
      value: (s) => (s.lore ? median(s.lore.reopenMs) : null),
      format: fixed(1),
    },
    {
      metric: 'open of the unloaded page (warm process), p50 ms',
      value: (s) => (s.lore ? median(s.lore.unloadedOpenMs) : null),
      format: fixed(1),
    },
    {
      metric: 'stored after ingest: lore.db + WAL, KB',
      value: (s) =>
        s.lore
          ? (s.lore.storageAfterUnload.dbBytes + s.lore.storageAfterUnload.walBytes) / 1024
          : null,
      format: fixed(0),
    },
    {
      metric: 'stored after graceful stop: lore.db, KB',
      value: (s) => (s.lore ? s.lore.storageAfterStop.dbBytes / 1024 : null),
      format: fixed(0),
    },
    {
      metric: 'stored document (snapshot + log payload), KB',
      value: (s) =>
        s.lore
          ? (s.lore.storageAfterStop.snapshotBytes + s.lore.storageAfterStop.logBytes) / 1024
          : null,
      format: fixed(1),
    },
  );

  const rows: ReportRow[] = [
    textRow('client library', {
      lore: 'y-websocket provider',
      reference: 'y-websocket provider',
      hocuspocus: '@hocuspocus/provider',
    }),
    textRow('persists accepted updates', {
      lore: 'each, before relaying (SQLite WAL)',
      reference: 'no (in memory only)',
      hocuspocus: 'no (no storage extension)',
    }),
  ];
  for (const spec of numeric) {
    const values = new Map(
      ids.map((id) => [id, byId.get(id) ? spec.value(byId.get(id) as ServerRun) : null]),
    );
    if (ids.every((id) => !finite(values.get(id)))) continue;
    const reference = values.get('reference');
    const cells = Object.fromEntries(
      ids.map((id) => {
        const value = values.get(id);
        const server = byId.get(id);
        if (finite(value)) return [id, spec.format(value)];
        return [id, server && server.errors.length > 0 ? 'error' : '—'];
      }),
    ) as Record<ServerId, string>;
    const ratios: Partial<Record<ServerId, string>> = {};
    if (spec.ratio && finite(reference) && reference !== 0) {
      for (const id of ['lore', 'hocuspocus'] as const) {
        const value = values.get(id);
        if (finite(value)) ratios[id] = `${(value / reference).toFixed(2)}×`;
      }
    }
    let verdict: ReportRow['verdict'] = '';
    if (spec.pass) {
      const lore = values.get('lore');
      verdict = finite(lore)
        ? spec.pass(lore, finite(reference) ? reference : null)
          ? 'PASS'
          : 'FAIL'
        : 'n/a';
    }
    rows.push({
      metric: spec.metric,
      cells,
      ratios,
      target: spec.target ?? '',
      verdict,
      caveat: spec.target ? (spec.caveat?.() ?? null) : null,
    });
  }
  return rows;
}

const headers = (run: CollabRun) => {
  const shown = ids.filter((id) => run.servers.some((server) => server.id === id));
  const names: Record<ServerId, string> = {
    lore: 'Lore',
    reference: 'y-websocket ref',
    hocuspocus: 'Hocuspocus',
  };
  return { shown, names };
};

/** The table as GitHub Markdown. */
export function collabMarkdownTable(run: CollabRun, rows = collabReportRows(run)): string {
  const { shown, names } = headers(run);
  const ratioIds = shown.filter((id) => id !== 'reference');
  const head = [
    'metric',
    ...shown.map((id) => names[id]),
    ...(shown.includes('reference') ? ratioIds.map((id) => `${names[id]} ÷ ref`) : []),
    'target',
  ];
  const escapePipes = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ];
  for (const row of rows) {
    const cells = [
      row.metric,
      ...shown.map((id) => row.cells[id]),
      ...(shown.includes('reference') ? ratioIds.map((id) => row.ratios[id] ?? '') : []),
      row.target ? `${row.target} **${row.verdict}**${row.caveat ? ` (${row.caveat})` : ''}` : '',
    ];
    lines.push(`| ${cells.map(escapePipes).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The table as aligned plain text for the terminal. */
export function collabTextTable(run: CollabRun, rows = collabReportRows(run)): string {
  const { shown, names } = headers(run);
  const ratioIds = shown.filter((id) => id !== 'reference');
  const head = [
    'metric',
    ...shown.map((id) => names[id]),
    ...(shown.includes('reference') ? ratioIds.map((id) => `${names[id]}÷ref`) : []),
    'target',
  ];
  const body = rows.map((row) => [
    row.metric,
    ...shown.map((id) => row.cells[id]),
    ...(shown.includes('reference') ? ratioIds.map((id) => row.ratios[id] ?? '') : []),
    row.target ? `${row.target} ${row.verdict}${row.caveat ? ' *' : ''}` : '',
  ]);
  const widths = head.map((_, column) =>
    Math.max(...[head, ...body].map((line) => (line[column] ?? '').length)),
  );
  const render = (line: string[]) =>
    line
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    render(head),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...body.map(render),
  ].join('\n');
}
