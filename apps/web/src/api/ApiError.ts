/**
 * A failed API call. `code` is the server's machine-readable error code (`invalid_credentials`,
 * `rate_limited`…), or `network_error` / `http_error` when no structured answer arrived.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before retrying, from the `Retry-After` header of a 429 answer. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}
