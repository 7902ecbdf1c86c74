import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisServer } from '@lore/relay-redis/testing';
import { PostgresServer } from '@lore/store-postgres/testing';
import { freePort } from './freePort';
import { LoreProcess } from './LoreProcess';
import { NginxServer } from './NginxServer';

export interface LoreClusterOptions {
  /** Lore processes sharing the database. */
  readonly processes: number;
  /** Put nginx in front (round-robin). Default true. */
  readonly nginx?: boolean;
  /** Relay through Redis. Default true. */
  readonly relay?: boolean;
  /** PostgreSQL flushes to disk at commit (benchmarks). Default false. */
  readonly durable?: boolean;
  /** Extra environment for every Lore process. */
  readonly env?: Record<string, string>;
}

/** Why a cluster could not be started here, or null when it can. */
export function clusterUnavailable(): string | null {
  if (!PostgresServer.findBinaries()) return 'PostgreSQL is not installed';
  if (!RedisServer.findBinary()) return 'redis-server is not installed';
  if (!NginxServer.available()) return 'nginx is not installed';
  return null;
}

export const clusterAdmin = { email: 'admin@cluster.test', password: 'cluster admin password' };

/**
 * Lore as a cluster runs it, all real and all local: a private PostgreSQL, a private Redis, N Lore
 * processes (`LORE_STORE=postgres`, `LORE_RELAY`, one shared attachments folder) and nginx
 * balancing round-robin in front. The first process starts alone (it creates the admin from
 * LORE_ADMIN_EMAIL), the others together.
 */
export class LoreCluster {
  readonly postgres: PostgresServer;
  readonly redis: RedisServer;
  readonly nginx: NginxServer | null;
  readonly processes: readonly LoreProcess[];
  readonly databaseUrl: string;
  readonly #dir: string;

  private constructor(init: {
    postgres: PostgresServer;
    redis: RedisServer;
    nginx: NginxServer | null;
    processes: LoreProcess[];
    databaseUrl: string;
    dir: string;
  }) {
    this.postgres = init.postgres;
    this.redis = init.redis;
    this.nginx = init.nginx;
    this.processes = init.processes;
    this.databaseUrl = init.databaseUrl;
    this.#dir = init.dir;
  }

  static async start(options: LoreClusterOptions): Promise<LoreCluster> {
    const missing = clusterUnavailable();
    if (missing) throw new Error(`A Lore cluster cannot run here: ${missing}.`);
    const dir = mkdtempSync(join(tmpdir(), 'lore-cluster-'));
    const postgres = await PostgresServer.start({ durable: options.durable ?? false });
    const redis = await RedisServer.start();
    if (!postgres || !redis) throw new Error('PostgreSQL or Redis did not start.');
    const databaseUrl = await postgres.createDatabase('lore');
    const processes: LoreProcess[] = [];
    for (let index = 0; index < options.processes; index++) {
      processes.push(
        new LoreProcess({
          name: `lore-${index + 1}`,
          port: await freePort(),
          env: {
            LORE_DATA_DIR: join(dir, `process-${index + 1}`),
            LORE_STORE: 'postgres',
            LORE_DATABASE_URL: databaseUrl,
            LORE_ATTACHMENTS_DIR: join(dir, 'attachments'),
            LORE_ADMIN_EMAIL: clusterAdmin.email,
            LORE_ADMIN_PASSWORD: clusterAdmin.password,
            LORE_TRUST_PROXY: '1',
            ...(options.relay === false
              ? {}
              : { LORE_RELAY: `unix://${encodeURIComponent(redis.socketPath)}` }),
            ...options.env,
          },
        }),
      );
    }
    const cluster = new LoreCluster({
      postgres,
      redis,
      nginx: null,
      processes,
      databaseUrl,
      dir,
    });
    try {
      await processes[0]?.start();
      await Promise.all(processes.slice(1).map((process) => process.start()));
      const nginx =
        options.nginx === false
          ? null
          : await NginxServer.start(processes.map((process) => process.port));
      return new LoreCluster({ postgres, redis, nginx, processes, databaseUrl, dir });
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** Where clients connect: nginx, or the first process without it. */
  get url(): string {
    return this.nginx?.url ?? this.processes[0]?.url ?? '';
  }

  /** Stops everything and removes every file. */
  async stop(): Promise<void> {
    await this.nginx?.stop().catch(() => {});
    await Promise.all(this.processes.map((process) => process.kill().catch(() => {})));
    await this.redis.destroy().catch(() => {});
    await this.postgres.destroy().catch(() => {});
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
