import {
  commentBodySchema,
  commentReplySchema,
  deletedCommentSchema,
  newThreadBodySchema,
  reactionBodySchema,
  reactionsSchema,
  threadReplySchema,
  threadsSchema,
  toggledReactionSchema,
} from '@lore/api';
import { z } from 'zod';
import { openThreadStream } from '../discussion/openThreadStream';
import { authenticate } from '../http/authenticate';
import { defineRoute } from '../http/route';
import { DiscussionNames, presentComment, presentReactions, presentThread } from './presentThread';
import { errorResponse } from './schemas';

const id = z.string().min(1).max(100);
const tag = 'Comments';
const threadNotFound =
  'No such thread, or it is on a page the caller cannot read (`thread_not_found`)';

export const discussionRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/comments',
    tag,
    summary:
      'Open a comment thread on the page with its first comment: about the whole page, or with `anchor` about a range of its text (two Yjs relative positions the client computed from its synced document). Needs comment access to a page out of the trash',
    access: 'user',
    params: z.object({ id }),
    body: newThreadBodySchema,
    responses: {
      201: { description: 'The new thread', schema: threadReplySchema },
      400: errorResponse('An empty or oversize body or quote (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not comment on it'),
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
      422: errorResponse(
        'The anchor does not decode or points outside the page body (`invalid_anchor`), or it names content the server does not hold yet or encloses no text (`anchor_not_found`)',
      ),
    },
    handler: async ({ actor, params, body, services }) => {
      const view = await services.discussion.createThread(actor, params.id, {
        body: body.body,
        anchor: body.anchor ?? null,
      });
      return { status: 201, body: { thread: presentThread(view, new DiscussionNames(services)) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/comments',
    tag,
    summary:
      "The page's comment threads, oldest first, with their comments (Markdown and sanitized HTML), authors, reactions, state and where each anchor stands in the current document",
    access: 'user',
    params: z.object({ id }),
    query: z.object({
      state: z.enum(['open', 'resolved', 'all']).default('all').describe('default: all'),
    }),
    responses: {
      200: { description: 'The threads', schema: threadsSchema },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: async ({ actor, params, query, services }) => {
      const views = await services.discussion.listThreads(
        actor,
        params.id,
        query.state === 'all' ? null : query.state,
      );
      const names = new DiscussionNames(services);
      return { status: 200, body: { threads: views.map((view) => presentThread(view, names)) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/comments/stream',
    tag,
    summary:
      'Changes to the page\'s discussion, live, as Server-Sent Events (`text/event-stream`): a `threads` event (`{"threadId": "…"}`) when a thread is opened, replied to, edited, deleted, resolved, reopened or reacted to, and a `reactions` event (`{}`) when the page\'s own reactions change; a comment line every 25 s keeps it open. Read access is asked again before each event: a person signed out, disabled or no longer allowed to read gets no more events and the stream ends. It ends after 10 minutes anyway; EventSource reconnects by itself',
    access: 'user',
    params: z.object({ id }),
    responses: {
      200: {
        description: 'An event stream (`text/event-stream`) of `threads` and `reactions` events',
      },
      404: errorResponse('No such page, or the caller cannot read it (`page_not_found`)'),
    },
    handler: ({ actor, params, req, res, services }) => {
      const page = services.access.requirePage(actor, params.id, 'read');
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache, no-transform');
      // nginx and other proxies must pass each event on at once.
      res.setHeader('X-Accel-Buffering', 'no');
      res.flushHeaders();
      return {
        status: 200,
        stream: openThreadStream({
          pageId: page.id,
          signal: services.threadSignal,
          mayRead: () => {
            const now = authenticate(req, services);
            return (
              now !== null &&
              now.user.id === actor.id &&
              services.access.pageAccess(now.user, page.id) !== 'none'
            );
          },
        }),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/comments/:threadId/replies',
    tag,
    summary: 'Reply in a thread (replies are one level deep). Needs comment access to the page',
    access: 'user',
    params: z.object({ threadId: id }),
    body: commentBodySchema,
    responses: {
      201: { description: 'The reply', schema: commentReplySchema },
      400: errorResponse('An empty or oversize body (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not comment on it'),
      404: errorResponse(threadNotFound),
    },
    handler: ({ actor, params, body, services }) => {
      const view = services.discussion.reply(actor, params.threadId, body.body);
      return {
        status: 201,
        body: { comment: presentComment(view, new DiscussionNames(services)) },
      };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/comments/:threadId/comments/:commentId',
    tag,
    summary: 'Edit one of your own comments',
    access: 'user',
    params: z.object({ threadId: id, commentId: id }),
    body: commentBodySchema,
    responses: {
      200: { description: 'The edited comment', schema: commentReplySchema },
      400: errorResponse('An empty or oversize body (`invalid_request`)'),
      403: errorResponse('Someone else wrote it, or the caller may no longer comment'),
      404: errorResponse(`${threadNotFound}, or no such comment in it (\`comment_not_found\`)`),
    },
    handler: ({ actor, params, body, services }) => {
      const view = services.discussion.editComment(
        actor,
        params.threadId,
        params.commentId,
        body.body,
      );
      return {
        status: 200,
        body: { comment: presentComment(view, new DiscussionNames(services)) },
      };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/comments/:threadId/comments/:commentId',
    tag,
    summary:
      'Delete a comment: your own, or anyone’s as an admin of the space. A first comment with replies stays as a "deleted" placeholder; a thread’s last comment takes the thread with it',
    access: 'user',
    params: z.object({ threadId: id, commentId: id }),
    responses: {
      200: { description: 'Deleted', schema: deletedCommentSchema },
      403: errorResponse('Someone else wrote it and the caller is not a space admin'),
      404: errorResponse(`${threadNotFound}, or no such comment in it (\`comment_not_found\`)`),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: services.discussion.deleteComment(actor, params.threadId, params.commentId),
    }),
  }),
  ...(['resolve', 'reopen'] as const).map((action) =>
    defineRoute({
      method: 'post',
      path: `/api/comments/:threadId/${action}`,
      tag,
      summary:
        action === 'resolve'
          ? 'Mark a thread resolved: its author, or anyone who may edit the page (commenters resolve their own threads). Resolving a resolved thread changes nothing'
          : 'Open a resolved thread again; the same people as for resolving may',
      access: 'user',
      params: z.object({ threadId: id }),
      responses: {
        200: { description: 'The thread', schema: threadReplySchema },
        403: errorResponse(
          'Someone else opened it and the caller may not edit the page (or may not comment)',
        ),
        404: errorResponse(threadNotFound),
      },
      handler: async ({ actor, params, services }) => {
        services.discussion.setResolved(actor, params.threadId, action === 'resolve');
        const view = await services.discussion.getThread(actor, params.threadId);
        return {
          status: 200,
          body: { thread: presentThread(view, new DiscussionNames(services)) },
        };
      },
    }),
  ),
  defineRoute({
    method: 'post',
    path: '/api/comments/:threadId/comments/:commentId/reactions',
    tag,
    summary:
      'Add your reaction with this emoji to a comment, or take it back if it is there (a toggle). Needs comment access',
    access: 'user',
    params: z.object({ threadId: id, commentId: id }),
    body: reactionBodySchema,
    responses: {
      200: {
        description: 'Whether it is there now, and the comment’s reactions',
        schema: toggledReactionSchema,
      },
      400: errorResponse('An emoji outside the allowed set (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not comment on it'),
      404: errorResponse(`${threadNotFound}, or no such comment in it (\`comment_not_found\`)`),
    },
    handler: ({ actor, params, body, services }) => {
      const toggled = services.discussion.toggleCommentReaction(
        actor,
        params.threadId,
        params.commentId,
        body.emoji,
      );
      return {
        status: 200,
        body: { added: toggled.added, reactions: presentReactions(toggled.reactions) },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/reactions',
    tag,
    summary:
      'Add your reaction with this emoji to the page, or take it back if it is there (a toggle). Needs comment access to a page out of the trash',
    access: 'user',
    params: z.object({ id }),
    body: reactionBodySchema,
    responses: {
      200: {
        description: 'Whether it is there now, and the page’s reactions',
        schema: toggledReactionSchema,
      },
      400: errorResponse('An emoji outside the allowed set (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not comment on it'),
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
    },
    handler: ({ actor, params, body, services }) => {
      const toggled = services.discussion.togglePageReaction(actor, params.id, body.emoji);
      return {
        status: 200,
        body: { added: toggled.added, reactions: presentReactions(toggled.reactions) },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/reactions',
    tag,
    summary: "The page's own reactions (not its comments'), with who reacted",
    access: 'user',
    params: z.object({ id }),
    responses: {
      200: { description: 'The reactions', schema: reactionsSchema },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { reactions: presentReactions(services.discussion.pageReactions(actor, params.id)) },
    }),
  }),
];
