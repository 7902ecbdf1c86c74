import { execFileSync } from 'node:child_process';
import { setPriority } from 'node:os';
import { automergePaperTracePath, repoRoot } from './benchPaths';
import { clusterBenchmark, clusterUsage } from './cluster/clusterBenchmark';
import {
  allServers,
  type CollabBenchmarkConfig,
  fullCollabConfig,
  quickCollabConfig,
} from './collab/CollabBenchmarkConfig';
import { fullSoakConfig, quickSoakConfig } from './collab/crashSoakConfig';
import { runCollabBenchmark } from './collab/runCollabBenchmark';
import { discussionBenchmark, discussionUsage } from './discussion/discussionBenchmark';
import { importBenchmark, importUsage } from './import/importBenchmark';
import { ProcessSupervisor } from './process/ProcessSupervisor';
import { pinCpus } from './process/pinCpus';
import { benchmarksDocPath, updateBenchmarksDoc } from './report/benchmarksDoc';
import { collabTextTable } from './report/collabReport';
import {
  collabHeading,
  collabSection,
  soakHeading,
  soakSection,
  withSoakSection,
} from './report/collabSection';
import { machineInfo } from './report/machineInfo';
import { findSection, replaceSection } from './report/replaceSection';
import { crashSoak } from './scenarios/crashSoak';
import { searchBenchmark, searchUsage } from './search/searchBenchmark';
import type { LoreBuild, ServerId } from './servers/CollabTarget';
import { LoreTarget } from './servers/LoreTarget';
import { startupBenchmark, startupUsage } from './startup/startupBenchmark';

const usage = `Usage: pnpm bench <benchmark> [options]

  collab              typing fan-out latency, memory per open page, automerge-paper ingest and
                      cold open, against Lore, the y-websocket reference server and Hocuspocus;
                      prints a table and rewrites "## Collaboration" in docs/benchmarks.md
    --quick           small sizes (a couple of minutes); docs are not written
    --servers=a,b     only these of: lore, reference, hocuspocus (docs are not written)
    --soak            run the crash soak instead (same as: pnpm bench crash-soak)
    --no-write        do not touch docs/benchmarks.md
    --load-generators=N
                      processes the fan-out clients are spread over (default: cores − 1)
    --nice=N          run the load generator and servers at nice value N (e.g. -10 on a
                      machine shared with other work; negative values need privileges)
    --pin             run the servers on CPU 0 and the clients on the other CPUs (taskset)
    --lore=source     run Lore from its TypeScript sources under tsx instead of the compiled
                      build that pnpm start runs (which is built first)
  crash-soak          kill -9 Lore at random points while clients type, 50 cycles
    --cycles=N        another number of cycles (docs are written only for the full 50)
${clusterUsage}${discussionUsage}${searchUsage}${importUsage}
${startupUsage}
`;

interface Flags {
  readonly quick: boolean;
  readonly soak: boolean;
  readonly noWrite: boolean;
  readonly servers: ServerId[] | null;
  readonly cycles: number | null;
  readonly nice: number | undefined;
  readonly loadGenerators: number | undefined;
  readonly pin: boolean;
  readonly lore: LoreBuild;
}

function parseFlags(args: readonly string[]): Flags {
  let quick = false;
  let soak = false;
  let noWrite = false;
  let pin = false;
  let lore: LoreBuild = 'compiled';
  let servers: ServerId[] | null = null;
  let cycles: number | null = null;
  let nice: number | undefined;
  let loadGenerators: number | undefined;
  for (const arg of args) {
    if (arg === '--quick') quick = true;
    else if (arg === '--soak') soak = true;
    else if (arg === '--no-write') noWrite = true;
    else if (arg === '--pin') pin = true;
    else if (arg === '--lore=source' || arg === '--lore=compiled')
      lore = arg.slice('--lore='.length) as LoreBuild;
    else if (arg.startsWith('--servers=')) {
      const names = arg.slice('--servers='.length).split(',');
      for (const name of names) {
        if (!allServers.includes(name as ServerId)) throw new Error(`Unknown server "${name}".`);
      }
      servers = names as ServerId[];
    } else if (arg.startsWith('--cycles=')) {
      cycles = Number(arg.slice('--cycles='.length));
      if (!Number.isInteger(cycles) || cycles < 1 || cycles > 10_000)
        throw new Error('--cycles must be 1..10000.');
    } else if (arg.startsWith('--load-generators=')) {
      loadGenerators = Number(arg.slice('--load-generators='.length));
      if (!Number.isInteger(loadGenerators) || loadGenerators < 1 || loadGenerators > 64) {
        throw new Error('--load-generators must be 1..64.');
      }
    } else if (arg.startsWith('--nice=')) {
      nice = Number(arg.slice('--nice='.length));
      if (!Number.isInteger(nice) || nice < -20 || nice > 19)
        throw new Error('--nice must be -20..19.');
    } else throw new Error(`Unknown option "${arg}".\n\n${usage}`);
  }
  return { quick, soak, noWrite, servers, cycles, nice, loadGenerators, pin, lore };
}

