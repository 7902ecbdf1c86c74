import { assertWorkspaceAdmin } from '../access/workspaceRole';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { ValidationError } from '../DomainError';
import type { AuditFilter, AuditLog, AuditPage, AuditQuery } from './AuditLog';
import type { AuditRecord } from './AuditRecord';

export interface AuditServiceOptions {
  readonly log: AuditLog;
  readonly clock: Clock;
  /** Records older than this many days are removed by `prune`; 0 keeps them forever. */
  readonly retentionDays: number;
}

export const auditPageMaxLimit = 500;
const maxTextLength = 200;
const maxActionItems = 50;
const day = 86_400_000;

/**
 * Reading the audit log (workspace admins only, or the operator with `viewer` null) and keeping
 * it within its retention. Workspace admins hold every space, so no record shows them a page
 * title they could not read.
 */
export class AuditService {
  readonly #options: AuditServiceOptions;

  constructor(options: AuditServiceOptions) {
    this.#options = options;
  }

  /** One page of matching records, newest first. */
  query(viewer: User | null, query: AuditQuery): AuditPage {
    this.#assertViewer(viewer);
    checkFilter(query);
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > auditPageMaxLimit) {
      throw new ValidationError(`A page holds 1 to ${auditPageMaxLimit} records.`);
    }
    return this.#options.log.query(query);
  }

  /**
   * Every matching record, newest first, read a page at a time as they are consumed (for
   * exports). Refuses at once, before anything is read, when the viewer or filter is wrong.
   */
  records(viewer: User | null, filter: AuditFilter): Iterable<AuditRecord> {
    this.#assertViewer(viewer);
    checkFilter(filter);
    return this.#pages(filter);
  }

  /** Removes what is past the retention; returns how many records went. */
  prune(): number {
    const { retentionDays, clock, log } = this.#options;
    if (retentionDays <= 0) return 0;
    return log.prune(clock.now() - retentionDays * day);
  }

  *#pages(filter: AuditFilter): Generator<AuditRecord> {
    let cursor: number | null = null;
    do {
      const page = this.#options.log.query({ ...filter, cursor, limit: auditPageMaxLimit });
      yield* page.records;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  #assertViewer(viewer: User | null): void {
    if (viewer) assertWorkspaceAdmin(viewer, 'Only workspace admins can read the audit log.');
  }
}

function checkFilter(filter: AuditFilter): void {
  const { since, until, text } = filter;
  for (const time of [since, until]) {
    if (time !== undefined && !Number.isFinite(time)) {
      throw new ValidationError('A time filter must be a date.');
    }
  }
  if (since !== undefined && until !== undefined && since >= until) {
    throw new ValidationError('The start of the period must come before its end.');
  }
  if (text !== undefined && text.length > maxTextLength) {
    throw new ValidationError(`Search text is at most ${maxTextLength} characters.`);
  }
  const items = (filter.actions?.length ?? 0) + (filter.actionPrefixes?.length ?? 0);
  if (items > maxActionItems) {
    throw new ValidationError(`Filter on at most ${maxActionItems} actions at once.`);
  }
}
