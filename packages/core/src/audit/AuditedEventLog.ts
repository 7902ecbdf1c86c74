import type { NewDomainEvent } from '../events/DomainEvent';
import type { ContentChangeMark, EventLog } from '../events/EventLog';
import type { AuditTrail } from './AuditTrail';

/**
 * The event log every service writes to, with the audit trail attached: each appended event
 * and its audit record are written in one transaction (the change's own, which `append` joins),
 * so a change, its event and its record commit or roll back together. Reading is the inner
 * log's. `page.content_changed`, which the dispatcher emits on its own, is not audited.
 */
export class AuditedEventLog implements EventLog {
  readonly #inner: EventLog;
  readonly #trail: AuditTrail;
  readonly #transaction: <T>(work: () => T) => T;

  constructor(inner: EventLog, trail: AuditTrail, transaction: <T>(work: () => T) => T) {
    this.#inner = inner;
    this.#trail = trail;
    this.#transaction = transaction;
  }

  append(event: NewDomainEvent): number {
    if (!this.#trail.audits(event.type)) return this.#inner.append(event);
    return this.#transaction(() => {
      const seq = this.#inner.append(event);
      this.#trail.recordEvent(event, seq);
      return seq;
    });
  }

  readAfter(afterSeq: number, limit: number) {
    return this.#inner.readAfter(afterSeq, limit);
  }

  get(seq: number) {
    return this.#inner.get(seq);
  }

  lastSeq(): number {
    return this.#inner.lastSeq();
  }

  dueContentChanges(now: number, quietMs: number, maxWaitMs: number, limit: number) {
    return this.#inner.dueContentChanges(now, quietMs, maxWaitMs, limit);
  }

  emitContentChanged(mark: ContentChangeMark, at: number): number | null {
    return this.#inner.emitContentChanged(mark, at);
  }

  prune(before: number, upToSeq: number): number {
    return this.#inner.prune(before, upToSeq);
  }

  count(): number {
    return this.#inner.count();
  }
}
