import type { Clock } from '../Clock';
import type { DomainEventType, NewDomainEvent } from '../events/DomainEvent';
import type { AuditDirectory } from './AuditDirectory';
import type { AuditLog } from './AuditLog';
import type { AuditOriginSource } from './AuditOriginSource';
import type { AuditActor, AuditOrigin } from './AuditRecord';
import type { AuditEntry, AuditWriter } from './AuditWriter';
import { auditDetailsOf } from './auditDetailsOf';
import { auditTargetOf } from './auditTargetOf';
import { unauditedEventTypes } from './unauditedEventTypes';

export interface AuditTrailOptions {
  readonly log: AuditLog;
  readonly directory: AuditDirectory;
  /** The request in progress, if any: its client address and user agent go on the record. */
  readonly origin: AuditOriginSource;
  /**
   * Runs `work` in one store transaction, joining the caller's when there is one (SQLite: a
   * savepoint), so an event and its record commit together.
   */
  readonly transaction: <T>(work: () => T) => T;
  readonly clock: Clock;
  /** Event types that are not audited; default `unauditedEventTypes`. */
  readonly unaudited?: readonly DomainEventType[];
}

const noOrigin: AuditOrigin = { address: null, userAgent: null };

/**
 * The one writer of the audit log. Domain events reach it through `AuditedEventLog`, inside the
 * transaction of their change; actions that change nothing (`record`) get a transaction of
 * their own. Either way the record names the actor and target as they are at that moment and
 * carries the request's address and user agent.
 */
export class AuditTrail implements AuditWriter {
  readonly #options: AuditTrailOptions;
  readonly #unaudited: ReadonlySet<string>;

  constructor(options: AuditTrailOptions) {
    this.#options = options;
    this.#unaudited = new Set(options.unaudited ?? unauditedEventTypes);
  }

  /** Whether events of this type become records. */
  audits(type: DomainEventType): boolean {
    return !this.#unaudited.has(type);
  }

  /** Call inside the transaction that wrote the event (`AuditedEventLog` does). */
  recordEvent(event: NewDomainEvent, seq: number): void {
    if (!this.audits(event.type)) return;
    const { directory } = this.#options;
    this.#options.log.append({
      at: event.at,
      action: event.type,
      actor: this.#actor(event.actorId),
      target: auditTargetOf(event, directory),
      spaceId:
        event.spaceId ?? (event.pageId ? (directory.page(event.pageId)?.spaceId ?? null) : null),
      origin: this.#origin(),
      details: auditDetailsOf(event, directory),
      eventSeq: seq,
    });
  }

  record(entry: AuditEntry): void {
    this.#options.transaction(() =>
      this.#options.log.append({
        at: this.#options.clock.now(),
        action: entry.action,
        actor: this.#actor(entry.actorId),
        target: entry.target,
        spaceId: entry.spaceId ?? null,
        origin: this.#origin(),
        details: entry.details ?? {},
        eventSeq: null,
      }),
    );
  }

  #actor(id: string | null): AuditActor {
    if (id === null) return { id: null, name: null, email: null };
    const person = this.#options.directory.person(id);
    return { id, name: person?.name ?? null, email: person?.email ?? null };
  }

  #origin(): AuditOrigin {
    return this.#options.origin.current() ?? noOrigin;
  }
}
