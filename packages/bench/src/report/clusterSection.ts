import type { ClusterRun, ClusterTargetRun } from '../cluster/ClusterRun';
import type { PlacedLoad } from '../cluster/placedFanout';
import type { CrashSoakResult } from '../scenarios/crashSoak';
import { percentile } from '../stats/summarizeLatencies';
import type { MachineInfo } from './machineInfo';
import { findSection, replaceSection } from './replaceSection';

export const clusterHeading = '## Cluster';
export const clusterSoakHeading = '### Cluster crash soak';

/** Cross-process p99 at the small load may be at most this many times the SQLite process's. */
export const crossProcessP99Limit = 2;

const machineLine = (machine: MachineInfo) =>
  `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM; Node ${machine.node}; ` +
  `load average ${machine.loadAverage} at the start`;

const loadName = (load: PlacedLoad) =>
  `${load.pages} pages × ${load.typists + load.readers} clients`;

const median = (values: readonly number[]) =>
  percentile(
    [...values].filter((value) => Number.isFinite(value)).sort((a, b) => a - b),
    0.5,
  );

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);

const ratio = (value: number | undefined, base: number | undefined) =>
  value === undefined || base === undefined || !Number.isFinite(value) || !(base > 0)
    ? ''
    : `${(value / base).toFixed(2)}×`;

interface Row {
  readonly metric: string;
  readonly values: readonly (number | undefined)[];
  readonly digits: number;
  readonly target?: string;
}

/** The cluster target's p99 at the first load against the SQLite process's, PASS or FAIL. */
export function crossProcessVerdict(run: ClusterRun): { ratio: number; pass: boolean } | null {
  const sqlite = run.targets.find((target) => target.id === 'sqlite')?.fanout[0];
  const cluster = run.targets.find((target) => target.id === 'cluster')?.fanout[0];
  if (!sqlite || !cluster || !(sqlite.latency.p99 > 0)) return null;
  const value = cluster.latency.p99 / sqlite.latency.p99;
  return { ratio: value, pass: value <= crossProcessP99Limit };
}

function rows(run: ClusterRun): Row[] {
  const of = (pick: (target: ClusterTargetRun) => number | undefined) => run.targets.map(pick);
  const result: Row[] = [];
  run.config.fanout.forEach((load, index) => {
    const name = `fan-out ${loadName(load)}`;
    const fan = (pick: (result: NonNullable<ClusterTargetRun['fanout'][number]>) => number) =>
      of((target) => {
        const found = target.fanout[index];
        return found ? pick(found) : undefined;
      });
    const verdict = index === 0 ? crossProcessVerdict(run) : null;
    result.push(
      { metric: `${name}: p50 ms`, values: fan((r) => r.latency.p50), digits: 1 },
      {
        metric: `${name}: p99 ms`,
        values: fan((r) => r.latency.p99),
        digits: 1,
        ...(verdict
          ? {
              target: `cluster ≤ ${crossProcessP99Limit}× SQLite **${verdict.pass ? 'PASS' : 'FAIL'}** (${verdict.ratio.toFixed(2)}×)`,
            }
          : {}),
      },
      { metric: `${name}: max ms`, values: fan((r) => r.latency.max), digits: 1 },
      ...(index === 0 && run.commitFloor
        ? [
            {
              metric: `${name}: floor, a durable append alone (no Lore): p99 ms`,
              values: of((target) => (target.id === 'sqlite' ? undefined : run.commitFloor?.p99)),
              digits: 1,
            },
          ]
        : []),
      {
        metric: `${name}: delivered %`,
        values: fan((r) =>
          r.expectedDeliveries > 0 ? (r.latency.count / r.expectedDeliveries) * 100 : Number.NaN,
        ),
        digits: 2,
      },
      {
        metric: `${name}: Lore CPU % of a core (all processes)`,
        values: fan((r) => r.serverCpuPercent),
        digits: 0,
      },
      {
        metric: `${name}: Lore CPU µs per keystroke`,
        values: fan((r) => r.serverCpuMicrosPerKeystroke),
        digits: 0,
      },
      {
        metric: `${name}: PostgreSQL, Redis, nginx and other work, CPU % of a core`,
        values: fan((r) => r.otherCpuPercent),
        digits: 0,
      },
    );
  });
  result.push(
    {
      metric: 'automerge-paper ingest, updates/s (each durable before it is relayed)',
      values: of((target) => target.ingest?.updatesPerSecond),
      digits: 0,
    },
    {
      metric: 'automerge-paper ingest, seconds',
      values: of((target) => target.ingest?.seconds),
      digits: 2,
    },
    {
      metric: 'automerge-paper ingest, Lore CPU µs per update',
      values: of((target) =>
        target.ingest ? (target.ingest.serverCpuSeconds / target.ingest.ops) * 1e6 : undefined,
      ),
      digits: 1,
    },
    {
      metric: 'open of the loaded automerge-paper page, p50 ms',
      values: of((target) => median(target.openLoadedMs)),
      digits: 1,
    },
    {
      metric: 'cold open after a restart of every process, p50 ms',
      values: of((target) => median(target.coldOpenMs)),
      digits: 1,
    },
    {
      metric: '… of which until its first message arrived, p50 ms',
      values: of((target) => median(target.coldFirstMessageMs)),
      digits: 1,
    },
  );
  return result;
}

