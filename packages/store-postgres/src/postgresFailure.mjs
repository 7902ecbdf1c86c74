// What a node-postgres failure means for a store: a statement PostgreSQL refused, or a connection
// that is unusable. Plain JavaScript because the connection worker imports it as-is; the stores
// that talk to a `pg.Pool` directly use the same rules.

/** Connection-level failures: the statement did not run, or its outcome is unknown and rolled back. */
const unavailableCodes = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08003', '08006']);
const unavailableErrnos = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT']);

export function describePostgresFailure(error) {
  const unavailable =
    unavailableCodes.has(error?.code) ||
    unavailableErrnos.has(error?.code) ||
    /Connection terminated|not queryable|timeout expired/i.test(String(error?.message));
  return {
    message: String(error?.message ?? error),
    code: typeof error?.code === 'string' ? error.code : null,
    constraint: error?.constraint ?? null,
    detail: error?.detail ?? null,
    unavailable,
  };
}
