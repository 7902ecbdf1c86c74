import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditOrigin, AuditOriginSource } from '@lore/core';
import type { Request } from 'express';

/** Longest user agent kept; some clients send kilobytes. */
const maxUserAgent = 512;

/**
 * The request each piece of work belongs to, carried across awaits: the HTTP layer runs every
 * route handler inside `run`, and the audit trail reads `current()` when it writes a record,
 * so domain code passes no request along and knows no HTTP.
 */
export class RequestOrigin implements AuditOriginSource {
  readonly #storage = new AsyncLocalStorage<AuditOrigin>();

  run<T>(origin: AuditOrigin, work: () => T): T {
    return this.#storage.run(origin, work);
  }

  current(): AuditOrigin | null {
    return this.#storage.getStore() ?? null;
  }

  /**
   * Where a request came from: `req.ip` follows `LORE_TRUST_PROXY` (as the sign-in throttle
   * does), so a client cannot choose its address with its own X-Forwarded-For.
   */
  static of(req: Request): AuditOrigin {
    const userAgent = req.get('user-agent');
    return {
      address: req.ip ?? null,
      userAgent: userAgent ? userAgent.slice(0, maxUserAgent) : null,
    };
  }
}
