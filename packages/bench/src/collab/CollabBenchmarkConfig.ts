import { cpus } from 'node:os';
import type { MemoryOptions } from '../scenarios/memoryPerPage';
import type { ServerId } from '../servers/CollabTarget';

/** One typing load: clients on one page, keystrokes per second per client. */
export interface FanoutLoad {
  readonly clients: number;
  readonly keystrokesPerSecond: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

/** Sizes of one `bench collab` run. */
export interface CollabBenchmarkConfig {
  readonly servers: readonly ServerId[];
  readonly fanout: readonly FanoutLoad[];
  /** Interleaved runs of each fan-out load per server; the one with the lowest p99 is kept. */
  readonly fanoutRepeats: number;
  /** Processes the fan-out clients are spread over (see `FanoutOptions.loadGenerators`). */
  readonly loadGenerators: number;
  readonly memory: MemoryOptions;
  /** Trace transactions to ingest; undefined = the whole automerge-paper trace. */
  readonly ingestOps?: number;
  /** Interleaved ingest runs per server; the fastest is kept (opens follow the last one). */
  readonly ingestRepeats: number;
  /** Fresh-client opens of the ingested page while it is loaded. */
  readonly opens: number;
  /** Untimed opens before those, per server, so the opener process is warm for every one. */
  readonly openWarmUps: number;
  /** Opens of the ingested Lore page after its room unloaded (process warm). */
  readonly unloadedOpens: number;
  /** Restarts of Lore, each followed by one cold open (the report gives their median). */
  readonly coldRestarts: number;
}

export const allServers: readonly ServerId[] = ['lore', 'reference', 'hocuspocus'];

/** One core is left to the server under test; the rest run clients. */
export const defaultLoadGenerators = Math.max(1, cpus().length - 1);

/** The sizes. */
export const fullCollabConfig: CollabBenchmarkConfig = {
  servers: allServers,
  fanout: [
    { clients: 50, keystrokesPerSecond: 2, warmupMs: 5_000, measureMs: 20_000 },
    { clients: 100, keystrokesPerSecond: 10, warmupMs: 5_000, measureMs: 15_000 },
  ],
  fanoutRepeats: 3,
  loadGenerators: defaultLoadGenerators,
  memory: { pages: 1_000, contentBytes: 2_048, settleMs: 5_000 },
  ingestRepeats: 2,
  opens: 10,
  openWarmUps: 3,
  unloadedOpens: 3,
  coldRestarts: 7,
};

/** A couple of minutes end to end, for trying changes. */
export const quickCollabConfig: CollabBenchmarkConfig = {
  servers: allServers,
  fanout: [
    { clients: 10, keystrokesPerSecond: 2, warmupMs: 1_000, measureMs: 3_000 },
    { clients: 20, keystrokesPerSecond: 5, warmupMs: 1_000, measureMs: 3_000 },
  ],
  fanoutRepeats: 1,
  loadGenerators: defaultLoadGenerators,
  memory: { pages: 50, contentBytes: 2_048, settleMs: 1_000 },
  ingestOps: 5_000,
  ingestRepeats: 1,
  opens: 3,
  openWarmUps: 1,
  unloadedOpens: 1,
  coldRestarts: 1,
};
