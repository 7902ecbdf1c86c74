import type { NewShareInput, Share } from '@lore/api';
import { request } from '../api/client';

const sharesPath = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}/shares`;

/** The API of a page's public share links. */
export const shareApi = {
  list: (pageId: string) => request<{ shares: Share[] }>('GET', sharesPath(pageId)),
  create: (pageId: string, input: NewShareInput) =>
    request<Share>('POST', sharesPath(pageId), input),
  revoke: (pageId: string, shareId: string) =>
    request<void>('DELETE', `${sharesPath(pageId)}/${encodeURIComponent(shareId)}`),
};
