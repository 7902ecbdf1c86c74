import { installedVersion } from '../benchPaths';
import { readSequentialTrace } from '../corpora/SequentialTrace';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import type { CpuPinning } from '../process/pinCpus';
import { machineInfo } from '../report/machineInfo';
import { fanoutLatency } from '../scenarios/fanoutLatency';
import { memoryPerPage } from '../scenarios/memoryPerPage';
import { OpenerProcess } from '../scenarios/open/OpenerProcess';
import { openTimes } from '../scenarios/openTimes';
import { traceIngest, traceReplayFloor } from '../scenarios/traceIngest';
import { waitForQuietMachine } from '../scenarios/waitForQuietMachine';
import { waitUntil } from '../scenarios/waitUntil';
import type { CollabTarget, TargetStartOptions } from '../servers/CollabTarget';
import { LoreTarget } from '../servers/LoreTarget';
import type { CollabBenchmarkConfig } from './CollabBenchmarkConfig';
import type { CollabRun, ServerRun } from './CollabRun';
import { startTarget } from './startTarget';

export interface RunCollabOptions {
  readonly config: CollabBenchmarkConfig;
  readonly supervisor: ProcessSupervisor;
  /** The automerge-paper trace; null skips ingest and cold open (corpora missing). */
  readonly tracePath: string | null;
  /** The command line, for the report. */
  readonly command: string;
  readonly log?: (line: string) => void;
  /** How servers are started (e.g. their nice value). */
  readonly targetOptions?: TargetStartOptions;
  /** The CPUs servers and clients were kept on (`--pin`), for the report; null when not pinned. */
  readonly pinning?: CpuPinning | null;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Package versions of everything under test, for the report. */
export function collabVersions(loreLabel: string): Record<string, string> {
  return {
    lore: loreLabel,
    'y-websocket reference server': installedVersion('y-websocket-ref'),
    '@hocuspocus/server': installedVersion('@hocuspocus/server'),
    'y-websocket (client)': installedVersion('y-websocket'),
    '@hocuspocus/provider (client)': installedVersion('@hocuspocus/provider'),
    yjs: installedVersion('yjs'),
  };
}

/**
 * Runs every collaboration scenario against every configured server, one server process at a
 * time and a fresh one per scenario, all driven by this process as the load generator. A
 * scenario that fails on one server is recorded as an error for that cell; the run goes on.
 */
export async function runCollabBenchmark(options: RunCollabOptions): Promise<CollabRun> {
  const { config, supervisor } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const servers: ServerRun[] = config.servers.map((id) => ({
    id,
    label: id,
    fanout: config.fanout.map(() => null),
    fanoutP99s: config.fanout.map(() => []),
    memory: null,
    ingest: null,
    openLoadedMs: [],
    lore: null,
    errors: [],
  }));
  const run: CollabRun = {
    date: new Date().toISOString(),
    command: options.command,
    machine: machineInfo(),
    versions: {},
    config,
    servers,
    traceFloorSeconds: null,
    soak: null,
    nice: options.targetOptions?.nice ?? null,
    pinning: options.pinning ?? null,
    loreBuild: options.targetOptions?.lore ?? 'source',
  };

  const withTarget = async (
    server: ServerRun,
    scenario: string,
    use: (target: CollabTarget) => Promise<void>,
  ) => {
    log(`• ${scenario} — ${server.id}`);
    let target: CollabTarget | null = null;
    try {
      target = await startTarget(server.id, supervisor, options.targetOptions);
      server.label = target.label;
      await use(target);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      server.errors.push(`${scenario}: ${message}`);
      log(`  ✗ ${message}`);
    } finally {
      await target?.close();
    }
  };

  for (const [index, load] of config.fanout.entries()) {
    for (let attempt = 1; attempt <= config.fanoutRepeats; attempt++) {
      for (const server of servers) {
        const name = `fan-out ${load.clients}×${load.keystrokesPerSecond}/s, run ${attempt}/${config.fanoutRepeats}`;
        await withTarget(server, name, async (target) => {
          const idleCores = await waitForQuietMachine();
          const result = await fanoutLatency(target, supervisor, {
            ...load,
            loadGenerators: config.loadGenerators,
            nice: options.targetOptions?.nice,
          });
          const best = server.fanout[index];
          if (!best || result.latency.p99 < best.latency.p99) server.fanout[index] = result;
          server.fanoutP99s[index]?.push(result.latency.p99);
          log(
            `  p50 ${ms(result.latency.p50)} p99 ${ms(result.latency.p99)} max ${ms(result.latency.max)} ` +
              `delivered ${result.latency.count}/${result.expectedDeliveries} converged ${result.converged}` +
              `${result.lostConnections.length > 0 ? ` (${result.lostConnections.length} connections lost: ${[...new Set(result.lostConnections)].join('; ')})` : ''}; ` +
              `CPU: server ${result.serverCpuPercent.toFixed(0)}%, load generator ` +
              `${result.loadGeneratorCpuPercent.toFixed(0)}% (lag p99 ${ms(result.loadGeneratorLagP99Ms)}), ` +
              `others ${result.otherCpuPercent.toFixed(0)}%; idle cores before ${idleCores.toFixed(1)}`,
          );
        });
      }
    }
  }

  for (const server of servers) {
    await withTarget(server, `memory, ${config.memory.pages} open pages`, async (target) => {
      await waitForQuietMachine();
      const result = await memoryPerPage(target, config.memory);
      server.memory = result;
      log(
        `  baseline ${(result.baselineRssBytes / 2 ** 20).toFixed(1)} MiB, loaded ` +
          `${(result.loadedRssBytes / 2 ** 20).toFixed(1)} MiB, ${(result.bytesPerPage / 1024).toFixed(1)} KiB/page RSS, ` +
          `${(result.heapBytesPerPage / 1024).toFixed(1)} KiB/page heap+external, ` +
          `verified ${result.verifiedPages}`,
      );
    });
  }

  if (options.tracePath) {
    log('• reading the automerge-paper trace');
    const trace = readSequentialTrace(options.tracePath);
    run.traceFloorSeconds = traceReplayFloor(trace, config.ingestOps);
    log(`  load generator alone: ${run.traceFloorSeconds.toFixed(2)} s`);
    // Opens are timed in a process of their own that lives for the whole run, like a browser
    // with the app already loaded, rather than here next to the trace and the ingest clients.
    const opener = new OpenerProcess(supervisor);
    try {
      for (let attempt = 1; attempt <= config.ingestRepeats; attempt++) {
        const last = attempt === config.ingestRepeats;
        for (const server of servers) {
          const name = `automerge-paper ingest${last ? ' and opens' : ''}, run ${attempt}/${config.ingestRepeats}`;
          await withTarget(server, name, async (target) => {
            await waitForQuietMachine();
            const result = await traceIngest(target, { trace, ops: config.ingestOps });
            const best = server.ingest;
            if (!best || result.updatesPerSecond > best.updatesPerSecond) {
              server.ingest = {
                ops: result.ops,
                seconds: result.seconds,
                updatesPerSecond: result.updatesPerSecond,
                sendSeconds: result.sendSeconds,
                serverCpuSeconds: result.serverCpuSeconds,
                loadGeneratorCpuSeconds: result.loadGeneratorCpuSeconds,
                otherCpuSeconds: result.otherCpuSeconds,
                finalLength: result.finalLength,
              };
            }
            log(
              `  ${result.ops} updates in ${result.seconds.toFixed(2)} s = ` +
                `${Math.round(result.updatesPerSecond)}/s (sender done after ${result.sendSeconds.toFixed(2)} s; CPU s: server ` +
                `${result.serverCpuSeconds.toFixed(2)}, load generator ${result.loadGeneratorCpuSeconds.toFixed(2)}, others ${result.otherCpuSeconds.toFixed(2)})`,
            );
            if (!last) {
              result.close();
              return;
            }
            try {
              server.openLoadedMs = await openTimes(
                opener,
                target,
                result.docId,
                result.expectedContent,
                {
                  opens: config.opens,
                  warmUps: config.openWarmUps,
                },
              ).then((opens) => opens.map((open) => open.ms));
              log(
                `  opens while loaded: ${server.openLoadedMs.map((value) => value.toFixed(1)).join(', ')} ms`,
              );
            } finally {
              result.close();
            }
            if (!(target instanceof LoreTarget)) return;
            const lore = target;
            await waitUntil(
              () => lore.storage().logRows === 0,
              'the page to unload and compact',
              120_000,
              250,
            );
            const storageAfterUnload = lore.storage();
            await lore.server.stop();
            const storageAfterStop = lore.storage();
            // One cold open per restart; several restarts, because one sample on a shared machine
            // says more about the machine than about the server.
            const coldOpenMs: number[] = [];
            const coldFirstMessageMs: number[] = [];
            let reopenMs: number[] = [];
            for (let restart = 0; restart < config.coldRestarts; restart++) {
              if (restart > 0) await lore.server.stop();
              await lore.server.start();
              await waitForQuietMachine();
              const [cold, ...reopens] = await openTimes(
                opener,
                lore,
                result.docId,
                result.expectedContent,
                { opens: restart === 0 ? config.opens + 1 : 1 },
              );
              coldOpenMs.push(cold?.ms ?? Number.NaN);
              coldFirstMessageMs.push(cold?.firstMessageMs ?? Number.NaN);
              if (restart === 0) reopenMs = reopens.map((open) => open.ms);
            }
            const unloadedOpens = await openTimes(
              opener,
              lore,
              result.docId,
              result.expectedContent,
              {
                opens: config.unloadedOpens,
                pauseMs: 7_000,
              },
            );
            const unloadedOpenMs = unloadedOpens.map((open) => open.ms);
            server.lore = {
              storageAfterUnload,
              storageAfterStop,
              coldOpenMs,
              coldFirstMessageMs,
              reopenMs,
              unloadedOpenMs,
            };
            log(
              `  stored ${storageAfterUnload.dbBytes + storageAfterUnload.walBytes} bytes (db+wal), ` +
                `cold opens ${coldOpenMs.map((value) => value.toFixed(1)).join(', ')} ms (first message after ${coldFirstMessageMs.map((value) => value.toFixed(1)).join(', ')} ms), reopens ${reopenMs.map((value) => value.toFixed(1)).join(', ')} ms, ` +
                `unloaded opens ${unloadedOpenMs.map((value) => value.toFixed(1)).join(', ')} ms`,
            );
          });
        }
      }
    } finally {
      await opener.close();
    }
  } else {
    log('• automerge-paper trace not found: ingest and cold open skipped');
  }

  const lore = servers.find((server) => server.id === 'lore');
  run.versions = collabVersions(lore?.label.replace(/^Lore /, '') ?? 'not run');
  return run;
}
