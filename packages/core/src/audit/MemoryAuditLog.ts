import type { AuditLog, AuditPage, AuditQuery } from './AuditLog';
import type { AuditRecord, NewAuditRecord } from './AuditRecord';
import { asciiLowerCase } from './asciiLowerCase';

/** The audit log in memory, for tests of services that write to it. */
export class MemoryAuditLog implements AuditLog {
  readonly #records: AuditRecord[] = [];
  #id = 0;

  append(record: NewAuditRecord): number {
    this.#id += 1;
    this.#records.push(structuredClone({ ...record, id: this.#id }));
    return this.#id;
  }

  query(query: AuditQuery): AuditPage {
    const text = query.text ? asciiLowerCase(query.text) : null;
    const contains = (value: string | null | undefined) =>
      text !== null && value != null && asciiLowerCase(value).includes(text);
    const hasActionFilter = (query.actions?.length ?? 0) + (query.actionPrefixes?.length ?? 0) > 0;
    const matches = this.#records
      .filter(
        (record) =>
          (query.cursor == null || record.id < query.cursor) &&
          (query.actorId === undefined || record.actor.id === query.actorId) &&
          (!hasActionFilter ||
            (query.actions ?? []).includes(record.action) ||
            (query.actionPrefixes ?? []).some((prefix) => record.action.startsWith(prefix))) &&
          (query.targetKind === undefined || record.target?.kind === query.targetKind) &&
          (query.targetId === undefined || record.target?.id === query.targetId) &&
          (query.since === undefined || record.at >= query.since) &&
          (query.until === undefined || record.at < query.until) &&
          (text === null ||
            contains(record.actor.name) ||
            contains(record.actor.email) ||
            contains(record.target?.label)),
      )
      .sort((a, b) => b.id - a.id);
    const records = matches.slice(0, query.limit).map((record) => structuredClone(record));
    const last = records.at(-1);
    return {
      records,
      nextCursor: matches.length > query.limit && last ? last.id : null,
    };
  }

  prune(before: number): number {
    const kept = this.#records.filter((record) => record.at >= before);
    const removed = this.#records.length - kept.length;
    this.#records.splice(0, this.#records.length, ...kept);
    return removed;
  }

  count(): number {
    return this.#records.length;
  }
}
