import type { AuditLog, AuditPage, AuditQuery, AuditRecord, NewAuditRecord } from '@lore/core';
import type { PostgresDatabase, SqlValue } from '../PostgresDatabase';

interface AuditRow {
  id: number;
  at: number;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  target_kind: string | null;
  target_id: string | null;
  target_label: string | null;
  space_id: string | null;
  address: string | null;
  user_agent: string | null;
  details: string;
  event_seq: number | null;
}

const toRecord = (row: AuditRow): AuditRecord => ({
  id: row.id,
  at: row.at,
  action: row.action,
  actor: { id: row.actor_id, name: row.actor_name, email: row.actor_email },
  target:
    row.target_kind === null
      ? null
      : { kind: row.target_kind, id: row.target_id, label: row.target_label },
  spaceId: row.space_id,
  origin: { address: row.address, userAgent: row.user_agent },
  details: JSON.parse(row.details),
  eventSeq: row.event_seq,
});

// details is read as text (::text) and parsed here, exactly as the SQLite store does, so the
// round trip does not depend on the driver's JSON handling.
const columns = `id, at, action, actor_id, actor_name, actor_email, target_kind, target_id,
  target_label, space_id, address, user_agent, details::text AS details, event_seq`;

// lower() under the C collation folds A-Z only, as asciiLowerCase and SQLite's lower() do.
const folded = (sql: string) => `lower(${sql} COLLATE "C")`;

/**
 * `AuditLog` on PostgreSQL (migration 0010). `append` runs on the store's connection, so inside
 * a transaction it commits or rolls back with the change it records. A trigger refuses updates.
 */
export class PostgresAuditLog implements AuditLog {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  append(record: NewAuditRecord): number {
    const row = this.#db.one<{ id: number }>(
      `INSERT INTO audit_log (at, action, actor_id, actor_name, actor_email, target_kind,
         target_id, target_label, space_id, address, user_agent, details, event_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::json, $13)
       RETURNING id`,
      [
        record.at,
        record.action,
        record.actor.id,
        record.actor.name,
        record.actor.email,
        record.target?.kind ?? null,
        record.target?.id ?? null,
        record.target?.label ?? null,
        record.spaceId,
        record.origin.address,
        record.origin.userAgent,
        JSON.stringify(record.details),
        record.eventSeq,
      ],
    );
    if (!row) throw new Error('The audit record was not written.');
    return row.id;
  }

  query(query: AuditQuery): AuditPage {
    const where: string[] = [];
    const params: SqlValue[] = [];
    const param = (value: SqlValue) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.cursor != null) where.push(`id < ${param(query.cursor)}`);
    if (query.actorId !== undefined) where.push(`actor_id = ${param(query.actorId)}`);
    const actions = query.actions ?? [];
    const prefixes = query.actionPrefixes ?? [];
    if (actions.length + prefixes.length > 0) {
      // starts_with, not LIKE: `_` and `%` in a prefix are plain characters. The column is
      // collated "C", so the prefix is a range on audit_log_by_action.
      const alternatives = [
        ...(actions.length > 0 ? [`action = ANY (${param(actions)}::text[])`] : []),
        ...prefixes.map((prefix) => `starts_with(action, ${param(prefix)})`),
      ];
      where.push(`(${alternatives.join(' OR ')})`);
    }
    if (query.targetKind !== undefined) where.push(`target_kind = ${param(query.targetKind)}`);
    if (query.targetId !== undefined) where.push(`target_id = ${param(query.targetId)}`);
    if (query.since !== undefined) where.push(`at >= ${param(query.since)}`);
    if (query.until !== undefined) where.push(`at < ${param(query.until)}`);
    if (query.text) {
      // strpos, not LIKE: the text is matched literally.
      const text = folded(`${param(query.text)}::text`);
      where.push(
        `(${['actor_name', 'actor_email', 'target_label']
          .map((column) => `strpos(${folded(`coalesce(${column}, '')`)}, ${text}) > 0`)
          .join(' OR ')})`,
      );
    }
    const rows = this.#db.query<AuditRow>(
      `SELECT ${columns} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT ${param(query.limit + 1)}`,
      params,
    );
    const records = rows.slice(0, query.limit).map(toRecord);
    const last = records.at(-1);
    return { records, nextCursor: rows.length > query.limit && last ? last.id : null };
  }

  prune(before: number): number {
    return this.#db.run('DELETE FROM audit_log WHERE at < $1', [before]).rowCount;
  }

  count(): number {
    return this.#db.one<{ n: number }>('SELECT count(*) AS n FROM audit_log')?.n ?? 0;
  }
}
