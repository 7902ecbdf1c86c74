import { randomBytes } from 'node:crypto';
import { clusterAdmin, LoreCluster, type LoreProcess } from '@lore/cluster';
import type { BenchClient } from '../clients/BenchClient';
import { type ClientSpec, connectClient } from '../clients/ClientSpec';
import { readCpuSeconds } from '../process/procStats';
import { LoreApi } from '../servers/LoreApi';
import type { BenchAdmin, BenchDatabaseLocation, ClusterBenchTarget } from './ClusterBenchTarget';

export interface LoreClusterTargetOptions {
  /** 1: one process on PostgreSQL, no relay, no balancer; more: Redis relay and nginx in front. */
  readonly processes: number;
  /**
   * Users to spread sockets over: Lore allows 100 open collaboration sockets per user, and the
   * largest fan-out opens a thousand on one process.
   */
  readonly users?: number;
}

/**
 * Lore on PostgreSQL through the cluster harness (`@lore/cluster`): a private PostgreSQL that
 * flushes every commit to disk (`durable`), and with several processes a private Redis relay and
 * nginx round-robin in front. Clients go straight to a chosen process, so a scenario decides
 * which process each client is on; the balancer is for clients that must survive a process dying.
 */
export class LoreClusterTarget implements ClusterBenchTarget {
  readonly id: 'postgres' | 'cluster';
  readonly label: string;
  readonly cluster: LoreCluster;
  readonly server: { cpuSeconds(): number };
  readonly #api: LoreApi;
  readonly #tokens: string[];
  readonly #spaceId: string;
  #nextToken = 0;
  #nextProcess = 0;
  #created = 0;

  private constructor(cluster: LoreCluster, api: LoreApi, tokens: string[], spaceId: string) {
    this.cluster = cluster;
    this.#api = api;
    this.#tokens = tokens;
    this.#spaceId = spaceId;
    const count = cluster.processes.length;
    this.id = count === 1 ? 'postgres' : 'cluster';
    this.label = count === 1 ? 'PostgreSQL, 1 process' : `cluster, ${count} processes`;
    this.server = {
      cpuSeconds: () =>
        cluster.processes.reduce((sum, process) => {
          const pid = process.pid;
          return pid === null ? sum : sum + readCpuSeconds(pid);
        }, 0),
    };
  }

  static async start(options: LoreClusterTargetOptions): Promise<LoreClusterTarget> {
    const several = options.processes > 1;
    const cluster = await LoreCluster.start({
      processes: options.processes,
      nginx: several,
      relay: several,
      durable: true,
    });
    try {
      // Set up through one process: sign-in checks that Origin matches Host, and nginx passes
      // the Host without its port.
      const api = new LoreApi(cluster.processes[0]?.url ?? cluster.url);
      const adminToken = await api.tokenFor(clusterAdmin.email, clusterAdmin.password, 'admin');
      const tokens = [adminToken];
      const password = `bench-${randomBytes(12).toString('hex')}`;
      for (let index = 1; index < (options.users ?? 16); index++) {
        const email = `writer${index}@example.com`;
        await api.createUser(adminToken, email, password);
        tokens.push(await api.tokenFor(email, password));
      }
      const spaceId = await api.createSpace(adminToken, 'Benchmark');
      return new LoreClusterTarget(cluster, api, tokens, spaceId);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  get admin(): BenchAdmin {
    return { baseUrl: this.#api.baseUrl, token: this.#tokens[0] ?? '', spaceId: this.#spaceId };
  }

  get database(): BenchDatabaseLocation {
    return { engine: 'postgres', url: this.cluster.databaseUrl };
  }

  get processCount(): number {
    return this.cluster.processes.length;
  }

  async createDocuments(count: number): Promise<string[]> {
    const [adminToken] = this.#tokens;
    if (!adminToken) throw new Error('No admin token.');
    const ids: string[] = [];
    const inFlight = 4;
    for (let start = 0; start < count; start += inFlight) {
      const batch = Array.from({ length: Math.min(inFlight, count - start) }, () =>
        this.#api.createPage(adminToken, this.#spaceId, `Page ${++this.#created}`),
      );
      ids.push(...(await Promise.all(batch)));
    }
    return ids;
  }

  clientSpecOn(docId: string, processIndex: number): ClientSpec {
    const process = this.#process(processIndex);
    return this.#spec(`ws://127.0.0.1:${process.port}/collab`, docId);
  }

  /** The processes in turn, so two clients opened one after the other sit on different ones. */
  clientSpec(docId: string): ClientSpec {
    return this.clientSpecOn(docId, this.#nextProcess++);
  }

  /** Through nginx (or the only process): where a client that must outlive a process connects. */
  balancedSpec(docId: string): ClientSpec {
    return this.#spec(`${this.cluster.url.replace(/^http/, 'ws')}/collab`, docId);
  }

  connect(docId: string): BenchClient {
    return connectClient(this.clientSpec(docId));
  }

  async restart(): Promise<void> {
    await Promise.all(this.cluster.processes.map((process) => process.stop()));
    const [first, ...others] = this.cluster.processes;
    await first?.start();
    await Promise.all(others.map((process) => process.start()));
  }

  close(): Promise<void> {
    return this.cluster.stop();
  }

  #process(index: number): LoreProcess {
    const processes = this.cluster.processes;
    const process = processes[index % processes.length];
    if (!process) throw new Error('The cluster has no processes.');
    return process;
  }

  #spec(serverUrl: string, docId: string): ClientSpec {
    const token = this.#tokens[this.#nextToken++ % this.#tokens.length] ?? '';
    return { kind: 'y-websocket', serverUrl, room: docId, params: { token } };
  }
}
