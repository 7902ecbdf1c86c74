import { join } from 'node:path';
import type { BenchClient } from '../clients/BenchClient';
import type { ClientSpec } from '../clients/ClientSpec';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import type { TargetStartOptions } from '../servers/CollabTarget';
import { LoreTarget } from '../servers/LoreTarget';
import type { BenchAdmin, BenchDatabaseLocation, ClusterBenchTarget } from './ClusterBenchTarget';

/** One Lore process on SQLite (the collaboration benchmark's {@link LoreTarget}): the baseline. */
export class SqliteProcessTarget implements ClusterBenchTarget {
  readonly id = 'sqlite';
  readonly processCount = 1;
  readonly label: string;
  readonly server: LoreTarget['server'];
  readonly #lore: LoreTarget;

  private constructor(lore: LoreTarget) {
    this.#lore = lore;
    this.label = 'SQLite, 1 process';
    this.server = lore.server;
  }

  static async start(
    supervisor: ProcessSupervisor,
    options: TargetStartOptions & { users?: number } = {},
  ): Promise<SqliteProcessTarget> {
    return new SqliteProcessTarget(await LoreTarget.start(supervisor, options));
  }

  get admin(): BenchAdmin {
    return this.#lore.admin;
  }

  get database(): BenchDatabaseLocation {
    return { engine: 'sqlite', path: join(this.#lore.dataDir, 'lore.db') };
  }

  createDocuments(count: number): Promise<string[]> {
    return this.#lore.createDocuments(count);
  }

  clientSpec(docId: string): ClientSpec {
    return this.#lore.clientSpec(docId);
  }

  clientSpecOn(docId: string, _processIndex: number): ClientSpec {
    return this.#lore.clientSpec(docId);
  }

  connect(docId: string): BenchClient {
    return this.#lore.connect(docId);
  }

  restart(): Promise<void> {
    return this.#lore.restart();
  }

  close(): Promise<void> {
    return this.#lore.close();
  }
}