/** The comparison as a Markdown table (also what the command prints). */
export function clusterTable(run: ClusterRun): string {
  const [base, ...others] = run.targets;
  const header = [
    'metric',
    ...run.targets.map((target) => target.label),
    ...others.map((target) => `${target.id} ÷ ${base?.id ?? ''}`),
    'target',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| --- | ${header
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  ];
  for (const row of rows(run)) {
    const [first, ...rest] = row.values;
    lines.push(
      `| ${[
        row.metric,
        ...row.values.map((value) => fixed(value, row.digits)),
        ...rest.map((value) => ratio(value, first)),
        row.target ?? '',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** The `## Cluster` section for a run; keeps `previousSoak` (the soak runs on its own). */
export function clusterSection(run: ClusterRun, previousSoak: string | null): string {
  const versions = Object.entries(run.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join('; ');
  const fanoutNotes = run.config.fanout.map((load, index) => {
    const parts = run.targets.map((target) => {
      const result = target.fanout[index];
      const every = target.fanoutP99s[index]?.map((value) => value.toFixed(1)).join(', ') ?? '';
      return result
        ? `${target.id}: p99 of every run ${every} ms; ${result.sent} keystrokes measured; load generators ` +
            `${result.loadGeneratorCpuPercent.toFixed(0)}% CPU, event-loop lag p99 ${result.loadGeneratorLagP99Ms.toFixed(1)} ms; ` +
            `converged ${result.converged ? 'yes' : 'NO'}` +
            (result.lostConnections.length > 0
              ? `; ${result.lostConnections.length} connections closed by a server (${[...new Set(result.lostConnections)].join('; ')})`
              : '')
        : `${target.id}: no result`;
    });
    return `  - ${loadName(load)} (${load.typists} typist(s) and ${load.readers} reader(s) per page, ${load.keystrokesPerSecond} keystrokes/s per typist, ${load.warmupMs / 1000} s warm-up, ${load.measureMs / 1000} s measured, best p99 of ${run.config.fanoutRepeats} interleaved runs): ${parts.join('; ')}.`;
  });
  const errors = run.targets.flatMap((target) =>
    target.errors.map((error) => `- error — ${target.id}: ${error}`),
  );
  const verdict = crossProcessVerdict(run);
  const lines = [
    clusterHeading,
    '',
    `Command: \`${run.command}\` — run ${run.date.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- Machine: ${machineLine(run.machine)}. Everything below — every Lore process, PostgreSQL, Redis, nginx and the load generators — shares these ${run.machine.cores} cores, and other work ran on the machine at the same time: read the ratios, not the absolute numbers.`,
    `- Versions: ${versions}.`,
    '- Set-ups, each started fresh for every scenario: **sqlite**, one Lore process on SQLite (WAL), as `pnpm bench collab` runs it; **postgres**, one Lore process with `LORE_STORE=postgres` on a private PostgreSQL that flushes every commit to disk (`fsync` and `synchronous_commit` on); **cluster**, ' +
      `${run.targets.find((target) => target.id === 'cluster')?.processCount ?? run.config.clusterProcesses} Lore processes on that PostgreSQL with the Redis relay (\`LORE_RELAY\`) and nginx round-robin in front (\`@lore/cluster\`). Every Lore process runs from its TypeScript sources under tsx, the SQLite one too, so the set-ups differ only in store, relay and process count.`,
    '- Clients: the stock y-websocket provider and the protocol clients of `pnpm bench collab`, in forked load-generator processes; send and receive times on the machine-wide monotonic clock.',
    '',
    clusterTable(run),
    '',
    'How each line is measured:',
    '',
    `- **Fan-out** on many pages at once. Page *p* has a home process (*p* mod the number of processes): its typists connect to that process, its readers to the other processes in turn, straight to the process rather than through nginx, so in the cluster every measured delivery crossed from one process to another (committed to PostgreSQL, published on Redis, applied by the reader's process). On a single process the same clients all sit on it. Typists type single characters at their caret (see Collaboration); latency is from the typist's send to a reader's receipt, over every delivery of every keystroke sent in the measured window; typists run in one load-generator process and readers in ${Math.max(1, run.config.loadGenerators - 1)} other(s). Each page's first typist and first reader are the stock provider and must end with equal states, and the pages' texts together must hold every keystroke ("converged"). CPU is user + system time of every Lore process together; "other work" is the rest of the machine (PostgreSQL, Redis, nginx, and whatever else ran).`,
    ...fanoutNotes,
    `- **Cross-process ÷ single process**: the "cluster ÷ sqlite" column. Target: cluster p99 at ${run.config.fanout[0] ? loadName(run.config.fanout[0]) : 'the first load'} ≤ ${crossProcessP99Limit}× the SQLite process's — ${verdict ? `${verdict.ratio.toFixed(2)}×, **${verdict.pass ? 'PASS' : 'FAIL'}**` : 'not measured'}. The verdict compares each set-up's best run; the p99 of every run is listed above, and on a busy shared machine one run's p99 can be many times another's, so a verdict from such a run is weak evidence either way.`,
    `- **Floor**: the first load's pages and keystroke rate as durable appends of the update log alone (Lore's PostgreSQL store on its own private PostgreSQL, no Lore process, sockets or relay): no delivery through PostgreSQL can be faster than its commit. ${
      run.commitFloor
        ? `p50 ${run.commitFloor.p50.toFixed(1)} ms, p99 ${run.commitFloor.p99.toFixed(1)} ms, max ${run.commitFloor.max.toFixed(1)} ms over ${run.commitFloor.count} appends; the target's bound, ${crossProcessP99Limit}× the SQLite p99, is ${(() => {
            const sqlite = run.targets.find((target) => target.id === 'sqlite')?.fanout[0];
            return sqlite
              ? `${(sqlite.latency.p99 * crossProcessP99Limit).toFixed(1)} ms`
              : 'not measured';
          })()}.`
        : 'Not measured (PostgreSQL missing).'
    }`,
    `- **Ingest**: the automerge-paper trace (${run.targets.find((target) => target.ingest)?.ingest?.ops ?? '—'} transactions), one update message each, through one client; timed until a second client has the exact final text. In the cluster the sender and that client are on different processes. On PostgreSQL every update is committed (and flushed to disk) before any process relays or acknowledges it. The load generator alone needs ${run.traceFloorSeconds?.toFixed(2) ?? '—'} s for the replay.`,
    `- **Open**: a fresh stock client in a separate opener process, timed until its text equals the trace's final text: ${run.config.opens} opens while the page is loaded (after ${run.config.openWarmUps} untimed), then ${run.config.coldRestarts} graceful restart(s) of every Lore process (the database stays up), each followed by one cold open (cold process, page read from the store; in the cluster the opener takes the processes in turn).`,
    ...(errors.length > 0 ? ['', ...errors] : []),
    '',
    previousSoak ?? `${clusterSoakHeading}\n\nNot run yet: \`pnpm bench cluster --soak\`.`,
  ];
  return lines.join('\n');
}

/** The `### Cluster crash soak` subsection. */
export function clusterSoakSection(
  result: CrashSoakResult,
  machine: MachineInfo,
  date: string,
  command: string,
  options: {
    processes: number;
    clients: number;
    keystrokesPerSecond: number;
    minRunMs: number;
    maxRunMs: number;
  },
  kills: readonly number[],
): string {
  const perProcess = Array.from({ length: options.processes }, (_, index) => {
    const count = kills.filter((killed) => killed === index).length;
    return `lore-${index + 1} ${count}×`;
  }).join(', ');
  return [
    clusterSoakHeading,
    '',
    `Command: \`${command}\` — run ${date.slice(0, 16).replace('T', ' ')} UTC on ${machineLine(machine)}.`,
    '',
    `${options.processes} Lore processes on PostgreSQL (every commit flushed) with the Redis relay behind nginx; ${options.clients} clients connect through nginx and type ${options.keystrokesPerSecond} characters/s each into one page. After ${options.minRunMs / 1000}–${options.maxRunMs / 1000} s a random process gets \`kill -9\` and is started again (killed: ${perProcess}). Before any client reconnects, a fresh client reads the page through nginx: everything any client had received from any process must be there (nothing acknowledged is lost). Then the clients reconnect through nginx and must converge with each other and with another fresh client.`,
    '',
    `**${result.passed} of ${result.cycles} cycles passed** (${result.keystrokes} keystrokes, final text ${result.finalLength} characters, ${result.seconds.toFixed(0)} s).`,
    ...(result.failures.length > 0
      ? ['', ...result.failures.map((failure) => `- ${failure}`)]
      : []),
  ].join('\n');
}

/** Puts a new soak subsection into the Cluster section (creating that when missing). */
export function withClusterSoak(markdown: string, soak: string): string {
  const cluster = findSection(markdown, clusterHeading);
  if (!cluster) {
    return replaceSection(
      markdown,
      clusterHeading,
      `${clusterHeading}\n\nNot run yet: \`pnpm bench cluster\`.\n\n${soak}`,
    );
  }
  const updated = findSection(cluster, clusterSoakHeading)
    ? replaceSection(cluster, clusterSoakHeading, soak)
    : `${cluster}\n\n${soak}`;
  return replaceSection(markdown, clusterHeading, updated);
}
