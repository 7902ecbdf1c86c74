import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loreBundleEntry, loreServerEntry, repoRoot } from '../benchPaths';
import type { BenchClient } from '../clients/BenchClient';
import { type ClientSpec, connectClient } from '../clients/ClientSpec';
import { freePort } from '../process/freePort';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { ServerProcess } from '../process/ServerProcess';
import { compiledServerNodeFlags, serverNodeFlags } from '../process/tsxLoader';
import { loreVersion } from '../report/loreVersion';
import type { CollabTarget, TargetStartOptions } from './CollabTarget';
import { LoreApi } from './LoreApi';
import { serverPlacement } from './serverPlacement';

/** Bytes on disk and in the document tables of a Lore data folder. */
export interface LoreStorage {
  readonly dbBytes: number;
  readonly walBytes: number;
  /** Yjs update log rows and their payload bytes. */
  readonly logRows: number;
  readonly logBytes: number;
  /** Snapshot rows and their payload bytes. */
  readonly snapshotRows: number;
  readonly snapshotBytes: number;
  /** Free pages left in the file (incremental auto-vacuum returns them at stop and hourly), in bytes. */
  readonly freeBytes: number;
}

export interface LoreTargetOptions extends TargetStartOptions {
  /**
   * Users to spread client sockets over: Lore allows 100 open collaboration sockets per user,
   * so a thousand clients need at least ten.
   */
  readonly users?: number;
}

const fileSize = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

function compiledEntry(): string {
  if (!existsSync(loreBundleEntry)) {
    throw new Error(`${loreBundleEntry} is missing: run pnpm --filter @lore/server build.`);
  }
  return loreBundleEntry;
}

/**
 * The real Lore server (compiled, or `apps/server/src/main.ts` under tsx) in a child process with its own data folder,
 * an admin from LORE_ADMIN_EMAIL, API tokens for a few users and one space for the pages.
 * Every accepted update is appended to SQLite (WAL) before it is relayed.
 */
export class LoreTarget implements CollabTarget {
  readonly id = 'lore';
  readonly label = `Lore ${loreVersion()}`;
  readonly server: ServerProcess;
  readonly dataDir: string;
  readonly #api: LoreApi;
  readonly #forgetCleanup: () => void;
  readonly #tokens: string[];
  readonly #spaceId: string;
  readonly #wsUrl: string;
  #nextToken = 0;
  #created = 0;

  private constructor(init: {
    server: ServerProcess;
    dataDir: string;
    api: LoreApi;
    tokens: string[];
    spaceId: string;
    wsUrl: string;
    forgetCleanup: () => void;
  }) {
    this.server = init.server;
    this.dataDir = init.dataDir;
    this.#api = init.api;
    this.#tokens = init.tokens;
    this.#spaceId = init.spaceId;
    this.#wsUrl = init.wsUrl;
    this.#forgetCleanup = init.forgetCleanup;
  }

  static async start(
    supervisor: ProcessSupervisor,
    options: LoreTargetOptions = {},
  ): Promise<LoreTarget> {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-bench-'));
    const forgetCleanup = supervisor.addCleanup(() =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const adminEmail = 'bench@example.com';
    const password = `bench-${randomBytes(12).toString('hex')}`;
    const server = new ServerProcess(
      {
        name: 'Lore',
        args:
          options.lore === 'compiled'
            ? [...compiledServerNodeFlags(options.nodeFlags), compiledEntry(), 'serve']
            : [...serverNodeFlags(options.nodeFlags), loreServerEntry],
        env: {
          LORE_DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LORE_ADMIN_EMAIL: adminEmail,
          LORE_ADMIN_PASSWORD: password,
          LORE_LOG_LEVEL: 'warn',
        },
        cwd: repoRoot,
        readyUrl: `${baseUrl}/healthz`,
        ...serverPlacement(options),
      },
      supervisor,
    );
    try {
      await server.start();
      const api = new LoreApi(baseUrl);
      const adminToken = await api.tokenFor(adminEmail, password, 'admin');
      const tokens = [adminToken];
      for (let index = 1; index < (options.users ?? 12); index++) {
        const email = `writer${index}@example.com`;
        await api.createUser(adminToken, email, password);
        tokens.push(await api.tokenFor(email, password));
      }
      const spaceId = await api.createSpace(adminToken, 'Benchmark');
      return new LoreTarget({
        server,
        dataDir,
        api,
        tokens,
        spaceId,
        wsUrl: `ws://127.0.0.1:${port}/collab`,
        forgetCleanup,
      });
    } catch (error) {
      await server.kill();
      rmSync(dataDir, { recursive: true, force: true });
      forgetCleanup();
      throw error;
    }
  }

  /** The admin's API access and the benchmark space. */
  get admin(): { baseUrl: string; token: string; spaceId: string } {
    return { baseUrl: this.#api.baseUrl, token: this.#tokens[0] ?? '', spaceId: this.#spaceId };
  }

  async createDocuments(count: number): Promise<string[]> {
    const ids: string[] = [];
    const [adminToken] = this.#tokens;
    if (!adminToken) throw new Error('No admin token.');
    // A few requests in flight keep the setup short without turning it into a load test.
    const inFlight = 4;
    for (let start = 0; start < count; start += inFlight) {
      const batch = Array.from({ length: Math.min(inFlight, count - start) }, () =>
        this.#api.createPage(adminToken, this.#spaceId, `Page ${++this.#created}`),
      );
      ids.push(...(await Promise.all(batch)));
    }
    return ids;
  }

  clientSpec(docId: string): ClientSpec {
    const token = this.#tokens[this.#nextToken++ % this.#tokens.length] ?? '';
    return { kind: 'y-websocket', serverUrl: this.#wsUrl, room: docId, params: { token } };
  }

  connect(docId: string): BenchClient {
    return connectClient(this.clientSpec(docId));
  }

  /** Graceful stop (rooms are compacted and unloaded), then a start on the same data folder. */
  async restart(): Promise<void> {
    await this.server.stop();
    await this.server.start();
  }

  /** `kill -9`, then a start on the same data folder. */
  async crashAndRestart(): Promise<void> {
    await this.server.kill();
    await this.server.start();
  }

  /** File sizes and document-table totals; readable while the server runs (WAL readers). */
  storage(): LoreStorage {
    const dbPath = join(this.dataDir, 'lore.db');
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const log = db
        .prepare<[], { rows: number; bytes: number }>(
          'SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM document_updates',
        )
        .get();
      const snapshots = db
        .prepare<[], { rows: number; bytes: number }>(
          'SELECT count(*) AS rows, coalesce(sum(length(snapshot)), 0) AS bytes FROM document_snapshots',
        )
        .get();
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const freePages = db.pragma('freelist_count', { simple: true }) as number;
      return {
        freeBytes: pageSize * freePages,
        dbBytes: fileSize(dbPath),
        walBytes: fileSize(`${dbPath}-wal`),
        logRows: log?.rows ?? 0,
        logBytes: log?.bytes ?? 0,
        snapshotRows: snapshots?.rows ?? 0,
        snapshotBytes: snapshots?.bytes ?? 0,
      };
    } finally {
      db.close();
    }
  }

  async close(): Promise<void> {
    await this.server.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    this.#forgetCleanup();
  }
}
