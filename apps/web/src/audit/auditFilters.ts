import { auditActionKinds } from './auditActionKinds';

/** The audit page's filters, as kept in its address (`?person=…&kind=…&from=…&to=…&q=…`). */
export interface AuditFilters {
  /** A user's id, or '' for everyone. */
  readonly person: string;
  /** An `auditActionKinds` id, or '' for every action. */
  readonly kind: string;
  /** First and last day shown, `YYYY-MM-DD` in the viewer's time zone, or ''. */
  readonly from: string;
  readonly to: string;
  readonly q: string;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return dayPattern.test(value) ? value : '';
  };
  const kind = params.get('kind') ?? '';
  return {
    person: params.get('person') ?? '',
    kind: auditActionKinds.some((known) => known.id === kind) ? kind : '',
    from: day('from'),
    to: day('to'),
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The filters that are set, for the page's address. */
export function auditFilterParams(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** Midnight starting a `YYYY-MM-DD` day in the viewer's time zone, as an ISO time. */
function startOfDay(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + plusDays).toISOString();
}

/** The API's query parameters for the filters (the days cover whole local days). */
export function auditApiParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.person) params.set('actor', filters.person);
  const kind = auditActionKinds.find((known) => known.id === filters.kind);
  if (kind) params.set('action', kind.actions.join(','));
  if (filters.from) params.set('since', startOfDay(filters.from));
  if (filters.to) params.set('until', startOfDay(filters.to, 1));
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return params;
}
