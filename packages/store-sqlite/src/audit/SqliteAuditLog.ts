import type { AuditLog, AuditPage, AuditQuery, AuditRecord, NewAuditRecord } from '@lore/core';
import type { Db } from '../openDatabase';

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

type Param = string | number;

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

/** The largest code point: `prefix || max` bounds every action that starts with `prefix`. */
const afterEveryPrefix = '\u{10FFFF}';

/**
 * `AuditLog` on the Lore database. `append` joins the caller's transaction (better-sqlite3 runs
 * statements in the open one), so a record commits or rolls back with its change. A trigger
 * refuses updates: records are only ever added, and removed by retention.
 */
export class SqliteAuditLog implements AuditLog {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO audit_log (at, action, actor_id, actor_name, actor_email, target_kind,
           target_id, target_label, space_id, address, user_agent, details, event_seq)
         VALUES (@at, @action, @actorId, @actorName, @actorEmail, @targetKind, @targetId,
           @targetLabel, @spaceId, @address, @userAgent, @details, @eventSeq)`,
      ),
      prune: db.prepare<[number]>('DELETE FROM audit_log WHERE at < ?'),
      count: db.prepare<[], number>('SELECT count(*) FROM audit_log').pluck(),
    };
  }

  append(record: NewAuditRecord): number {
    const result = this.#statements.insert.run({
      at: record.at,
      action: record.action,
      actorId: record.actor.id,
      actorName: record.actor.name,
      actorEmail: record.actor.email,
      targetKind: record.target?.kind ?? null,
      targetId: record.target?.id ?? null,
      targetLabel: record.target?.label ?? null,
      spaceId: record.spaceId,
      address: record.origin.address,
      userAgent: record.origin.userAgent,
      details: JSON.stringify(record.details),
      eventSeq: record.eventSeq,
    });
    return Number(result.lastInsertRowid);
  }

  query(query: AuditQuery): AuditPage {
    const where: string[] = [];
    const params: Param[] = [];
    const add = (clause: string, ...values: Param[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (query.cursor != null) add('id < ?', query.cursor);
    if (query.actorId !== undefined) add('actor_id = ?', query.actorId);
    const actions = query.actions ?? [];
    const prefixes = query.actionPrefixes ?? [];
    if (actions.length + prefixes.length > 0) {
      // Ranges instead of LIKE: `_` and `%` in a prefix are plain characters, and the index serves.
      const alternatives = [
        ...actions.map(() => 'action = ?'),
        ...prefixes.map(() => '(action >= ? AND action < ?)'),
      ];
      add(
        `(${alternatives.join(' OR ')})`,
        ...actions,
        ...prefixes.flatMap((prefix) => [prefix, `${prefix}${afterEveryPrefix}`]),
      );
    }
    if (query.targetKind !== undefined) add('target_kind = ?', query.targetKind);
    if (query.targetId !== undefined) add('target_id = ?', query.targetId);
    if (query.since !== undefined) add('at >= ?', query.since);
    if (query.until !== undefined) add('at < ?', query.until);
    if (query.text) {
      const text = query.text;
      // instr, not LIKE: the text is matched literally. lower() folds A–Z, as asciiLowerCase does.
      add(
        `(instr(lower(coalesce(actor_name, '')), lower(?)) > 0
          OR instr(lower(coalesce(actor_email, '')), lower(?)) > 0
          OR instr(lower(coalesce(target_label, '')), lower(?)) > 0)`,
        text,
        text,
        text,
      );
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT ?`;
    const rows = this.#db.prepare<Param[], AuditRow>(sql).all(...params, query.limit + 1);
    const records = rows.slice(0, query.limit).map(toRecord);
    const last = records.at(-1);
    return { records, nextCursor: rows.length > query.limit && last ? last.id : null };
  }

  prune(before: number): number {
    return this.#statements.prune.run(before).changes;
  }

  count(): number {
    return this.#statements.count.get() ?? 0;
  }
}
