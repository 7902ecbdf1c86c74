import type { AuditRecord, NewAuditRecord } from './AuditRecord';

/** Which records to read; every field given must match (the action lists match either). */
export interface AuditFilter {
  readonly actorId?: string | undefined;
  /** Exact actions… */
  readonly actions?: readonly string[] | undefined;
  /** …or action prefixes (`user.` for every account action). */
  readonly actionPrefixes?: readonly string[] | undefined;
  readonly targetKind?: string | undefined;
  readonly targetId?: string | undefined;
  /** From this time on (inclusive), in epoch milliseconds. */
  readonly since?: number | undefined;
  /** Before this time (exclusive). */
  readonly until?: number | undefined;
  /** Case-insensitive text in the actor's name or email or the target's label. */
  readonly text?: string | undefined;
}

export interface AuditQuery extends AuditFilter {
  /** A `nextCursor` from the previous page: only records older than it. */
  readonly cursor?: number | null | undefined;
  readonly limit: number;
}

/** Newest first, and where the next (older) page starts, or null when this is the last. */
export interface AuditPage {
  readonly records: AuditRecord[];
  readonly nextCursor: number | null;
}

/**
 * The append-only audit log. `append` is called inside the transaction of the change it records
 * (or in its own, for actions that change nothing), so a record exists exactly when its change
 * does. Records are only ever removed by retention (`prune`).
 */
export interface AuditLog {
  /** Writes a record; returns its id. */
  append(record: NewAuditRecord): number;
  /** Records matching the filter, newest first, one page at a time. */
  query(query: AuditQuery): AuditPage;
  /** Removes records written before `before`; returns how many. */
  prune(before: number): number;
  count(): number;
}
