import type { CpuPinning } from '../process/pinCpus';
import type { MachineInfo } from '../report/machineInfo';
import type { CrashSoakResult } from '../scenarios/crashSoak';
import type { FanoutResult } from '../scenarios/fanoutLatency';
import type { MemoryResult } from '../scenarios/memoryPerPage';
import type { LoreBuild, ServerId } from '../servers/CollabTarget';
import type { LoreStorage } from '../servers/LoreTarget';
import type { CollabBenchmarkConfig } from './CollabBenchmarkConfig';

/** Ingest numbers, without the live page handle. */
export interface IngestNumbers {
  readonly ops: number;
  readonly seconds: number;
  readonly updatesPerSecond: number;
  readonly sendSeconds: number;
  readonly serverCpuSeconds: number;
  readonly loadGeneratorCpuSeconds: number;
  /** CPU time everything else on the machine used meanwhile. */
  readonly otherCpuSeconds: number;
  /** Characters of the final text. */
  readonly finalLength: number;
}

/** Lore-only measurements around the ingested page. */
export interface LoreIngestExtras {
  /** After the clients left and the room unloaded (compacted), server still running. */
  readonly storageAfterUnload: LoreStorage;
  /** After a graceful stop (WAL checkpointed). */
  readonly storageAfterStop: LoreStorage;
  /** First open after each restart (cold process, cold room), one per restart. */
  readonly coldOpenMs: readonly number[];
  /** For the same opens: until the client's first message arrived (the server's share). */
  readonly coldFirstMessageMs: readonly number[];
  /** The following opens with fresh clients while the room is loaded. */
  readonly reopenMs: readonly number[];
  /** Opens after the room unloaded again (warm process, page read from SQLite). */
  readonly unloadedOpenMs: readonly number[];
}

export interface ServerRun {
  readonly id: ServerId;
  label: string;
  /** Per fan-out load: the run with the lowest p99. */
  readonly fanout: (FanoutResult | null)[];
  /** Per fan-out load: the p99 of every run, in the order they ran. */
  readonly fanoutP99s: number[][];
  memory: MemoryResult | null;
  ingest: IngestNumbers | null;
  /** Fresh-client opens of the ingested page while it is loaded. */
  openLoadedMs: number[];
  lore: LoreIngestExtras | null;
  /** Scenario failures, reported instead of numbers. */
  readonly errors: string[];
}

/** Everything one `bench collab` run measured. */
export interface CollabRun {
  readonly date: string;
  readonly command: string;
  readonly machine: MachineInfo;
  versions: Record<string, string>;
  readonly config: CollabBenchmarkConfig;
  readonly servers: ServerRun[];
  /** Seconds the load generator alone needs to replay the trace (no server). */
  traceFloorSeconds: number | null;
  soak: CrashSoakResult | null;
  /** Nice value the load generator and servers ran at, when raised with `--nice`. */
  readonly nice: number | null;
  /** CPUs servers and clients were kept on (`--pin`), or null. */
  readonly pinning: CpuPinning | null;
  /** How Lore ran: compiled (`pnpm start`) or from source under tsx. */
  readonly loreBuild: LoreBuild;
}
