import type { BenchClient } from '../clients/BenchClient';
import type { ClientSpec } from '../clients/ClientSpec';
import type { ServerProcess } from '../process/ServerProcess';

export type ServerId = 'lore' | 'reference' | 'hocuspocus';

/** A collaboration server under test, running in its own process, and how clients reach it. */
export interface CollabTarget {
  readonly id: ServerId;
  /** Name and version, for the report. */
  readonly label: string;
  readonly server: ServerProcess;
  /** Creates `count` documents (Lore: pages through the API) and returns their ids. */
  createDocuments(count: number): Promise<string[]>;
  /** How a client reaches document `docId` (Lore: with the next user's token). */
  clientSpec(docId: string): ClientSpec;
  /** A new client with its own Y.Doc, connecting to document `docId`. */
  connect(docId: string): BenchClient;
  /** Stops the server and removes whatever it stored. */
  close(): Promise<void>;
}

/** How to start a server under test. */
export interface TargetStartOptions {
  /** Extra node flags for the server process, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /** Nice value for the server process (negative needs privileges). */
  readonly nice?: number;
  /** CPUs the server process may run on, as a `taskset` list (e.g. "0"); see `--pin`. */
  readonly cpus?: string;
  /**
   * How Lore runs (other servers ignore it): `compiled` is `apps/server/dist/lore.mjs`, as
   * `pnpm start` runs it; `source` is `apps/server/src/main.ts` under tsx (the default).
   */
  readonly lore?: LoreBuild;
}

export type LoreBuild = 'compiled' | 'source';
