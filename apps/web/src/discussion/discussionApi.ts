import type {
  CommentBody,
  CommentThreadBody,
  NewThreadInput,
  ReactionSummaryBody,
} from '@lore/api';
import { request } from '../api/client';

/** Someone a comment may mention, as `GET /api/pages/:id/mentionable` lists them. */
export interface MentionablePerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly canRead: boolean;
}

/** Who of the mentioned cannot read the page, and whether the caller may share it with them. */
export interface MentionCheck {
  readonly cannotRead: readonly { readonly id: string; readonly name: string }[];
  readonly canShare: boolean;
}

const page = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}`;
const thread = (threadId: string) => `/api/comments/${encodeURIComponent(threadId)}`;
const comment = (threadId: string, commentId: string) =>
  `${thread(threadId)}/comments/${encodeURIComponent(commentId)}`;

/** The API of a page's discussion: threads, comments, reactions and mentions. */
export const discussionApi = {
  threads: (pageId: string) =>
    request<{ threads: CommentThreadBody[] }>('GET', `${page(pageId)}/comments?state=all`),
  open: (pageId: string, input: NewThreadInput) =>
    request<{ thread: CommentThreadBody }>('POST', `${page(pageId)}/comments`, input),
  reply: (threadId: string, body: string) =>
    request<{ comment: CommentBody }>('POST', `${thread(threadId)}/replies`, { body }),
  edit: (threadId: string, commentId: string, body: string) =>
    request<{ comment: CommentBody }>('PATCH', comment(threadId, commentId), { body }),
  remove: (threadId: string, commentId: string) =>
    request<{ threadDeleted: boolean }>('DELETE', comment(threadId, commentId)),
  setResolved: (threadId: string, resolved: boolean) =>
    request<{ thread: CommentThreadBody }>(
      'POST',
      `${thread(threadId)}/${resolved ? 'resolve' : 'reopen'}`,
    ),
  reactToComment: (threadId: string, commentId: string, emoji: string) =>
    request<{ added: boolean }>('POST', `${comment(threadId, commentId)}/reactions`, { emoji }),
  pageReactions: (pageId: string) =>
    request<{ reactions: ReactionSummaryBody[] }>('GET', `${page(pageId)}/reactions`),
  reactToPage: (pageId: string, emoji: string) =>
    request<{ added: boolean; reactions: ReactionSummaryBody[] }>(
      'POST',
      `${page(pageId)}/reactions`,
      { emoji },
    ),
  mentionable: (pageId: string, query: string, limit = 8) =>
    request<{ people: MentionablePerson[] }>(
      'GET',
      `${page(pageId)}/mentionable?q=${encodeURIComponent(query)}&limit=${limit}`,
    ),
  mentionCheck: (pageId: string, userIds: readonly string[]) =>
    request<MentionCheck>('POST', `${page(pageId)}/mention-check`, { userIds }),
};
