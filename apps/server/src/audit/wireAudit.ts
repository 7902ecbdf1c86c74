import {
  type AccessStore,
  type AccountStore,
  AuditedEventLog,
  type AuditLog,
  AuditService,
  AuditTrail,
  type Clock,
  type EventLog,
  type PageStore,
  type SpaceStore,
  StoreAuditDirectory,
} from '@lore/core';
import type { Logger } from 'pino';
import { auditRoutes } from '../routes/auditRoutes';
import type { LoreModule } from '../runtime/LoreModule';
import { RequestOrigin } from './RequestOrigin';

const day = 86_400_000;

export interface WireAuditOptions {
  /** Where records are kept. */
  readonly log: AuditLog;
  /** A write transaction over the database the log and the outbox share. */
  transaction<T>(work: () => T): T;
  /** The outbox the services would otherwise write to directly. */
  readonly events: EventLog;
  readonly people: AccountStore;
  readonly pages: PageStore;
  readonly spaces: SpaceStore;
  readonly groups: AccessStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Records older than this many days go (daily and at start); 0 keeps them forever. */
  readonly retentionDays: number;
}

export interface AuditWiring {
  /** The outbox with the audit trail attached: what every service writes its events to. */
  readonly events: EventLog;
  /** Writes records of actions that change nothing (failed sign-ins, exports). */
  readonly trail: AuditTrail;
  /** Reading the log and keeping it within its retention. */
  readonly service: AuditService;
  /** The request in progress, set by the HTTP layer around every handler. */
  readonly requestOrigin: RequestOrigin;
  readonly module: LoreModule;
}

/**
 * Wires the audit log: records written in the same transaction as the events they
 * record (a savepoint inside the change's transaction, or a transaction of their own), with
 * the request's address and user agent from `RequestOrigin`; its admin routes; and retention.
 */
export function wireAudit(options: WireAuditOptions): AuditWiring {
  const { log, clock, logger } = options;
  const transaction = <T>(work: () => T): T => options.transaction(work);
  const requestOrigin = new RequestOrigin();
  const trail = new AuditTrail({
    log,
    directory: new StoreAuditDirectory({
      people: options.people,
      pages: options.pages,
      spaces: options.spaces,
      groups: options.groups,
    }),
    origin: requestOrigin,
    transaction,
    clock,
  });
  const service = new AuditService({ log, clock, retentionDays: options.retentionDays });
  let timer: NodeJS.Timeout | null = null;
  const prune = () => {
    try {
      const removed = service.prune();
      if (removed > 0) logger.info({ removed }, 'removed audit records past their retention');
    } catch (error) {
      logger.error({ err: error }, 'pruning the audit log failed');
    }
  };
  return {
    events: new AuditedEventLog(options.events, trail, transaction),
    trail,
    service,
    requestOrigin,
    module: {
      name: 'audit',
      routes: auditRoutes,
      start: () => {
        prune();
        timer = setInterval(prune, day);
        timer.unref();
      },
      close: () => {
        if (timer) clearInterval(timer);
      },
    },
  };
}
