import {
  anchorPositionMaxLength,
  commentBodyMaxLength,
  commentQuoteMaxLength,
  reactionEmoji,
} from '@lore/core';
import { z } from 'zod';

const discussionPersonSchema = z
  .object({ id: z.string(), displayName: z.string() })
  .meta({ id: 'DiscussionPerson' });

/** Who reacted with one emoji. */
export const reactionSummarySchema = z
  .object({
    emoji: z.string(),
    count: z.number().int(),
    people: z.array(discussionPersonSchema).describe('first reaction first'),
    mine: z.boolean().describe('whether the caller reacted so'),
  })
  .meta({ id: 'ReactionSummary' });

/** One comment of a thread. */
export const commentSchema = z
  .object({
    id: z.string(),
    threadId: z.string(),
    author: discussionPersonSchema,
    body: z.string().describe('the Markdown source; empty for a deleted first comment'),
    html: z
      .string()
      .describe(
        'the body rendered as sanitized HTML (bold, italic, inline code, links, mentions as `span.mention[data-user-id]` with the current name)',
      ),
    mentions: z.array(z.string()).describe('ids of the people the body mentions'),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    deleted: z
      .boolean()
      .describe('a deleted first comment kept as a placeholder because the thread has replies'),
    reactions: z.array(reactionSummarySchema),
    can: z
      .object({
        edit: z.boolean().describe('the caller wrote it and may still comment'),
        delete: z.boolean().describe('the caller wrote it, or administers the page'),
      })
      .describe('what the caller may do with it'),
  })
  .meta({ id: 'Comment' });

/** A thread with its comments. */
export const threadSchema = z
  .object({
    id: z.string(),
    pageId: z.string(),
    state: z.enum(['open', 'resolved']),
    anchor: z
      .object({
        from: z.string().describe('base64 Yjs relative position'),
        to: z.string().describe('base64 Yjs relative position'),
        quote: z.string().describe('the text enclosed when the thread was opened'),
        state: z
          .enum(['attached', 'detached', 'invalid'])
          .describe(
            'attached: the range is in the page now; detached: its text was deleted ("on deleted text"; an undo re-attaches it); invalid: the positions point nowhere in the body',
          ),
        currentQuote: z.string().nullable().describe('the text enclosed now, when attached'),
      })
      .nullable()
      .describe('null for a thread about the whole page'),
    createdBy: discussionPersonSchema,
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: discussionPersonSchema.nullable(),
    canResolve: z.boolean().describe('whether the caller may resolve or reopen it'),
    can: z
      .object({
        reply: z.boolean().describe('the caller may comment on the page (out of the trash)'),
        react: z.boolean().describe('the same as `reply`: reactions need comment access'),
        resolve: z.boolean().describe('the same as `canResolve`'),
      })
      .describe('what the caller may do with it'),
    comments: z.array(commentSchema).describe('oldest first; the first one opened the thread'),
  })
  .meta({ id: 'CommentThread' });

export const threadsSchema = z.object({ threads: z.array(threadSchema) });
export const threadReplySchema = z.object({ thread: threadSchema });
export const commentReplySchema = z.object({ comment: commentSchema });

const commentBody = z
  .string()
  .max(commentBodyMaxLength)
  .describe(
    'Markdown: **bold**, *italic*, `code`, [links](https://…) (http, https, mailto) and mentions `@[Name](user:<userId>)`; not empty',
  );

export const newThreadBodySchema = z.strictObject({
  body: commentBody,
  anchor: z
    .strictObject({
      from: z
        .string()
        .max(anchorPositionMaxLength)
        .describe(
          'base64 of `Y.encodeRelativePosition`, into the `default` XmlFragment, tied to the character before the range (assoc -1)',
        ),
      to: z
        .string()
        .max(anchorPositionMaxLength)
        .describe('the same for the end, tied to the character after the range (assoc 0)'),
      quote: z.string().max(commentQuoteMaxLength).describe('the selected text'),
    })
    .optional()
    .describe('omitted: a comment on the whole page'),
});

export const commentBodySchema = z.strictObject({ body: commentBody });

export const reactionBodySchema = z.strictObject({
  emoji: z
    .string()
    .max(16)
    .describe(`one of ${reactionEmoji.join(' ')}`),
});

export const toggledReactionSchema = z.object({
  added: z.boolean().describe('true: the reaction is now there; false: it was taken back'),
  reactions: z.array(reactionSummarySchema).describe("the target's reactions after the change"),
});

export const reactionsSchema = z.object({ reactions: z.array(reactionSummarySchema) });

export const deletedCommentSchema = z.object({
  threadDeleted: z
    .boolean()
    .describe("true when it was the thread's last comment, so the thread is gone too"),
});

export type CommentThreadBody = z.infer<typeof threadSchema>;
export type CommentBody = z.infer<typeof commentSchema>;
export type ReactionSummaryBody = z.infer<typeof reactionSummarySchema>;
export type NewThreadInput = z.input<typeof newThreadBodySchema>;
