import type { AuditTarget } from './AuditRecord';

/** Something worth a record that changed no state: a failed sign-in, an export, a link used. */
export interface AuditEntry {
  readonly action: string;
  /** Who did it; null when unknown (a failed sign-in) or the system. */
  readonly actorId: string | null;
  readonly target: AuditTarget | null;
  readonly spaceId?: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Writes records of actions that are not state changes, each in its own transaction. */
export interface AuditWriter {
  record(entry: AuditEntry): void;
}
