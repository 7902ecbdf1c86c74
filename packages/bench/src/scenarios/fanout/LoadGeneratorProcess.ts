import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ProcessSupervisor } from '../../process/ProcessSupervisor';
import { tsxLoaderUrl } from '../../process/tsxLoader';
import type { FanoutCommand, FanoutReply } from './FanoutMessages';

const workerEntry = fileURLToPath(new URL('./fanoutWorkerMain.ts', import.meta.url));

/** A forked fan-out load generator (`fanoutWorkerMain`), spoken to one request at a time. */
export class LoadGeneratorProcess {
  readonly #child: ChildProcess;
  #pending: { resolve(reply: FanoutReply): void; reject(error: Error): void } | null = null;
  #exited = false;

  constructor(supervisor: ProcessSupervisor, nice?: number) {
    this.#child = fork(workerEntry, [], {
      execArgv: ['--import', tsxLoaderUrl()],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    supervisor.adopt(this.#child);
    if (nice !== undefined && this.#child.pid !== undefined) {
      try {
        setPriority(this.#child.pid, nice);
      } catch {
        // Not permitted: run at the default priority.
      }
    }
    this.#child.on('message', (reply: FanoutReply) => {
      const pending = this.#pending;
      this.#pending = null;
      if (!pending) return;
      if (reply.type === 'error') pending.reject(new Error(`load generator: ${reply.message}`));
      else pending.resolve(reply);
    });
    this.#child.once('exit', (code, signal) => {
      this.#exited = true;
      this.#pending?.reject(new Error(`A load generator exited (${signal ?? code}).`));
      this.#pending = null;
    });
  }

  /** Sends a command and resolves with the reply of type `expect`. */
  request<T extends FanoutReply['type']>(
    command: FanoutCommand,
    expect: T,
    timeoutMs = 120_000,
  ): Promise<Extract<FanoutReply, { type: T }>> {
    if (this.#exited) return Promise.reject(new Error('The load generator has exited.'));
    if (this.#pending) return Promise.reject(new Error('One request at a time.'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending = null;
        reject(new Error(`The load generator did not answer "${command.type}" in time.`));
      }, timeoutMs);
      this.#pending = {
        resolve: (reply) => {
          clearTimeout(timer);
          if (reply.type === expect) resolve(reply as Extract<FanoutReply, { type: T }>);
          else reject(new Error(`Expected "${expect}", got "${reply.type}".`));
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#child.send(command);
    });
  }

  /** Closes the IPC channel (the process destroys its clients and exits) and waits for it. */
  async close(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    const force = setTimeout(() => this.#child.kill('SIGKILL'), 10_000);
    this.#child.disconnect();
    await exited;
    clearTimeout(force);
  }
}
