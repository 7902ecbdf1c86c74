import { csvField } from '../csvField';
import type { AuditRecord } from './AuditRecord';

/** The header row of an audit export; `auditCsvLine` writes the rows below it. */
export const auditCsvHeader =
  'id,time,action,actor_id,actor_name,actor_email,target_kind,target_id,target_label,space_id,address,user_agent,details\r\n';

/** One record as a CSV row (CRLF-terminated), every text cell escaped and defused. */
export function auditCsvLine(record: AuditRecord): string {
  const cells = [
    String(record.id),
    new Date(record.at).toISOString(),
    record.action,
    record.actor.id ?? '',
    record.actor.name ?? '',
    record.actor.email ?? '',
    record.target?.kind ?? '',
    record.target?.id ?? '',
    record.target?.label ?? '',
    record.spaceId ?? '',
    record.origin.address ?? '',
    record.origin.userAgent ?? '',
    JSON.stringify(record.details),
  ];
  return `${cells.map(csvField).join(',')}\r\n`;
}
