import { StoreUnavailableError } from '@lore/core';
import type pg from 'pg';
import { postgresStoreError } from './postgresStoreError';

/**
 * Runs `work` in one transaction on one connection checked out of `pool`, so that everything it
 * does (an advisory lock and the writes it guards, or the reads of one snapshot) happens on the
 * same connection. `begin` opens the transaction: `BEGIN`, or e.g. `BEGIN READ ONLY` followed by
 * `SET LOCAL` settings (statements without parameters, sent in one round trip). Commits when
 * `work` resolves, rolls back when it throws. Failures of the pool itself are reported like
 * failed statements (`postgresStoreError`).
 */
export async function postgresPoolTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw postgresStoreError(error);
  }
  let broken: Error | undefined;
  // A checked-out client reports a dropped connection as an 'error' event besides failing the
  // query; with no listener that event would end the process.
  client.on('error', ignoreClientError);
  try {
    await client.query(begin).catch((error: unknown) => {
      throw postgresStoreError(error);
    });
    const result = await work(client);
    await client.query('COMMIT').catch((error: unknown) => {
      throw postgresStoreError(error);
    });
    return result;
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      broken = error;
    } else {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    client.off('error', ignoreClientError);
    // A connection that failed is closed rather than handed to the next caller.
    client.release(broken);
  }
}

const ignoreClientError = () => {};
