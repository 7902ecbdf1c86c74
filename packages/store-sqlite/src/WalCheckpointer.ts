import { Worker } from 'node:worker_threads';
import type { Db } from './openDatabase';

/** SQLite's default: a commit that grows the WAL past this many pages checkpoints it. */
const defaultAutoCheckpointPages = 1000;

export interface WalCheckpointerOptions {
  /** How often the WAL is copied into the database file. Default 1 s. */
  readonly intervalMs?: number;
  /** How long the checkpoint connection waits for a lock, in milliseconds. Default 5 s. */
  readonly busyTimeoutMs?: number;
  /**
   * The checkpoint thread failed. When it cannot run at all, `db` goes back to checkpointing
   * itself after commits (SQLite's default), so the WAL never grows without bound.
   */
  readonly onError?: (error: Error) => void;
}

/** One checkpoint the thread completed. */
export interface CheckpointReport {
  /** Frames in the WAL when it ran. */
  readonly frames: number;
  /** Frames it copied into the database file (fewer while a reader still needs older ones). */
  readonly copied: number;
  readonly ms: number;
}

type WorkerMessage =
  | ({ type: 'checkpointed' } & CheckpointReport)
  | { type: 'failed'; message: string }
  | { type: 'unusable'; message: string };

/**
 * Checkpoints a WAL database from a thread of its own. By default SQLite checkpoints inside the
 * commit that grows the WAL past 1,000 pages: that commit copies about 4 MB and syncs the files,
 * which holds the event loop for milliseconds to tens of milliseconds on a busy disk, and with it
 * every collaborator's relay. With the checkpointer, `db` never checkpoints on its own; a second
 * connection on a worker thread does, every `intervalMs`, without blocking the writer.
 *
 * What a crash can lose does not change: a commit is in the WAL before it returns either way, and
 * with `synchronous = NORMAL` the WAL is synced at checkpoints, now at least every `intervalMs`.
 */
export class WalCheckpointer {
  readonly #db: Db;
  readonly #worker: Worker;
  readonly #onError: (error: Error) => void;
  readonly #stopped: Promise<void>;
  #checkpoints = 0;
  #framesCopied = 0;
  #running = true;

  private constructor(db: Db, options: WalCheckpointerOptions) {
    this.#db = db;
    this.#onError = options.onError ?? (() => {});
    db.pragma('wal_autocheckpoint = 0');
    this.#worker = new Worker(new URL('./walCheckpointWorker.mjs', import.meta.url), {
      workerData: {
        path: db.name,
        intervalMs: options.intervalMs ?? 1_000,
        busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
      },
      // Plain JavaScript: no loader or flags of this process are needed in the thread.
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    this.#worker.unref();
    this.#worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'checkpointed') {
        this.#checkpoints += 1;
        this.#framesCopied += message.copied;
      } else if (message.type === 'failed') {
        this.#onError(new Error(`WAL checkpoint failed: ${message.message}`));
      } else {
        this.#fallBack(
          new Error(`the checkpoint thread cannot open the database: ${message.message}`),
        );
      }
    });
    this.#stopped = new Promise((resolve) => {
      this.#worker.once('error', (error: unknown) => {
        this.#fallBack(new Error(`the checkpoint thread failed: ${describe(error)}`));
        resolve();
      });
      this.#worker.once('exit', (code) => {
        if (this.#running) this.#fallBack(new Error(`the checkpoint thread exited (${code})`));
        resolve();
      });
    });
  }

  /** Turns off `db`'s own checkpoints and starts the thread that does them instead. */
  static start(db: Db, options: WalCheckpointerOptions = {}): WalCheckpointer {
    return new WalCheckpointer(db, options);
  }

  /** Checkpoints that found frames in the WAL, and the frames they copied. */
  get stats(): { readonly checkpoints: number; readonly framesCopied: number } {
    return { checkpoints: this.#checkpoints, framesCopied: this.#framesCopied };
  }

  /** Whether the thread is checkpointing (false after `close` or a failure). */
  get running(): boolean {
    return this.#running;
  }

  /**
   * Stops the thread and gives `db` its own checkpoints back, so writes after this still reach the
   * database file (closing `db` checkpoints whatever is left).
   */
  async close(): Promise<void> {
    if (!this.#running) return this.#stopped;
    this.#running = false;
    this.#worker.postMessage('stop');
    const force = setTimeout(() => void this.#worker.terminate(), 5_000);
    await this.#stopped;
    clearTimeout(force);
    this.#restoreAutoCheckpoint();
  }

  #fallBack(error: Error): void {
    const wasRunning = this.#running;
    this.#running = false;
    this.#restoreAutoCheckpoint();
    if (wasRunning) this.#onError(error);
  }

  #restoreAutoCheckpoint(): void {
    if (this.#db.open) this.#db.pragma(`wal_autocheckpoint = ${defaultAutoCheckpointPages}`);
  }
}

/** Errors thrown in a worker arrive cloned, not always as `Error`s. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
