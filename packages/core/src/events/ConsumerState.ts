import type { DomainEventType } from './DomainEvent';

/** An event a consumer gave up on after its retries, kept for an admin to see and replay. */
export interface DeadLetter {
  readonly id: number;
  readonly consumer: string;
  readonly seq: number;
  readonly type: DomainEventType;
  readonly pageId: string | null;
  readonly attempts: number;
  /** The last error's message (never a stack: it is shown to admins). */
  readonly error: string;
  readonly at: number;
}

/**
 * Where each consumer got to, and what it gave up on; and, when several processes share the
 * store, which of them delivers a consumer's events right now.
 */
export interface ConsumerState {
  /** The `seq` of the last event the consumer finished (0 before its first). */
  cursor(consumer: string): number;
  /**
   * Stores the cursor. False when the caller held the consumer's claim and another process has
   * taken it over since (nothing was stored): the caller must stop delivering.
   */
  setCursor(consumer: string, seq: number): boolean;
  /**
   * Takes the right to deliver the consumer's events until `release`, so that processes sharing
   * the store never deliver one consumer's events at the same time. False while another process
   * holds it. A claim whose holder died (its connection closed) is free again. Stores that only
   * one process ever opens grant every claim.
   */
  claim(consumer: string): boolean;
  /** Gives a claim back; nothing happens when it is not held. */
  release(consumer: string): void;
  /** Every consumer with a cursor, and where it is. */
  cursors(): ReadonlyMap<string, number>;
  addDeadLetter(letter: Omit<DeadLetter, 'id'>): DeadLetter;
  listDeadLetters(consumer?: string): DeadLetter[];
  findDeadLetter(id: number): DeadLetter | null;
  removeDeadLetter(id: number): void;
  /** Raises a dead letter's attempts after a replay failed again. */
  updateDeadLetter(id: number, attempts: number, error: string, at: number): void;
  /** The oldest `seq` a dead letter still needs (retention keeps it), or null. */
  oldestDeadSeq(): number | null;
}
