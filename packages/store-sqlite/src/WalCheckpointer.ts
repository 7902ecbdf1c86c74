import { Worker } from 'node:worker_threads';
import type { Db } from './openDatabase';

export interface WalCheckpointerOptions {
  /** How often the WAL is copied into the database file. Default 1 s. */
  readonly intervalMs?: number;
  /** How long the checkpoint connection waits for a lock, in milliseconds. Default 5 s. */
  readonly busyTimeoutMs?: number;
  /**
   * WAL frames (pages) past which the writer checkpoints by itself again until the WAL has
   * started over. Default 4,000 (16 MB of 4 KB pages). SQLite only starts the WAL over when a
   * write begins after every frame was copied, which a checkpoint from another connection never
   * achieves while commits keep arriving faster than it copies.
   */
  readonly maxWalFrames?: number;
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
  /** Frames of those in the database file after it (fewer while a reader needs older ones). */
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
 * connection on a worker thread does, every `intervalMs`, without blocking the writer. Under
 * commits that never pause, the writer takes checkpoints back while the WAL is past
 * `maxWalFrames`, so the WAL stays bounded.
 *
 * What a crash can lose does not change: a commit is in the WAL before it returns either way, and
 * with `synchronous = NORMAL` the WAL is synced at checkpoints, now at least every `intervalMs`.
 */
export class WalCheckpointer {
  readonly #db: Db;
  readonly #worker: Worker;
  readonly #onError: (error: Error) => void;
  readonly #stopped: Promise<void>;
  /** The writer's own setting before the thread took over, given back on close or failure. */
  readonly #writerPages: number;
  readonly #maxWalFrames: number;
  #checkpoints = 0;
  #last: CheckpointReport | null = null;
  #writerCheckpoints = false;
  #running = true;

  private constructor(db: Db, options: WalCheckpointerOptions) {
    this.#db = db;
    this.#onError = options.onError ?? (() => {});
    this.#maxWalFrames = options.maxWalFrames ?? 4_000;
    this.#writerPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
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
        this.#last = { frames: message.frames, copied: message.copied, ms: message.ms };
        this.#boundWal(message.frames);
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

  /** Checkpoints that found frames in the WAL, the latest of them, and whether the writer is
   * checkpointing by itself for now because the WAL outgrew `maxWalFrames`. */
  get stats(): {
    readonly checkpoints: number;
    readonly last: CheckpointReport | null;
    readonly writerCheckpoints: boolean;
  } {
    return {
      checkpoints: this.#checkpoints,
      last: this.#last,
      writerCheckpoints: this.#writerCheckpoints,
    };
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

  /**
   * Lets the writer checkpoint by itself while the WAL is past `maxWalFrames`: its checkpoint
   * copies every frame between two of its own commits, so the next commit starts the WAL over.
   */
  #boundWal(frames: number): void {
    if (!this.#running || !this.#db.open) return;
    const tooLong = frames > this.#maxWalFrames;
    if (tooLong === this.#writerCheckpoints) return;
    this.#writerCheckpoints = tooLong;
    // SQLite's default of 1,000 pages if the writer had its own checkpoints off already.
    const pages = this.#writerPages > 0 ? this.#writerPages : 1_000;
    this.#db.pragma(`wal_autocheckpoint = ${tooLong ? pages : 0}`);
  }

  #restoreAutoCheckpoint(): void {
    if (this.#db.open) this.#db.pragma(`wal_autocheckpoint = ${this.#writerPages}`);
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
