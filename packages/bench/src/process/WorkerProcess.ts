import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import type { ProcessSupervisor } from './ProcessSupervisor';
import { tsxLoaderUrl } from './tsxLoader';

/** What every worker may answer instead of the reply asked for. */
export interface WorkerError {
  readonly type: 'error';
  readonly message: string;
}

export interface WorkerProcessOptions {
  /** Names the worker in errors, e.g. "load generator". */
  readonly name: string;
  /** Nice value for the process (lowering it needs privileges; ignored when not permitted). */
  readonly nice?: number;
}

/**
 * A forked helper process of the benchmark (a `*Main.ts` entry run under tsx), spoken to one
 * request at a time over IPC. Each request resolves with the reply of the type asked for.
 */
export class WorkerProcess<
  TCommand extends { readonly type: string },
  TReply extends { readonly type: string },
> {
  readonly #child: ChildProcess;
  readonly #name: string;
  #pending: { resolve(reply: TReply): void; reject(error: Error): void } | null = null;
  #exited = false;

  constructor(entry: string, supervisor: ProcessSupervisor, options: WorkerProcessOptions) {
    this.#name = options.name;
    this.#child = fork(entry, [], {
      execArgv: ['--import', tsxLoaderUrl()],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    supervisor.adopt(this.#child);
    if (options.nice !== undefined && this.#child.pid !== undefined) {
      try {
        setPriority(this.#child.pid, options.nice);
      } catch {
        // Not permitted: run at the default priority.
      }
    }
    this.#child.on('message', (reply: TReply | WorkerError) => {
      const pending = this.#pending;
      this.#pending = null;
      if (!pending) return;
      if (isWorkerError(reply)) pending.reject(new Error(`${this.#name}: ${reply.message}`));
      else pending.resolve(reply);
    });
    this.#child.once('exit', (code, signal) => {
      this.#exited = true;
      this.#pending?.reject(new Error(`The ${this.#name} exited (${signal ?? code}).`));
      this.#pending = null;
    });
  }

  /** Sends a command and resolves with the reply of type `expect`. */
  request<T extends TReply['type']>(
    command: TCommand,
    expect: T,
    timeoutMs = 120_000,
  ): Promise<Extract<TReply, { type: T }>> {
    if (this.#exited) return Promise.reject(new Error(`The ${this.#name} has exited.`));
    if (this.#pending) return Promise.reject(new Error('One request at a time.'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending = null;
        reject(new Error(`The ${this.#name} did not answer "${command.type}" in time.`));
      }, timeoutMs);
      this.#pending = {
        resolve: (reply) => {
          clearTimeout(timer);
          if (reply.type === expect) resolve(reply as Extract<TReply, { type: T }>);
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

  /** Closes the IPC channel (the process cleans up and exits) and waits for it. */
  async close(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    const force = setTimeout(() => this.#child.kill('SIGKILL'), 10_000);
    this.#child.disconnect();
    await exited;
    clearTimeout(force);
  }
}

function isWorkerError(reply: { readonly type: string }): reply is WorkerError {
  return reply.type === 'error';
}

/**
 * The worker side: answers each command from the parent with `handle`'s reply, or with a
 * {@link WorkerError}; `onDisconnect` runs when the parent closes the channel, then the process exits.
 */
export function serveWorker<TCommand, TReply>(
  handle: (command: TCommand) => Promise<TReply>,
  onDisconnect: () => void,
): void {
  process.on('message', (command: TCommand) => {
    handle(command).then(
      (reply) => process.send?.(reply),
      (error: unknown) =>
        process.send?.({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        } satisfies WorkerError),
    );
  });
  process.on('disconnect', () => {
    onDisconnect();
    process.exit(0);
  });
}