async function collab(flags: Flags, supervisor: ProcessSupervisor, command: string): Promise<void> {
  const base = flags.quick ? quickCollabConfig : fullCollabConfig;
  const config: CollabBenchmarkConfig = {
    ...base,
    servers: flags.servers ?? base.servers,
    loadGenerators: flags.loadGenerators ?? base.loadGenerators,
  };
  const tracePath = automergePaperTracePath();
  const pinning = flags.pin ? pinCpus() : null;
  const run = await runCollabBenchmark({
    config,
    supervisor,
    tracePath,
    command,
    targetOptions: {
      lore: flags.lore,
      ...(flags.nice === undefined ? {} : { nice: flags.nice }),
      ...(pinning ? { cpus: pinning.servers } : {}),
    },
    pinning,
  });
  process.stdout.write(`\n${collabTextTable(run)}\n`);
  for (const server of run.servers) {
    for (const error of server.errors) process.stdout.write(`error — ${server.id}: ${error}\n`);
  }
  const complete = !flags.quick && flags.servers === null && tracePath !== null;
  if (flags.noWrite || !complete) {
    process.stdout.write('\ndocs/benchmarks.md left unchanged (partial run or --no-write).\n');
    return;
  }
  updateBenchmarksDoc((markdown) => {
    const previous = findSection(markdown, collabHeading);
    const previousSoak = previous ? findSection(previous, soakHeading) : null;
    return replaceSection(markdown, collabHeading, collabSection(run, previousSoak));
  });
  process.stdout.write(`\nWrote the Collaboration section of ${benchmarksDocPath}.\n`);
}

async function soak(flags: Flags, supervisor: ProcessSupervisor, command: string): Promise<void> {
  const base = flags.quick ? quickSoakConfig : fullSoakConfig;
  const options = { ...base, cycles: flags.cycles ?? base.cycles };
  const machine = machineInfo();
  const date = new Date().toISOString();
  const target = await LoreTarget.start(supervisor, {
    lore: flags.lore,
    ...(flags.nice === undefined ? {} : { nice: flags.nice }),
  });
  try {
    const result = await crashSoak(target, {
      ...options,
      onCycle: (cycle, ok, detail) =>
        process.stderr.write(
          `cycle ${cycle}/${options.cycles}: ${ok ? 'ok' : `FAILED — ${detail}`}\n`,
        ),
    });
    process.stdout.write(
      `\nCrash soak: ${result.passed}/${result.cycles} cycles passed, ${result.keystrokes} keystrokes, ` +
        `final text ${result.finalLength} characters, ${result.seconds.toFixed(0)} s.\n`,
    );
    for (const failure of result.failures) process.stdout.write(`  ${failure}\n`);
    if (!flags.noWrite && options.cycles === fullSoakConfig.cycles) {
      updateBenchmarksDoc((markdown) =>
        withSoakSection(markdown, soakSection(result, machine, date, command, options)),
      );
      process.stdout.write(`Wrote the crash soak to ${benchmarksDocPath}.\n`);
    }
    if (result.passed !== result.cycles) process.exitCode = 1;
  } finally {
    await target.close();
  }
}

/** Builds the compiled server, so the run measures the current code the way `pnpm start` runs it. */
function buildServer(): void {
  process.stderr.write('Building the server (pnpm --filter @lore/server build)…\n');
  execFileSync('pnpm', ['--filter', '@lore/server', 'build'], { cwd: repoRoot, stdio: 'ignore' });
}

async function main(args: readonly string[]): Promise<void> {
  // Every y-websocket provider adds a process 'exit' listener; a thousand clients are expected.
  process.setMaxListeners(0);
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage);
    return;
  }
  if (name === 'search') return searchBenchmark(rest);
  if (name === 'import') return importBenchmark(rest);
  if (name === 'startup') return startupBenchmark(rest);
  if (name === 'cluster' || name === 'discussion') {
    const supervisor = new ProcessSupervisor();
    supervisor.installExitHandlers();
    try {
      return name === 'cluster'
        ? await clusterBenchmark(rest, supervisor)
        : await discussionBenchmark(rest, supervisor);
    } finally {
      await supervisor.stopAll();
    }
  }
  const flags = parseFlags(rest);
  if (flags.nice !== undefined) setPriority(flags.nice);
  const supervisor = new ProcessSupervisor();
  supervisor.installExitHandlers();
  const command = ['pnpm bench', ...args].join(' ');
  if (flags.lore === 'compiled') buildServer();
  try {
    if (name === 'collab' && !flags.soak) await collab(flags, supervisor, command);
    else if (name === 'crash-soak' || (name === 'collab' && flags.soak))
      await soak(flags, supervisor, command);
    else throw new Error(`Unknown benchmark "${name}".\n\n${usage}`);
  } finally {
    await supervisor.stopAll();
  }
}

main(process.argv.slice(2)).then(
  // Provider timers and sockets of finished clients must not keep the process alive.
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
