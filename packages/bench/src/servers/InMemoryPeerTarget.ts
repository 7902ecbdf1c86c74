import { randomBytes } from 'node:crypto';
import { benchPackageDir } from '../benchPaths';
import type { BenchClient } from '../clients/BenchClient';
import { type ClientSpec, connectClient } from '../clients/ClientSpec';
import { freePort } from '../process/freePort';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { ServerProcess } from '../process/ServerProcess';
import { serverNodeFlags } from '../process/tsxLoader';
import type { CollabTarget, TargetStartOptions } from './CollabTarget';
import { serverPlacement } from './serverPlacement';

/**
 * A peer collaboration server started from a script in its own process on a free loopback port.
 * Peers keep documents in memory and create them on first connect, so a document is just a name.
 */
export abstract class InMemoryPeerTarget implements CollabTarget {
  abstract readonly id: CollabTarget['id'];
  abstract readonly label: string;
  readonly server: ServerProcess;
  protected readonly url: string;
  readonly #prefix = randomBytes(4).toString('hex');
  #created = 0;

  protected constructor(server: ServerProcess, url: string) {
    this.server = server;
    this.url = url;
  }

  /** Starts `entry` with HOST/PORT and waits until it answers HTTP. */
  protected static async launch(
    name: string,
    entry: string,
    supervisor: ProcessSupervisor,
    options: TargetStartOptions,
  ): Promise<{ server: ServerProcess; url: string }> {
    const port = await freePort();
    const server = new ServerProcess(
      {
        name,
        args: [...serverNodeFlags(options.nodeFlags), entry],
        env: { HOST: '127.0.0.1', PORT: String(port) },
        cwd: benchPackageDir,
        readyUrl: `http://127.0.0.1:${port}/`,
        ...serverPlacement(options),
      },
      supervisor,
    );
    await server.start();
    return { server, url: `ws://127.0.0.1:${port}` };
  }

  abstract clientSpec(docId: string): ClientSpec;

  async createDocuments(count: number): Promise<string[]> {
    return Array.from({ length: count }, () => `bench-${this.#prefix}-${this.#created++}`);
  }

  connect(docId: string): BenchClient {
    return connectClient(this.clientSpec(docId));
  }

  async close(): Promise<void> {
    await this.server.stop();
  }
}
