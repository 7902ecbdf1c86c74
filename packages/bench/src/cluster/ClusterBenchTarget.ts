import type { ClientSpec } from '../clients/ClientSpec';
import type { CollabTarget } from '../servers/CollabTarget';

/** The three set-ups `pnpm bench cluster` compares. */
export type ClusterTargetId = 'sqlite' | 'postgres' | 'cluster';

export const clusterTargetIds: readonly ClusterTargetId[] = ['sqlite', 'postgres', 'cluster'];

/**
 * A Lore installation under test that may run several processes. It offers what the collaboration
 * scenarios use of a {@link CollabTarget} (pages, client specs, clients), plus a choice of the
 * process a client connects to, so a scenario can put a page's typists and readers on different
 * processes. `clientSpec`/`connect` take the processes in turn.
 */
export interface ClusterBenchTarget extends Omit<CollabTarget, 'id' | 'server'> {
  readonly id: ClusterTargetId;
  /** How many Lore processes serve clients. */
  readonly processCount: number;
  /** CPU time of every Lore process together (not the database or Redis). */
  readonly server: { cpuSeconds(): number };
  /** A client on process `processIndex % processCount`, directly (not through the balancer). */
  clientSpecOn(docId: string, processIndex: number): ClientSpec;
  /** Graceful stop of every Lore process, then a start on the same data (the database stays up). */
  restart(): Promise<void>;
  /** The admin's API access (through the first process) and the space pages are created in. */
  readonly admin: BenchAdmin;
  /** Where the installation keeps its data, for set-ups too large for the API. */
  readonly database: BenchDatabaseLocation;
}

export interface BenchAdmin {
  readonly baseUrl: string;
  readonly token: string;
  readonly spaceId: string;
}

export type BenchDatabaseLocation =
  | { readonly engine: 'sqlite'; readonly path: string }
  | { readonly engine: 'postgres'; readonly url: string };
