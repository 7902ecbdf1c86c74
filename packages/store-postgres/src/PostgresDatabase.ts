import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { StoreUnavailableError } from '@lore/core';
import { PostgresError } from './PostgresError';

/** A value a statement can take as a parameter. */
export type SqlValue = string | number | boolean | null | Uint8Array | readonly string[];

export interface Statement {
  readonly sql: string;
  readonly params?: readonly SqlValue[];
}

export interface RunResult {
  readonly rowCount: number;
}

export interface PostgresDatabaseOptions {
  /** A `postgresql://` connection string. */
  readonly url: string;
  /** Shown in `pg_stat_activity`. */
  readonly applicationName?: string;
  /** How long one statement may take before the caller is told the database is unavailable. */
  readonly statementTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
}

interface WorkerResponse {
  readonly id: number;
  readonly ok: boolean;
  readonly results?: { rows: Record<string, unknown>[]; rowCount: number }[];
  readonly error?: {
    message: string;
    code: string | null;
    constraint: string | null;
    detail: string | null;
    unavailable: boolean;
  };
}

/**
 * One PostgreSQL connection with a synchronous face, so the store ports keep the contract their
 * SQLite implementations have: a call returns its rows, and `transaction(work)` runs `work` as one
 * unit with nothing else of this process interleaved. node-postgres runs on a worker thread; the
 * calling thread sleeps on a shared counter until the answer is posted (a round trip on loopback
 * costs about as much as an SQLite statement that touches the disk; see docs/scaling.md).
 *
 * Statements with parameters are prepared once per connection. Transactions nest with savepoints.
 * A lost connection raises `StoreUnavailableError` (nothing was committed by that call) and the
 * next statement reconnects.
 */
export class PostgresDatabase {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #done: Int32Array;
  readonly #timeoutMs: number;
  #nextId = 1;
  #depth = 0;
  /** The connection was lost inside a transaction: refuse statements until it is unwound. */
  #broken = false;
  #closed = false;

  constructor(options: PostgresDatabaseOptions) {
    const signal = new SharedArrayBuffer(4);
    this.#done = new Int32Array(signal);
    this.#timeoutMs = options.statementTimeoutMs ?? 30_000;
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#worker = new Worker(new URL('./postgresWorker.mjs', import.meta.url), {
      workerData: {
        port: channel.port2,
        signal,
        url: options.url,
        applicationName: options.applicationName ?? 'lore',
        connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      },
      transferList: [channel.port2],
    });
    this.#worker.unref();
  }

  /** Rows of one statement. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Row[] {
    return this.#call([{ sql, params }])[0]?.rows as Row[];
  }

  /** The first row of one statement, or null. */
  one<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Row | null {
    return (this.query<Row>(sql, params)[0] ?? null) as Row | null;
  }

  /** Runs a statement for its effect. */
  run(sql: string, params?: readonly SqlValue[]): RunResult {
    return { rowCount: this.#call([{ sql, params }])[0]?.rowCount ?? 0 };
  }

  /** Several statements in one round trip, in order; the first failure stops the rest. */
  batch(statements: readonly Statement[]): { rows: Record<string, unknown>[]; rowCount: number }[] {
    if (statements.length === 0) return [];
    return this.#call(statements);
  }

  /** Runs SQL text that may hold several statements and no parameters (migrations). */
  exec(sql: string): void {
    this.#call([{ sql }], true);
  }

  /** Whether a transaction is open on this connection. */
  get inTransaction(): boolean {
    return this.#depth > 0;
  }

  /**
   * Runs `work` atomically: BEGIN/COMMIT at the outside, a savepoint inside another transaction.
   * Anything `work` throws rolls its part back and is thrown again.
   */
  transaction<T>(work: () => T): T {
    const depth = this.#depth;
    const savepoint = `lore_sp_${depth}`;
    this.#call([{ sql: depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}` }]);
    this.#depth = depth + 1;
    let result: T;
    try {
      result = work();
      if (result instanceof Promise) {
        throw new Error('A PostgreSQL transaction runs synchronous work only.');
      }
    } catch (error) {
      this.#depth = depth;
      if (this.#broken) {
        // The server already rolled the whole transaction back with the lost connection.
        if (depth === 0) this.#broken = false;
        throw error;
      }
      try {
        this.#call([{ sql: depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}` }]);
      } catch {
        // The connection is gone: the server rolled the transaction back itself.
        if (depth === 0) this.#broken = false;
      }
      throw error;
    }
    this.#depth = depth;
    this.#call([{ sql: depth === 0 ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}` }]);
    return result;
  }

  /** Closes the connection and its thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      this.#call([], false, 'close');
    } catch {
      // Closing a connection that is already gone is fine.
    }
    this.#closed = true;
    this.#port.close();
    await this.#worker.terminate();
  }

  #call(
    statements: readonly Statement[],
    unnamed = false,
    kind: 'statements' | 'close' = 'statements',
  ): { rows: Record<string, unknown>[]; rowCount: number }[] {
    if (this.#closed) throw new Error('The PostgreSQL connection is closed.');
    if (this.#broken && kind === 'statements') throw new StoreUnavailableError();
    const id = this.#nextId++;
    this.#port.postMessage({
      id,
      kind,
      statements: statements.map((statement) => ({
        sql: statement.sql,
        params: statement.params,
        unnamed,
      })),
    });
    const deadline = Date.now() + this.#timeoutMs;
    for (;;) {
      // Read the counter before looking at the port: an answer posted in between changes it, so
      // the wait below returns at once instead of sleeping past it.
      const seen = Atomics.load(this.#done, 0);
      const message = receiveMessageOnPort(this.#port)?.message as WorkerResponse | undefined;
      if (message) {
        // An answer to a call that timed out earlier is dropped.
        if (message.id !== id) continue;
        if (message.ok) return (message.results ?? []).map(withBuffers);
        const error = message.error;
        if (!error || error.unavailable) {
          // A transaction on a lost connection is gone with it.
          if (this.#depth > 0) this.#broken = true;
          throw new StoreUnavailableError();
        }
        throw new PostgresError(error.message, error.code, error.constraint, error.detail);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        if (this.#depth > 0) this.#broken = true;
        // Drop the connection: whatever it still runs is rolled back by the server.
        this.#port.postMessage({ id: 0, kind: 'close', statements: [] });
        throw new StoreUnavailableError();
      }
      Atomics.wait(this.#done, 0, seen, left);
    }
  }
}

/** Structured cloning turns BYTEA Buffers into plain Uint8Arrays; the stores expect Buffers. */
function withBuffers(result: { rows: Record<string, unknown>[]; rowCount: number }) {
  for (const row of result.rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    }
  }
  return result;
}
