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

/** Where each consumer got to, and what it gave up on. */
export interface ConsumerState {
  /** The `seq` of the last event the consumer finished (0 before its first). */
  cursor(consumer: string): number;
  setCursor(consumer: string, seq: number): void;
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
