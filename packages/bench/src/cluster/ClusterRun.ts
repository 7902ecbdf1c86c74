import type { IngestNumbers } from '../collab/CollabRun';
import type { MachineInfo } from '../report/machineInfo';
import type { LatencySummary } from '../stats/summarizeLatencies';
import type { ClusterBenchmarkConfig } from './ClusterBenchmarkConfig';
import type { ClusterTargetId } from './ClusterBenchTarget';
import type { PlacedFanoutResult } from './placedFanout';

/** What one target measured. */
export interface ClusterTargetRun {
  readonly id: ClusterTargetId;
  label: string;
  processCount: number;
  /** Per load: the run with the lowest p99. */
  readonly fanout: (PlacedFanoutResult | null)[];
  /** Per load: the p99 of every run, in the order they ran. */
  readonly fanoutP99s: number[][];
  ingest: IngestNumbers | null;
  /** Fresh-client opens of the ingested page while it is loaded. */
  openLoadedMs: number[];
  /** First open after each restart of every process (cold processes, page read from the store). */
  coldOpenMs: number[];
  /** For the same opens: until the client's first message arrived (the server's share). */
  coldFirstMessageMs: number[];
  readonly errors: string[];
}

/** Everything one `pnpm bench cluster` run measured. */
export interface ClusterRun {
  readonly date: string;
  readonly command: string;
  readonly machine: MachineInfo;
  readonly versions: Record<string, string>;
  readonly config: ClusterBenchmarkConfig;
  readonly targets: ClusterTargetRun[];
  /** Seconds the load generator alone needs to replay the trace (no server). */
  traceFloorSeconds: number | null;
  /** Durable appends alone at the first fan-out load's pages and rate (see `commitFloor`). */
  commitFloor: LatencySummary | null;
}
