import { Buffer } from 'node:buffer';
import type { ProtocolTypist } from '../clients/ProtocolTypist';
import { seedPage } from '../document/seedPage';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { readSystemCpu } from '../process/systemCpu';
import type { CollabTarget } from '../servers/CollabTarget';
import { LatencyRecorder } from '../stats/LatencyRecorder';
import { monotonicMs } from '../stats/monotonicMs';
import type { LatencySummary } from '../stats/summarizeLatencies';
import { LoadGeneratorProcess } from './fanout/LoadGeneratorProcess';
import { sleep } from './waitUntil';

export interface FanoutOptions {
  /** Clients on the one page; every one of them types. */
  readonly clients: number;
  readonly keystrokesPerSecond: number;
  /** Typing before measuring starts (connections settle, JIT warms up). */
  readonly warmupMs: number;
  /** Keystrokes sent during this window are measured. */
  readonly measureMs: number;
  /**
   * Load-generator processes the clients are spread over. Real Yjs clients cost tens of
   * microseconds of CPU per received update, so a large fan-out needs several cores.
   */
  readonly loadGenerators?: number;
  readonly seed?: number;
  /**
   * Clients that are the server's stock provider, merging every keystroke; the others are
   * {@link ProtocolTypist}s. The stock clients' documents must converge to every keystroke typed.
   */
  readonly providerClients?: number;
  /** How long the clients get to converge after typing stopped. */
  readonly drainTimeoutMs?: number;
  /** Nice value for the load-generator processes. */
  readonly nice?: number;
}

export interface FanoutResult {
  readonly clients: number;
  readonly keystrokesPerSecond: number;
  readonly loadGenerators: number;
  /** Keystrokes sent in the measured window. */
  readonly sent: number;
  /** `sent × (clients − 1)`: every other client should receive every keystroke. */
  readonly expectedDeliveries: number;
  /** Sender-to-receiver latency of every delivery of a measured keystroke. */
  readonly latency: LatencySummary;
  /** Clients that were stock providers (the rest spoke the protocol themselves). */
  readonly providerClients: number;
  /** Connections the server closed during the run, with the reason (none in a healthy run). */
  readonly lostConnections: readonly string[];
  /** The stock-provider clients ended with the same state and a text holding every keystroke. */
  readonly converged: boolean;
  readonly finalLength: number;
  /** CPU use during the window, in % of one core. */
  readonly serverCpuPercent: number;
  /** Server CPU time per keystroke sent in the window (its relay to every other client included). */
  readonly serverCpuMicrosPerKeystroke: number;
  /** All load-generator processes together. */
  readonly loadGeneratorCpuPercent: number;
  /** Worst p99 event-loop delay of the load generators: high values mean they, not the server, lagged. */
  readonly loadGeneratorLagP99Ms: number;
  /** CPU used by everything else on the machine during the window, in % of one core. */
  readonly otherCpuPercent: number;
}

/**
 * Typing fan-out: `clients` Yjs clients on one page each type `keystrokesPerSecond`
 * single-character inserts into the body paragraph, each at its caret, which now and then jumps to
 * a random place. `providerClients` of them are the server's stock provider and merge every
 * keystroke; the others are {@link ProtocolTypist}s, which send the same updates but only read who
 * typed what from what they receive. The clients live in `loadGenerators` forked processes; each
 * records when its clients' keystrokes were sent (by client id and clock) and when remote
 * keystrokes arrived, on the machine-wide monotonic clock, and this process joins the records.
 */
