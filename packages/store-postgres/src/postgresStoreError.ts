import { StoreUnavailableError } from '@lore/core';
import { PostgresError } from './PostgresError';
import { describePostgresFailure } from './postgresFailure.mjs';

/**
 * A node-postgres failure as the stores report it: a refused statement as `PostgresError`, a
 * lost connection as `StoreUnavailableError`. Programming errors pass through unchanged.
 */
export function postgresStoreError(error: unknown): Error {
  if (error instanceof RangeError || error instanceof TypeError) return error;
  const failure = describePostgresFailure(error);
  if (failure.unavailable) return new StoreUnavailableError();
  return new PostgresError(failure.message, failure.code, failure.constraint, failure.detail);
}
