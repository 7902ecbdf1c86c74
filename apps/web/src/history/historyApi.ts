import type {
  PageAuthorship,
  PageDiff,
  RestoredRevision,
  RevisionContent,
  RevisionList,
  SavedRevision,
} from '@lore/api';
import { request } from '../api/client';
import type { StateRef } from './StateRef';

const page = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}`;
const revision = (pageId: string, revisionId: string) =>
  `${page(pageId)}/revisions/${encodeURIComponent(revisionId)}`;

/** The versions API of one page: history, content, compare, restore, who wrote what. */
export const historyApi = {
  list: (pageId: string, options: { limit?: number; before?: number } = {}) => {
    const query = new URLSearchParams();
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.before !== undefined) query.set('before', String(options.before));
    const suffix = query.toString() ? `?${query}` : '';
    return request<RevisionList>('GET', `${page(pageId)}/revisions${suffix}`);
  },
  save: (pageId: string, notes: { name?: string; note?: string }) =>
    request<SavedRevision>('POST', `${page(pageId)}/revisions`, notes),
  get: (pageId: string, revisionId: string) =>
    request<RevisionContent>('GET', revision(pageId, revisionId)),
  restore: (pageId: string, revisionId: string) =>
    request<RestoredRevision>('POST', `${revision(pageId, revisionId)}/restore`),
  diff: (pageId: string, from: StateRef, to: StateRef) =>
    request<PageDiff>(
      'GET',
      `${page(pageId)}/diff?${new URLSearchParams({ from, to }).toString()}`,
    ),
  authorship: (pageId: string) => request<PageAuthorship>('GET', `${page(pageId)}/authorship`),
};
