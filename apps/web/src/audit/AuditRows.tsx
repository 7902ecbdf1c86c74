import type { AuditLogPage, AuditLogRecord } from '@lore/api';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../api/useApiQuery';
import { formatDateTime } from '../format/formatDateTime';
import { auditApi, auditQueryKey } from './auditApi';
import { describeAuditAction } from './describeAuditAction';

interface AuditRowsProps {
  /** The API filters, as a query string (also the cache key). */
  filters: string;
  cursor: string | null;
  /** Told what this page holds once it arrived (or failed), so the page offers the next one. */
  onLoaded(cursor: string | null, page: AuditLogPage | null, error: string | null): void;
}

function Actor({ record }: { record: AuditLogRecord }) {
  const { actor } = record;
  if (actor.id === null && actor.name === null) {
    return (
      <span className="muted">
        {record.action === 'user.sign_in_failed' ? 'Unknown' : 'System'}
      </span>
    );
  }
  return (
    <>
      <span className="audit-log__name">{actor.name ?? 'Former user'}</span>
      {actor.email && <span className="audit-log__sub">{actor.email}</span>}
    </>
  );
}

function Target({ record }: { record: AuditLogRecord }) {
  const { target } = record;
  if (!target) return <span className="muted">—</span>;
  const label = target.label ?? target.id ?? '';
  return (
    <>
      <span className="audit-log__kind">{target.kind}</span>{' '}
      {target.kind === 'page' && target.id ? (
        <Link to={`/pages/${target.id}`}>{label}</Link>
      ) : (
        label
      )}
    </>
  );
}

/** One page of the audit log as table rows; the page above renders one per "Load more". */
export function AuditRows({ filters, cursor, onLoaded }: AuditRowsProps) {
  const page = useApiQuery(auditQueryKey(filters, cursor), () =>
    auditApi.page(new URLSearchParams(filters), cursor),
  );
  const message = page.error?.message ?? null;
  useEffect(() => onLoaded(cursor, page.data, message), [cursor, page.data, message, onLoaded]);

  if (!page.data) return null;
  return (
    <tbody>
      {page.data.records.map((record) => (
        <tr key={record.id}>
          <td className="audit-log__time">
            <time dateTime={record.at}>{formatDateTime(record.at)}</time>
          </td>
          <td>
            <Actor record={record} />
          </td>
          <td>
            <span title={record.action}>{describeAuditAction(record)}</span>
          </td>
          <td>
            <Target record={record} />
          </td>
          <td className="audit-log__address">
            {record.address ?? <span className="muted">—</span>}
            {record.userAgent && (
              <span className="audit-log__sub" title={record.userAgent}>
                {record.userAgent}
              </span>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
