import type { DomainEvent, NewDomainEvent } from './DomainEvent';

/** A page whose document changed and has no `page.content_changed` event for it yet. */
export interface ContentChangeMark {
  readonly pageId: string;
  readonly firstAt: number;
  readonly lastAt: number;
}

/**
 * The durable outbox of domain events. Writers append inside the store transaction of the
 * change they describe (the same database), so an event exists exactly when its change does.
 * Document edits, which come a keystroke at a time, are marked instead (by the document store,
 * in its append transaction) and turned into one `page.content_changed` per quiet window.
 */
export interface EventLog {
  /** Writes an event; call inside the transaction of the change. Returns its `seq`. */
  append(event: NewDomainEvent): number;
  /** Events with `seq` greater than `afterSeq`, oldest first, at most `limit`. */
  readAfter(afterSeq: number, limit: number): DomainEvent[];
  /** One event by its number, or null once retention removed it. */
  get(seq: number): DomainEvent | null;
  /** The newest `seq` written (0 when none). */
  lastSeq(): number;
  /**
   * Marks whose page has been quiet since `now - quietMs`, or changing since before
   * `now - maxWaitMs`, oldest first.
   */
  dueContentChanges(
    now: number,
    quietMs: number,
    maxWaitMs: number,
    limit: number,
  ): ContentChangeMark[];
  /**
   * In one transaction: appends `page.content_changed` for the mark and removes the mark, unless
   * the page changed again since it was read (then the mark stays for a later window). Returns
   * the event's `seq`, or null when it was left for later.
   */
  emitContentChanged(mark: ContentChangeMark, at: number): number | null;
  /** Removes events written before `before` with `seq` at most `upToSeq`; returns how many. */
  prune(before: number, upToSeq: number): number;
  /** How many events are stored. */
  count(): number;
}
