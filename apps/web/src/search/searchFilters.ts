/** What the search page shows, as its address holds it, so every result list can be linked. */
export interface SearchFilters {
  q: string;
  /** Space slugs (ids work too). */
  spaces: string[];
  /** User ids: pages they created or edited. */
  authors: string[];
  /** Pages carrying every one of these tags. */
  tags: string[];
  /** `''` (any time), a window ending now (`day`, `week`, `month`, `year`) or a `YYYY-MM-DD` date. */
  updated: string;
}

/** The windows offered for "updated", with their length in days. */
export const updatedWindows = { day: 1, week: 7, month: 30, year: 365 } as const;

export type UpdatedWindow = keyof typeof updatedWindows;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const maxValues = 20;

function isUpdatedWindow(value: string): value is UpdatedWindow {
  return Object.hasOwn(updatedWindows, value);
}

function distinct(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))].slice(0, maxValues);
}

/** Reads the filters from a search page address; anything malformed is left out, not refused. */
export function readSearchFilters(params: URLSearchParams): SearchFilters {
  const updated = params.get('updated') ?? '';
  return {
    q: params.get('q') ?? '',
    spaces: distinct(params.getAll('space')),
    authors: distinct(params.getAll('author')),
    tags: distinct(params.getAll('tag')),
    updated: isUpdatedWindow(updated) || isoDate.test(updated) ? updated : '',
  };
}

/** The address parameters for these filters, leaving out the empty ones. */
export function writeSearchFilters(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const space of distinct(filters.spaces)) params.append('space', space);
  for (const author of distinct(filters.authors)) params.append('author', author);
  for (const tag of distinct(filters.tags)) params.append('tag', tag);
  if (filters.updated) params.set('updated', filters.updated);
  return params;
}

/** Whether anything narrows the results besides the query. */
export function hasFilters(filters: SearchFilters): boolean {
  return (
    filters.spaces.length > 0 ||
    filters.authors.length > 0 ||
    filters.tags.length > 0 ||
    filters.updated !== ''
  );
}

/**
 * The instant an `updated` filter starts from, as the API wants it: a window counts back from
 * `now`, a date means its midnight in the reader's time zone.
 */
export function updatedAfterOf(updated: string, now: Date): string | undefined {
  if (isUpdatedWindow(updated)) {
    return new Date(now.getTime() - updatedWindows[updated] * 86_400_000).toISOString();
  }
  if (isoDate.test(updated)) {
    const [year, month, day] = updated.split('-').map(Number) as [number, number, number];
    const start = new Date(year, month - 1, day);
    return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
  }
  return undefined;
}

export interface SearchPaging {
  limit: number;
  offset: number;
  /** False leaves the search out of the analytics. */
  record: boolean;
}

/** The query string of `GET /api/search` for these filters. */
export function searchApiQuery(filters: SearchFilters, paging: SearchPaging, now: Date): string {
  const params = writeSearchFilters(filters);
  params.set('q', filters.q);
  params.delete('updated');
  const updatedAfter = updatedAfterOf(filters.updated, now);
  if (updatedAfter) params.set('updatedAfter', updatedAfter);
  params.set('limit', String(paging.limit));
  if (paging.offset > 0) params.set('offset', String(paging.offset));
  if (!paging.record) params.set('record', 'false');
  return params.toString();
}
