import { installedVersion } from '../benchPaths';
import { readSequentialTrace } from '../corpora/SequentialTrace';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { loreVersion } from '../report/loreVersion';
import { machineInfo } from '../report/machineInfo';
import { OpenerProcess } from '../scenarios/open/OpenerProcess';
import { openTimes } from '../scenarios/openTimes';
import { traceIngest, traceReplayFloor } from '../scenarios/traceIngest';
import { waitForQuietMachine } from '../scenarios/waitForQuietMachine';
import type { ClusterBenchmarkConfig } from './ClusterBenchmarkConfig';
import type { ClusterBenchTarget, ClusterTargetId } from './ClusterBenchTarget';
import type { ClusterRun, ClusterTargetRun } from './ClusterRun';
import { commitFloor } from './commitFloor';
import { engineVersions } from './engineVersions';
import { LoreClusterTarget } from './LoreClusterTarget';
import { placedFanout } from './placedFanout';
import { SqliteProcessTarget } from './SqliteProcessTarget';

export interface RunClusterOptions {
  readonly config: ClusterBenchmarkConfig;
  readonly supervisor: ProcessSupervisor;
  /** The automerge-paper trace; null skips ingest and opens (corpora missing). */
  readonly tracePath: string | null;
  readonly command: string;
  readonly log?: (line: string) => void;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * Every Lore process here runs from its TypeScript sources under tsx (the cluster harness runs
 * them so), the SQLite one too, so the three set-ups differ only in store, relay and process count.
 */
export function startClusterTarget(
  id: ClusterTargetId,
  supervisor: ProcessSupervisor,
  clusterProcesses: number,
): Promise<ClusterBenchTarget> {
  switch (id) {
    case 'sqlite':
      return SqliteProcessTarget.start(supervisor, { lore: 'source', users: 16 });
    case 'postgres':
      return LoreClusterTarget.start({ processes: 1 });
    case 'cluster':
      return LoreClusterTarget.start({ processes: clusterProcesses });
  }
}

/**
 * Runs the same scenarios with the same load generator against one Lore process on SQLite, one
 * on PostgreSQL, and a cluster on PostgreSQL + Redis behind nginx: a fresh installation per
 * scenario, the targets interleaved. A scenario that fails is recorded for that target; the run
 * goes on.
 */
export async function runClusterBenchmark(options: RunClusterOptions): Promise<ClusterRun> {
  const { config, supervisor } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const targets: ClusterTargetRun[] = config.targets.map((id) => ({
    id,
    label: id,
    processCount: id === 'cluster' ? config.clusterProcesses : 1,
    fanout: config.fanout.map(() => null),
    fanoutP99s: config.fanout.map(() => []),
    ingest: null,
    openLoadedMs: [],
    coldOpenMs: [],
    coldFirstMessageMs: [],
    errors: [],
  }));
  const run: ClusterRun = {
    date: new Date().toISOString(),
    command: options.command,
    machine: machineInfo(),
    versions: {
      lore: loreVersion(),
      'y-websocket (client)': installedVersion('y-websocket'),
      yjs: installedVersion('yjs'),
      ...engineVersions(),
    },
    config,
    targets,
    traceFloorSeconds: null,
    commitFloor: null,
  };

  const withTarget = async (
    entry: ClusterTargetRun,
    scenario: string,
    use: (target: ClusterBenchTarget) => Promise<void>,
  ) => {
    log(`• ${scenario} — ${entry.id}`);
    let target: ClusterBenchTarget | null = null;
    try {
      target = await startClusterTarget(entry.id, supervisor, config.clusterProcesses);
      entry.label = target.label;
      entry.processCount = target.processCount;
      await use(target);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      entry.errors.push(`${scenario}: ${message}`);
      log(`  ✗ ${message}`);
    } finally {
      await target?.close();
    }
  };

  for (const [index, load] of config.fanout.entries()) {
    for (let attempt = 1; attempt <= config.fanoutRepeats; attempt++) {
      for (const entry of targets) {
        const name = `fan-out ${load.pages} pages × ${load.typists + load.readers} clients, run ${attempt}/${config.fanoutRepeats}`;
        await withTarget(entry, name, async (target) => {
          const idle = await waitForQuietMachine();
          const result = await placedFanout(target, supervisor, load, {
            loadGenerators: config.loadGenerators,
          });
          const best = entry.fanout[index];
          if (!best || result.latency.p99 < best.latency.p99) entry.fanout[index] = result;
          entry.fanoutP99s[index]?.push(result.latency.p99);
          log(
            `  p50 ${ms(result.latency.p50)} p99 ${ms(result.latency.p99)} max ${ms(result.latency.max)} ` +
              `delivered ${result.latency.count}/${result.expectedDeliveries} converged ${result.converged}` +
              `${result.lostConnections.length > 0 ? ` (${result.lostConnections.length} connections lost)` : ''}; ` +
              `CPU: Lore ${result.serverCpuPercent.toFixed(0)}%, load generators ` +
              `${result.loadGeneratorCpuPercent.toFixed(0)}% (lag p99 ${ms(result.loadGeneratorLagP99Ms)}), ` +
              `others ${result.otherCpuPercent.toFixed(0)}%; idle cores before ${idle.toFixed(1)}`,
          );
        });
      }
    }
  }

  const firstLoad = config.fanout[0];
  if (firstLoad && config.targets.some((id) => id !== 'sqlite')) {
    log(
      `• durable commit floor, ${firstLoad.pages} pages × ${firstLoad.keystrokesPerSecond} appends/s`,
    );
    try {
      await waitForQuietMachine();
      run.commitFloor = await commitFloor(firstLoad);
      const floor = run.commitFloor;
      log(
        floor
          ? `  p50 ${ms(floor.p50)} p99 ${ms(floor.p99)} max ${ms(floor.max)}`
          : '  PostgreSQL is not installed',
      );
    } catch (error) {
      log(`  ✗ ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  if (!options.tracePath) {
    log('• automerge-paper trace not found: ingest and opens skipped');
    return run;
  }
  log('• reading the automerge-paper trace');
  const trace = readSequentialTrace(options.tracePath);
  run.traceFloorSeconds = traceReplayFloor(trace, config.ingestOps);
  const opener = new OpenerProcess(supervisor);
  try {
    for (const entry of targets) {
      await withTarget(entry, 'automerge-paper ingest and opens', async (target) => {
        await waitForQuietMachine();
        // The sender and the observer are opened one after the other, so in a cluster they sit
        // on different processes: an update counts once another process's client has it.
        const result = await traceIngest(target, { trace, ops: config.ingestOps });
        entry.ingest = {
          ops: result.ops,
          seconds: result.seconds,
          updatesPerSecond: result.updatesPerSecond,
          sendSeconds: result.sendSeconds,
          serverCpuSeconds: result.serverCpuSeconds,
          loadGeneratorCpuSeconds: result.loadGeneratorCpuSeconds,
          otherCpuSeconds: result.otherCpuSeconds,
          finalLength: result.finalLength,
        };
        log(
          `  ${result.ops} updates in ${result.seconds.toFixed(2)} s = ${Math.round(result.updatesPerSecond)}/s ` +
            `(CPU s: Lore ${result.serverCpuSeconds.toFixed(2)}, load generator ${result.loadGeneratorCpuSeconds.toFixed(2)}, ` +
            `others ${result.otherCpuSeconds.toFixed(2)})`,
        );
        try {
          const loaded = await openTimes(opener, target, result.docId, result.expectedContent, {
            opens: config.opens,
            warmUps: config.openWarmUps,
          });
          entry.openLoadedMs = loaded.map((open) => open.ms);
        } finally {
          result.close();
        }
        for (let restart = 0; restart < config.coldRestarts; restart++) {
          await target.restart();
          await waitForQuietMachine();
          const [cold] = await openTimes(opener, target, result.docId, result.expectedContent, {
            opens: 1,
          });
          entry.coldOpenMs.push(cold?.ms ?? Number.NaN);
          entry.coldFirstMessageMs.push(cold?.firstMessageMs ?? Number.NaN);
        }
        log(
          `  opens while loaded ${entry.openLoadedMs.map((value) => value.toFixed(1)).join(', ')} ms; ` +
            `cold opens ${entry.coldOpenMs.map((value) => value.toFixed(1)).join(', ')} ms`,
        );
      });
    }
  } finally {
    await opener.close();
  }
  return run;
}
