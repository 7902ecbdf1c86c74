import { Buffer } from 'node:buffer';
import type { ClientSpec } from '../clients/ClientSpec';
import { seedPage } from '../document/seedPage';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { readSystemCpu } from '../process/systemCpu';
import { connectClients } from '../scenarios/connectClients';
import { LoadGeneratorProcess } from '../scenarios/fanout/LoadGeneratorProcess';
import { sleep } from '../scenarios/waitUntil';
import { LatencyRecorder } from '../stats/LatencyRecorder';
import { monotonicMs } from '../stats/monotonicMs';
import type { LatencySummary } from '../stats/summarizeLatencies';
import type { ClusterBenchTarget } from './ClusterBenchTarget';

/** Pages, each with a few typists and more readers. */
export interface PlacedLoad {
  readonly pages: number;
  /** Clients per page that type; all on the page's home process. */
  readonly typists: number;
  /** Clients per page that only read; on the other processes when there are several. */
  readonly readers: number;
  readonly keystrokesPerSecond: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

export interface PlacedFanoutResult {
  readonly load: PlacedLoad;
  /** Keystrokes sent in the measured window, all pages together. */
  readonly sent: number;
  /** `sent × readers`: every reader of a page should receive every keystroke typed on it. */
  readonly expectedDeliveries: number;
  /** Typist-to-reader latency of every delivery of a measured keystroke. */
  readonly latency: LatencySummary;
  /** Readers on another process than the page's typists (all of them in a cluster). */
  readonly crossProcess: boolean;
  /** Every page's two stock clients (a typist and a reader) ended equal, with every keystroke. */
  readonly converged: boolean;
  readonly lostConnections: readonly string[];
  /** All Lore processes together, % of one core, during the window. */
  readonly serverCpuPercent: number;
  readonly serverCpuMicrosPerKeystroke: number;
  readonly loadGeneratorCpuPercent: number;
  readonly loadGeneratorLagP99Ms: number;
  /** Everything else on the machine (PostgreSQL, Redis, nginx, other work), % of one core. */
  readonly otherCpuPercent: number;
}

interface Placement {
  readonly spec: ClientSpec;
  readonly protocolOnly: boolean;
  readonly page: number;
}

/**
 * Typing on many pages at once. Page `p` lives on process `p mod N`: its typists connect there,
 * and its readers connect to the other processes in turn, so with several processes every
 * measured delivery crossed from one process to another (through PostgreSQL and the Redis relay).
 * With one process the same clients all sit on it. Typists run in one load-generator process
 * and readers in the others; only readers' deliveries are measured. The first typist and the
 * first reader of each page are the stock provider (they merge everything and must converge);
 * the rest speak the protocol and only note who typed what (see `fanoutLatency`).
 */
export async function placedFanout(
  target: ClusterBenchTarget,
  supervisor: ProcessSupervisor,
  load: PlacedLoad,
  options: {
    loadGenerators: number;
    seed?: number;
    drainTimeoutMs?: number;
    /** Other work to run while the measured keystrokes are typed (it starts with the window). */
    duringWindow?: () => Promise<void>;
  },
): Promise<PlacedFanoutResult> {
  const docIds = await target.createDocuments(load.pages);
  const processes = target.processCount;
  const readerGenerators = Math.max(1, options.loadGenerators - 1);
  const typistShare: Placement[] = [];
  const readerShares: Placement[][] = Array.from({ length: readerGenerators }, () => []);
  let nextReaderShare = 0;
  docIds.forEach((docId, page) => {
    const home = page % processes;
    for (let typist = 0; typist < load.typists; typist++) {
      typistShare.push({ spec: target.clientSpecOn(docId, home), protocolOnly: typist > 0, page });
    }
    for (let reader = 0; reader < load.readers; reader++) {
      const on = processes === 1 ? home : home + 1 + (reader % (processes - 1));
      readerShares[nextReaderShare++ % readerGenerators]?.push({
        spec: target.clientSpecOn(docId, on),
        protocolOnly: reader > 0,
        page,
      });
    }
  });

  const seeders = await connectClients(
    target,
    docIds.map((docId) => docId),
  );
  const generators: LoadGeneratorProcess[] = [];
  try {
    for (const seeder of seeders) seedPage(seeder.doc, 'Fan-out');
    const shares = [typistShare, ...readerShares];
    for (const _ of shares) generators.push(new LoadGeneratorProcess(supervisor));
    await Promise.all(
      generators.map((generator, index) =>
        generator.request(
          {
            type: 'connect',
            clients: (shares[index] ?? []).map(({ spec, protocolOnly }) => ({
              spec,
              protocolOnly,
            })),
          },
          'ready',
          180_000,
        ),
      ),
    );
    for (const seeder of seeders) seeder.destroy();

    const from = monotonicMs() + 200;
    const windowStart = from + load.warmupMs;
    const windowEnd = windowStart + load.measureMs;
    const typing = Promise.all(
      generators.map((generator, index) =>
        generator.request(
          {
            type: 'type',
            seed: (options.seed ?? 42) + index,
            keystrokesPerSecond: index === 0 ? load.keystrokesPerSecond : 0,
            from,
            windowStart,
            windowEnd,
          },
          'typed',
          load.warmupMs + load.measureMs + 60_000,
        ),
      ),
    );
    await sleep(windowStart - monotonicMs());
    const serverCpuStart = target.server.cpuSeconds();
    const systemStart = readSystemCpu();
    await Promise.all([typing, options.duringWindow?.()]);
    const seconds = load.measureMs / 1000;
    const serverCpu = target.server.cpuSeconds() - serverCpuStart;
    const systemBusy = readSystemCpu().busySeconds - systemStart.busySeconds;

    // Each page's stock typist and stock reader must end with the same state, and the pages'
    // texts together must hold every keystroke typed; the last ones may still be on their way.
    const providerPages = shares.map((share) =>
      share.filter((placement) => !placement.protocolOnly).map((placement) => placement.page),
    );
    let converged = false;
    const deadline = Date.now() + (options.drainTimeoutMs ?? 60_000);
    while (!converged && Date.now() < deadline) {
      const replies = await Promise.all(
        generators.map((generator) => generator.request({ type: 'state' }, 'state')),
      );
      const typed = replies[0]?.typed ?? 0;
      const byPage = new Map<
        number,
        { stateVector: Uint8Array; textHash: string; textLength: number }[]
      >();
      replies.forEach((reply, index) => {
        reply.clients.forEach((state, position) => {
          const page = providerPages[index]?.[position] ?? -1;
          byPage.set(page, [...(byPage.get(page) ?? []), state]);
        });
      });
      let length = 0;
      let equal = byPage.size === load.pages;
      for (const states of byPage.values()) {
        const [first] = states;
        if (!first) continue;
        length += first.textLength;
        equal &&= states.every(
          (state) =>
            Buffer.from(state.stateVector).equals(Buffer.from(first.stateVector)) &&
            state.textHash === first.textHash,
        );
      }
      converged = equal && length === typed;
      if (!converged) await sleep(200);
    }

    const reports = await Promise.all(
      generators.map((generator) => generator.request({ type: 'report' }, 'report')),
    );
    const [typistReport, ...readerReports] = reports;
    const sendTimes = new Map<number, Float64Array>();
    let sent = 0;
    for (const { clientId, times } of typistReport?.sends ?? []) {
      sendTimes.set(clientId, times);
      for (const time of times) if (time >= windowStart && time < windowEnd) sent += 1;
    }
    const recorder = new LatencyRecorder(sent * load.readers);
    for (const { deliveries } of readerReports) {
      for (let index = 0; index < deliveries.at.length; index++) {
        const sentAt = sendTimes.get(deliveries.sender[index] ?? -1)?.[
          deliveries.clock[index] ?? -1
        ];
        if (sentAt === undefined || !(sentAt >= windowStart && sentAt < windowEnd)) continue;
        recorder.record((deliveries.at[index] ?? Number.NaN) - sentAt);
      }
    }
    const loadGeneratorCpu = reports.reduce((sum, report) => sum + report.cpuSeconds, 0);
    return {
      load,
      sent,
      expectedDeliveries: sent * load.readers,
      latency: recorder.summary(),
      crossProcess: processes > 1,
      converged,
      lostConnections: reports.flatMap((report) => report.lostConnections),
      serverCpuPercent: (serverCpu / seconds) * 100,
      serverCpuMicrosPerKeystroke: sent > 0 ? (serverCpu / sent) * 1e6 : Number.NaN,
      loadGeneratorCpuPercent: (loadGeneratorCpu / seconds) * 100,
      loadGeneratorLagP99Ms: Math.max(...reports.map((report) => report.lagP99Ms)),
      otherCpuPercent: Math.max(0, ((systemBusy - serverCpu - loadGeneratorCpu) / seconds) * 100),
    };
  } finally {
    for (const seeder of seeders) seeder.destroy();
    await Promise.all(generators.map((generator) => generator.close()));
  }
}
