import type { AuditOrigin } from './AuditRecord';

/**
 * Where the work in progress came from. The HTTP layer sets it around each request; code that
 * runs outside one (background jobs, the command line) gets null.
 */
export interface AuditOriginSource {
  current(): AuditOrigin | null;
}

/** For runtimes without requests. */
export const noAuditOrigin: AuditOriginSource = { current: () => null };
