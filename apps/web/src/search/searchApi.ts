import type { GlossaryInput, GlossaryTerm, SearchAnalyticsReport, SearchResponse } from '@lore/api';
import { request } from '../api/client';

const glossaryPath = (id: string) => `/api/glossary/${encodeURIComponent(id)}`;

/** The search, glossary and search analytics endpoints, one function each. */
export const searchApi = {
  /** `query` is the string `searchApiQuery` builds. */
  search: (query: string) => request<SearchResponse>('GET', `/api/search?${query}`),
  recordClick: (click: { searchId: string; pageId: string; position: number }) =>
    request<void>('POST', '/api/search/clicks', click),
  listGlossary: () => request<{ terms: GlossaryTerm[] }>('GET', '/api/glossary'),
  createTerm: (input: GlossaryInput) =>
    request<{ term: GlossaryTerm }>('POST', '/api/glossary', input),
  updateTerm: (id: string, input: Partial<GlossaryInput>) =>
    request<{ term: GlossaryTerm }>('PATCH', glossaryPath(id), input),
  deleteTerm: (id: string) => request<void>('DELETE', glossaryPath(id)),
  analytics: (days: number, limit = 50) =>
    request<SearchAnalyticsReport>(
      'GET',
      `/api/admin/search-analytics?${new URLSearchParams({ days: String(days), limit: String(limit) })}`,
    ),
  /** Where the CSV of a period downloads from (a plain link: the session cookie goes along). */
  analyticsExportUrl: (days: number) =>
    `/api/admin/search-analytics/export?${new URLSearchParams({ days: String(days) })}`,
};
