import { setPriority } from 'node:os';
import { automergePaperTracePath } from '../benchPaths';
import { fullSoakConfig, quickSoakConfig } from '../collab/crashSoakConfig';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { benchmarksDocPath, updateBenchmarksDoc } from '../report/benchmarksDoc';
import {
  clusterHeading,
  clusterSection,
  clusterSoakHeading,
  clusterSoakSection,
  clusterTable,
  withClusterSoak,
} from '../report/clusterSection';
import { machineInfo } from '../report/machineInfo';
import { findSection, replaceSection } from '../report/replaceSection';
import { fullClusterConfig, quickClusterConfig } from './ClusterBenchmarkConfig';
import { type ClusterTargetId, clusterTargetIds } from './ClusterBenchTarget';
import { clusterSoak } from './clusterSoak';
import { LoreClusterTarget } from './LoreClusterTarget';
import { runClusterBenchmark } from './runClusterBenchmark';

export const clusterUsage = `  cluster             fan-out latency on many pages, automerge-paper ingest and cold open on one
                      Lore process on SQLite, one on PostgreSQL, and 3 processes on PostgreSQL +
                      Redis behind nginx; rewrites "## Cluster" in docs/benchmarks.md
    --quick           small sizes (about two minutes); docs are not written
    --targets=a,b     only these of: sqlite, postgres, cluster (docs are not written)
    --soak            kill -9 a random process of the cluster while 10 clients type, 50 cycles
    --cycles=N        another number of soak cycles (docs are written only for the full 50)
    --no-write        do not touch docs/benchmarks.md
    --nice=N          run everything the benchmark starts (Lore, PostgreSQL, Redis, nginx, clients)
                      at nice value N, e.g. -10 on a machine shared with other work
`;

interface ClusterFlags {
  readonly quick: boolean;
  readonly soak: boolean;
  readonly noWrite: boolean;
  readonly cycles: number | null;
  readonly targets: ClusterTargetId[] | null;
  readonly nice: number | null;
}

function parseClusterFlags(args: readonly string[]): ClusterFlags {
  let quick = false;
  let soak = false;
  let noWrite = false;
  let cycles: number | null = null;
  let targets: ClusterTargetId[] | null = null;
  let nice: number | null = null;
  for (const arg of args) {
    if (arg === '--quick') quick = true;
    else if (arg === '--soak') soak = true;
    else if (arg === '--no-write') noWrite = true;
    else if (arg.startsWith('--cycles=')) {
      cycles = Number(arg.slice('--cycles='.length));
      if (!Number.isInteger(cycles) || cycles < 1 || cycles > 10_000)
        throw new Error('--cycles must be 1..10000.');
    } else if (arg.startsWith('--nice=')) {
      nice = Number(arg.slice('--nice='.length));
      if (!Number.isInteger(nice) || nice < -20 || nice > 19)
        throw new Error('--nice must be -20..19.');
    } else if (arg.startsWith('--targets=')) {
      const names = arg.slice('--targets='.length).split(',');
      for (const name of names) {
        if (!clusterTargetIds.includes(name as ClusterTargetId))
          throw new Error(`Unknown target "${name}".`);
      }
      targets = names as ClusterTargetId[];
    } else throw new Error(`Unknown option "${arg}".\n\n${clusterUsage}`);
  }
  return { quick, soak, noWrite, cycles, targets, nice };
}

async function runSoak(flags: ClusterFlags, command: string): Promise<void> {
  const base = flags.quick ? quickSoakConfig : fullSoakConfig;
  const options = { ...base, cycles: flags.cycles ?? base.cycles };
  const processes = fullClusterConfig.clusterProcesses;
  const machine = machineInfo();
  const date = new Date().toISOString();
  const target = await LoreClusterTarget.start({ processes });
  try {
    const kills: number[] = [];
    const result = await clusterSoak(
      target,
      {
        ...options,
        onCycle: (cycle, ok, detail) =>
          process.stderr.write(
            `cycle ${cycle}/${options.cycles} (killed lore-${(kills[cycle - 1] ?? 0) + 1}): ${ok ? 'ok' : `FAILED — ${detail}`}\n`,
          ),
      },
      kills,
    );
    process.stdout.write(
      `\nCluster crash soak: ${result.passed}/${result.cycles} cycles passed, ${result.keystrokes} keystrokes, ` +
        `final text ${result.finalLength} characters, ${result.seconds.toFixed(0)} s.\n`,
    );
    for (const failure of result.failures) process.stdout.write(`  ${failure}\n`);
    if (!flags.noWrite && options.cycles === fullSoakConfig.cycles) {
      updateBenchmarksDoc((markdown) =>
        withClusterSoak(
          markdown,
          clusterSoakSection(result, machine, date, command, { ...options, processes }, kills),
        ),
      );
      process.stdout.write(`Wrote the cluster crash soak to ${benchmarksDocPath}.\n`);
    }
    if (result.passed !== result.cycles) process.exitCode = 1;
  } finally {
    await target.close();
  }
}

/** `pnpm bench cluster [--quick] [--soak]`. */
export async function clusterBenchmark(
  args: readonly string[],
  supervisor: ProcessSupervisor,
): Promise<void> {
  const flags = parseClusterFlags(args);
  const command = ['pnpm bench cluster', ...args].join(' ');
  // Every process started from here on inherits the nice value: the cluster harness's too.
  if (flags.nice !== null) setPriority(flags.nice);
  if (flags.soak) return runSoak(flags, command);
  const tracePath = automergePaperTracePath();
  const base = flags.quick ? quickClusterConfig : fullClusterConfig;
  const run = await runClusterBenchmark({
    config: { ...base, targets: flags.targets ?? base.targets },
    supervisor,
    tracePath,
    command,
  });
  process.stdout.write(`\n${clusterTable(run)}\n`);
  for (const target of run.targets) {
    for (const error of target.errors) process.stdout.write(`error — ${target.id}: ${error}\n`);
  }
  if (flags.noWrite || flags.quick || flags.targets !== null || tracePath === null) {
    process.stdout.write(
      '\ndocs/benchmarks.md left unchanged (partial run, --no-write or no trace).\n',
    );
    return;
  }
  updateBenchmarksDoc((markdown) => {
    const previous = findSection(markdown, clusterHeading);
    const previousSoak = previous ? findSection(previous, clusterSoakHeading) : null;
    return replaceSection(markdown, clusterHeading, clusterSection(run, previousSoak));
  });
  process.stdout.write(`\nWrote the Cluster section of ${benchmarksDocPath}.\n`);
}
