import pg from 'pg';

export interface PostgresPoolOptions {
  readonly url: string;
  /** Connections at most. */
  readonly max?: number;
  readonly applicationName?: string;
  /** An idle connection was lost; the pool replaces it on the next use. */
  readonly onError?: (error: Error) => void;
}

/** The asynchronous connections of the hot path (the Yjs update log), next to the store's one. */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 8,
    application_name: options.applicationName ?? 'lore',
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (error) => options.onError?.(error));
  return pool;
}
