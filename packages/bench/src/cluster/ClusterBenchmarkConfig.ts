import type { ClusterTargetId } from './ClusterBenchTarget';
import { clusterTargetIds } from './ClusterBenchTarget';
import type { PlacedLoad } from './placedFanout';

/** Sizes of one `pnpm bench cluster` run. */
export interface ClusterBenchmarkConfig {
  readonly targets: readonly ClusterTargetId[];
  /** Lore processes of the cluster target. */
  readonly clusterProcesses: number;
  readonly fanout: readonly PlacedLoad[];
  /** Interleaved runs of each load per target; the one with the lowest p99 is kept. */
  readonly fanoutRepeats: number;
  /** Load-generator processes: one for the typists, the rest for the readers. */
  readonly loadGenerators: number;
  /** Trace transactions to ingest; undefined = the whole automerge-paper trace. */
  readonly ingestOps?: number;
  /** Fresh-client opens of the ingested page while it is loaded. */
  readonly opens: number;
  readonly openWarmUps: number;
  /** Restarts of every Lore process, each followed by one cold open. */
  readonly coldRestarts: number;
}

/**
 * The typing rate is a brisk typist's (5 characters a second, as in the crash soak). "50 × 2":
 * 50 pages, each with one typist and one reader; "100 × 10": 100 pages, each with 2 typists and
 * 8 readers (a thousand sockets).
 */
export const fullClusterConfig: ClusterBenchmarkConfig = {
  targets: clusterTargetIds,
  clusterProcesses: 3,
  fanout: [
    {
      pages: 50,
      typists: 1,
      readers: 1,
      keystrokesPerSecond: 5,
      warmupMs: 5_000,
      measureMs: 20_000,
    },
    {
      pages: 100,
      typists: 2,
      readers: 8,
      keystrokesPerSecond: 5,
      warmupMs: 5_000,
      measureMs: 15_000,
    },
  ],
  fanoutRepeats: 2,
  loadGenerators: 2,
  opens: 10,
  openWarmUps: 3,
  coldRestarts: 3,
};

/** About two minutes, for trying it out; docs are not written. */
export const quickClusterConfig: ClusterBenchmarkConfig = {
  targets: clusterTargetIds,
  clusterProcesses: 3,
  fanout: [
    { pages: 6, typists: 1, readers: 1, keystrokesPerSecond: 5, warmupMs: 1_000, measureMs: 3_000 },
    { pages: 6, typists: 2, readers: 4, keystrokesPerSecond: 5, warmupMs: 1_000, measureMs: 3_000 },
  ],
  fanoutRepeats: 1,
  loadGenerators: 2,
  ingestOps: 5_000,
  opens: 3,
  openWarmUps: 1,
  coldRestarts: 1,
};
