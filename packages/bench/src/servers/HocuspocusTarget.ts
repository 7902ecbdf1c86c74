import { randomBytes } from 'node:crypto';
import { benchPackageDir, hocuspocusServerEntry, installedVersion } from '../benchPaths';
import type { BenchClient } from '../clients/BenchClient';
import { type ClientSpec, connectClient } from '../clients/ClientSpec';
import { freePort } from '../process/freePort';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { ServerProcess } from '../process/ServerProcess';
import { serverNodeFlags } from '../process/tsxLoader';
import type { CollabTarget, TargetStartOptions } from './CollabTarget';

/** `@hocuspocus/server` with default settings and no extensions: in memory, nothing persisted. */
export class HocuspocusTarget implements CollabTarget {
  readonly id = 'hocuspocus';
  readonly label = `@hocuspocus/server ${installedVersion('@hocuspocus/server')}`;
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
  ): Promise<HocuspocusTarget> {
    const port = await freePort();
    const server = new ServerProcess(
      {
        name: 'Hocuspocus',
        args: [...serverNodeFlags(options.nodeFlags), hocuspocusServerEntry],
        env: { HOST: '127.0.0.1', PORT: String(port) },
        cwd: benchPackageDir,
        readyUrl: `http://127.0.0.1:${port}/`,
        ...(options.nice === undefined ? {} : { nice: options.nice }),
      },
      supervisor,
    );
    await server.start();
    return new HocuspocusTarget(server, `ws://127.0.0.1:${port}`);
  }

  async createDocuments(count: number): Promise<string[]> {
    return Array.from({ length: count }, () => `bench-${this.#prefix}-${this.#created++}`);
  }

  clientSpec(docId: string): ClientSpec {
    return { kind: 'hocuspocus', url: this.#url, name: docId };
  }

  connect(docId: string): BenchClient {
    return connectClient(this.clientSpec(docId));
  }

  async close(): Promise<void> {
    await this.server.stop();
  }
}
