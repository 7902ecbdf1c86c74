import { randomBytes } from 'node:crypto';
import { benchPackageDir, installedVersion, referenceServerEntry } from '../benchPaths';
import type { BenchClient } from '../clients/BenchClient';
import { type ClientSpec, connectClient } from '../clients/ClientSpec';
import { freePort } from '../process/freePort';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { ServerProcess } from '../process/ServerProcess';
import { serverNodeFlags } from '../process/tsxLoader';
import type { CollabTarget, TargetStartOptions } from './CollabTarget';

/**
 * The y-websocket 1.5.4 reference server (`bin/server.js`) as shipped: documents live in memory
 * and nothing is persisted (YPERSISTENCE unset).
 */
export class ReferenceTarget implements CollabTarget {
  readonly id = 'reference';
  readonly label = `y-websocket ${installedVersion('y-websocket-ref')} reference server`;
  readonly server: ServerProcess;
  readonly #url: string;
  readonly #prefix = randomBytes(4).toString('hex');
  #created = 0;

  private constructor(server: ServerProcess, url: string) {
    this.server = server;
    this.#url = url;
  }

  static async start(
    supervisor: ProcessSupervisor,
    options: TargetStartOptions = {},
  ): Promise<ReferenceTarget> {
    const port = await freePort();
    const server = new ServerProcess(
      {
        name: 'y-websocket reference server',
        args: [...serverNodeFlags(options.nodeFlags), referenceServerEntry],
        env: { HOST: '127.0.0.1', PORT: String(port) },
        cwd: benchPackageDir,
        readyUrl: `http://127.0.0.1:${port}/`,
        ...(options.nice === undefined ? {} : { nice: options.nice }),
      },
      supervisor,
    );
    await server.start();
    return new ReferenceTarget(server, `ws://127.0.0.1:${port}`);
  }

  async createDocuments(count: number): Promise<string[]> {
    return Array.from({ length: count }, () => `bench-${this.#prefix}-${this.#created++}`);
  }

  clientSpec(docId: string): ClientSpec {
    return { kind: 'y-websocket', serverUrl: this.#url, room: docId, params: {} };
  }

  connect(docId: string): BenchClient {
    return connectClient(this.clientSpec(docId));
  }

  async close(): Promise<void> {
    await this.server.stop();
  }
}
