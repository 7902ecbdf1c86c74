import { postgresStoreError, postgresTypes, type SqlValue } from '@lore/store-postgres';
import type pg from 'pg';

/** Runs one statement on a pool or a checked-out client; failures as the stores report them. */
export async function queryRows<Row>(
  on: pg.Pool | pg.PoolClient,
  text: string,
  values: readonly SqlValue[] = [],
): Promise<Row[]> {
  try {
    const result = await on.query({ text, values: [...values], types: postgresTypes });
    return result.rows as Row[];
  } catch (error) {
    throw postgresStoreError(error);
  }
}
