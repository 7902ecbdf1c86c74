/**
 * Errors the domain raises on purpose. Each has a stable machine `code`; the transport edge maps
 * the class to an HTTP status or a websocket close code. Domain code never speaks HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends DomainError {
  readonly code = 'invalid_request';
}

export class NotFoundError extends DomainError {
  readonly code: string;
  constructor(what: string, code = 'not_found') {
    super(`${what} was not found.`);
    this.code = code;
  }
}

export class ConflictError extends DomainError {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code: string;
  constructor(message = 'Sign in to continue.', code = 'unauthenticated') {
    super(message);
    this.code = code;
  }
}

export class PermissionDeniedError extends DomainError {
  readonly code = 'forbidden';
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} s.`);
  }
}

/** The server is at capacity for this kind of work right now; the same request can be retried. */
export class ServiceBusyError extends DomainError {
  readonly code = 'busy';
  constructor(readonly retryAfterSeconds = 1) {
    super('The server is busy. Try again in a moment.');
  }
}

/**
 * The database cannot be reached right now (a restart, a failover, a lost connection). Nothing was
 * written; the same request can be retried once it is back.
 */
export class StoreUnavailableError extends DomainError {
  readonly code = 'store_unavailable';
  constructor(readonly retryAfterSeconds = 2) {
    super('The database is not reachable right now. Try again in a moment.');
  }
}
