import pg from 'pg';
import { eventChannel } from './PostgresEventLog';

export interface PostgresEventListenerOptions {
  /** A `postgresql://` connection string (its own connection, not the store's). */
  readonly url: string;
  /**
   * Events were appended (by any process), or may have been while the listener was
   * reconnecting: e.g. `dispatcher.wake()`. Called once per committed transaction that appended.
   */
  readonly onAppend: () => void;
  /** Wait before reconnecting after the connection was lost. Default 1 s. */
  readonly reconnectMs?: number;
  /** The connection was lost or could not be opened; the listener keeps trying. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Wakes this process when any process appends to the event outbox, so its consumers need not
 * wait for their next poll. Optional: polling alone delivers everything, this only makes it
 * sooner. It needs its own asynchronous connection, since the store's synchronous one cannot
 * wait for notifications. PostgreSQL sends them at commit, never for a rolled-back append.
 */
export class PostgresEventListener {
  readonly #options: PostgresEventListenerOptions;
  #client: pg.Client | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: PostgresEventListenerOptions) {
    this.#options = options;
  }

  /** Connects and listens; resolves once listening (rejects when the first connection fails). */
  async start(): Promise<void> {
    await this.#connect();
  }

  /** Stops listening and closes the connection. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#options.url });
    client.on('notification', (message) => {
      if (message.channel === eventChannel) this.#options.onAppend();
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('The listening connection ended.')));
    try {
      await client.connect();
      await client.query(`LISTEN ${eventChannel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
  }

  #lost(client: pg.Client, error: unknown): void {
    if (this.#closed || this.#client !== client) return;
    this.#client = null;
    this.#options.onError?.(error);
    client.end().catch(() => {});
    this.#retry();
  }

  #retry(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#connect().then(
        // Appends made while disconnected were not heard: look once.
        () => {
          if (!this.#closed) this.#options.onAppend();
        },
        (error: unknown) => {
          this.#options.onError?.(error);
          this.#retry();
        },
      );
    }, this.#options.reconnectMs ?? 1_000);
    this.#timer.unref();
  }
}
