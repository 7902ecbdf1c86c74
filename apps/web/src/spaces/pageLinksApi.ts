import type { Backlink, BrokenLink, MoveRequest, Page, SuggestedPage } from '@lore/api';
import { request } from '../api/client';

const pagePath = (id: string) => `/api/pages/${encodeURIComponent(id)}`;

/** The API of the page tree and links between pages. */
export const pageLinksApi = {
  movePage: (id: string, move: MoveRequest) =>
    request<{ page: Page }>('POST', `${pagePath(id)}/move`, move),
  setIcon: (id: string, icon: string | null) =>
    request<{ page: Page }>('PATCH', pagePath(id), { icon }),
  backlinks: (id: string) => request<{ backlinks: Backlink[] }>('GET', `${pagePath(id)}/backlinks`),
  brokenLinks: (space: string) =>
    request<{ brokenLinks: BrokenLink[] }>(
      'GET',
      `/api/spaces/${encodeURIComponent(space)}/broken-links`,
    ),
  suggest: (query: string, limit = 8) =>
    request<{ pages: SuggestedPage[] }>(
      'GET',
      `/api/pages/suggest?q=${encodeURIComponent(query)}&limit=${limit}`,
    ),
};
