import type { AuditLogPage } from '@lore/api';
import { request } from '../api/client';

/** Records per "Load more". */
export const auditPageSize = 50;

export const auditApi = {
  page: (filters: URLSearchParams, cursor: string | null) => {
    const params = new URLSearchParams(filters);
    params.set('limit', String(auditPageSize));
    if (cursor) params.set('cursor', cursor);
    return request<AuditLogPage>('GET', `/api/admin/audit?${params}`);
  },
  exportUrl: (filters: URLSearchParams, format: 'csv' | 'json') => {
    const params = new URLSearchParams(filters);
    params.set('format', format);
    return `/api/admin/audit/export?${params}`;
  },
};

/** Cache keys of the audit log's pages: one per filter set and cursor. */
export const auditQueryKey = (filters: string, cursor: string | null) => [
  'admin-audit',
  filters,
  cursor,
];
