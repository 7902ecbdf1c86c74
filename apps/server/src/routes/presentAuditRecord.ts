import type { AuditLogRecord } from '@lore/api';
import type { AuditRecord } from '@lore/core';

export function presentAuditRecord(record: AuditRecord): AuditLogRecord {
  return {
    id: record.id,
    at: new Date(record.at).toISOString(),
    action: record.action,
    actor: record.actor,
    target: record.target,
    spaceId: record.spaceId,
    address: record.origin.address,
    userAgent: record.origin.userAgent,
    details: record.details,
  };
}