export async function fanoutLatency(
  target: CollabTarget,
  supervisor: ProcessSupervisor,
  options: FanoutOptions,
): Promise<FanoutResult> {
  const [docId] = await target.createDocuments(1);
  if (!docId) throw new Error('No document was created.');
  const generatorCount = Math.max(1, Math.min(options.loadGenerators ?? 1, options.clients));
  const generators: LoadGeneratorProcess[] = [];
  const seeder = target.connect(docId);
  try {
    await seeder.whenSynced();
    seedPage(seeder.doc, 'Fan-out');
    const providerClients = Math.min(options.clients, options.providerClients ?? 2);
    let opened = 0;
    const shares = Array.from({ length: generatorCount }, (_, index) =>
      Array.from({ length: Math.ceil((options.clients - index) / generatorCount) }, () => ({
        spec: target.clientSpec(docId),
        protocolOnly: opened++ >= providerClients,
      })),
    );
    for (let index = 0; index < generatorCount; index++) {
      generators.push(new LoadGeneratorProcess(supervisor, options.nice));
    }
    await Promise.all(
      generators.map((generator, index) =>
        generator.request({ type: 'connect', clients: shares[index] ?? [] }, 'ready'),
      ),
    );
    seeder.destroy();

    const from = monotonicMs() + 200;
    const windowStart = from + options.warmupMs;
    const windowEnd = windowStart + options.measureMs;
    const typing = Promise.all(
      generators.map((generator, index) =>
        generator.request(
          {
            type: 'type',
            seed: (options.seed ?? 42) + index,
            keystrokesPerSecond: options.keystrokesPerSecond,
            from,
            windowStart,
            windowEnd,
          },
          'typed',
          options.warmupMs + options.measureMs + 60_000,
        ),
      ),
    );
    await sleep(windowStart - monotonicMs());
    const serverCpuStart = target.server.cpuSeconds();
    const systemStart = readSystemCpu();
    await typing;
    const seconds = options.measureMs / 1000;
    const serverCpu = target.server.cpuSeconds() - serverCpuStart;
    const systemBusy = readSystemCpu().busySeconds - systemStart.busySeconds;

    // Converged: every stock client holds the same state, and a text with every keystroke typed.
    // Typing is over, but the last keystrokes may still be on their way: wait for them rather
    // than compare states that have not caught up.
    let converged = false;
    let finalLength = 0;
    let typed = 0;
    const deadline = Date.now() + (options.drainTimeoutMs ?? 60_000);
    while (!converged && Date.now() < deadline) {
      const replies = await Promise.all(
        generators.map((generator) => generator.request({ type: 'state' }, 'state')),
      );
      typed = replies.reduce((sum, reply) => sum + reply.typed, 0);
      const states = replies.flatMap((reply) => reply.clients);
      const [first] = states;
      finalLength = first?.textLength ?? 0;
      converged =
        first !== undefined &&
        finalLength === typed &&
        states.every(
          (state) =>
            Buffer.from(state.stateVector).equals(Buffer.from(first.stateVector)) &&
            state.textHash === first.textHash,
        );
      if (!converged) await sleep(200);
    }

    const reports = await Promise.all(
      generators.map((generator) => generator.request({ type: 'report' }, 'report')),
    );
    const sendTimes = new Map<number, Float64Array>();
    let sent = 0;
    for (const report of reports) {
      for (const { clientId, times } of report.sends) {
        sendTimes.set(clientId, times);
        for (const time of times) if (time >= windowStart && time < windowEnd) sent += 1;
      }
    }
    const recorder = new LatencyRecorder(sent * options.clients);
    for (const { deliveries } of reports) {
      for (let index = 0; index < deliveries.at.length; index++) {
        const times = sendTimes.get(deliveries.sender[index] ?? -1);
        const sentAt = times?.[deliveries.clock[index] ?? -1];
        if (sentAt === undefined || !(sentAt >= windowStart && sentAt < windowEnd)) continue;
        recorder.record((deliveries.at[index] ?? Number.NaN) - sentAt);
      }
    }
    const loadGeneratorCpu = reports.reduce((sum, report) => sum + report.cpuSeconds, 0);
    return {
      clients: options.clients,
      keystrokesPerSecond: options.keystrokesPerSecond,
      loadGenerators: generatorCount,
      providerClients,
      lostConnections: reports.flatMap((report) => report.lostConnections),
      sent,
      expectedDeliveries: sent * (options.clients - 1),
      latency: recorder.summary(),
      converged,
      finalLength,
      serverCpuPercent: (serverCpu / seconds) * 100,
      serverCpuMicrosPerKeystroke: sent > 0 ? (serverCpu / sent) * 1e6 : Number.NaN,
      loadGeneratorCpuPercent: (loadGeneratorCpu / seconds) * 100,
      loadGeneratorLagP99Ms: Math.max(...reports.map((report) => report.lagP99Ms)),
      otherCpuPercent: Math.max(0, ((systemBusy - serverCpu - loadGeneratorCpu) / seconds) * 100),
    };
  } finally {
    seeder.destroy();
    await Promise.all(generators.map((generator) => generator.close()));
  }
}
