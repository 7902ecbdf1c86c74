export interface PostgresFailure {
  readonly message: string;
  /** SQLSTATE, or a Node errno such as `ECONNREFUSED`. */
  readonly code: string | null;
  readonly constraint: string | null;
  readonly detail: string | null;
  /** The connection is unusable: nothing of the failed call was committed. */
  readonly unavailable: boolean;
}

export function describePostgresFailure(error: unknown): PostgresFailure;
