/** Who did something, named as they were at the time (null id: the system or the operator). */
export interface AuditActor {
  readonly id: string | null;
  readonly name: string | null;
  readonly email: string | null;
}

/** What it was done to: its kind (`page`, `space`, `user`, `group`, `token`…), id and label. */
export interface AuditTarget {
  readonly kind: string;
  readonly id: string | null;
  /** The page's title, the person's name, the group's name… as it was when it happened. */
  readonly label: string | null;
}

/** Where a request came from: the client address (after the trusted proxies) and user agent. */
export interface AuditOrigin {
  readonly address: string | null;
  readonly userAgent: string | null;
}

/** One line of the audit log, about to be written. */
export interface NewAuditRecord {
  readonly at: number;
  /** A domain event type (`user.role_changed`) or an action that changed nothing (`user.sign_in_failed`). */
  readonly action: string;
  readonly actor: AuditActor;
  readonly target: AuditTarget | null;
  /** The space it happened in, if any. */
  readonly spaceId: string | null;
  /** Null when it did not come from a request (a background job, the command line). */
  readonly origin: AuditOrigin;
  /**
   * What else there is to know: the event's data, and under `names` the people, groups and
   * spaces it mentions, named as they were.
   */
  readonly details: Readonly<Record<string, unknown>>;
  /** The domain event it records, or null for actions that are not state changes. */
  readonly eventSeq: number | null;
}

/** A written record, numbered in the order records were written. */
export interface AuditRecord extends NewAuditRecord {
  readonly id: number;
}
