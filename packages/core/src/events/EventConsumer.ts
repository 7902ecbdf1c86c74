import type { DomainEvent, DomainEventType } from './DomainEvent';

/**
 * Something that reacts to domain events: it keeps its own cursor, gets every event it asks
 * for at least once and in commit order, and must be idempotent (a crash between handling and
 * saving the cursor delivers the event again).
 */
export interface EventConsumer {
  /** Stable name: the cursor and dead letters are kept under it. */
  readonly name: string;
  /** The events it handles; others pass without a call (its cursor still moves past them). */
  readonly types: readonly DomainEventType[];
  /**
   * Consumers that must have handled an event before this one sees it (the search index reads
   * the title that the page-metadata consumer mirrors). Only these ever hold it back.
   */
  readonly after?: readonly string[];
  handle(event: DomainEvent): void | Promise<void>;
}
