import type { TagCount } from '@lore/api';
import { request } from '../api/client';

/** Page tags on the server (`/api/pages/:id/tags`, `/api/tags`). */
export const tagsApi = {
  pageTags: (pageId: string) =>
    request<{ tags: string[] }>('GET', `/api/pages/${encodeURIComponent(pageId)}/tags`),
  setPageTags: (pageId: string, tags: readonly string[]) =>
    request<{ tags: string[] }>('PUT', `/api/pages/${encodeURIComponent(pageId)}/tags`, { tags }),
  suggest: (prefix: string) =>
    request<{ tags: TagCount[] }>(
      'GET',
      `/api/tags?${new URLSearchParams({ prefix, limit: '8' }).toString()}`,
    ),
};
