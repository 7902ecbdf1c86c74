import type { CommentBody, CommentThreadBody, ReactionSummaryBody } from '@lore/api';
import type { CommentView, DiscussionPerson, ReactionSummary, ThreadView } from '@lore/core';
import { renderCommentMarkdown } from '@lore/schema';
import type { Services } from '../Services';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * People named by one answer (thread authors, resolvers, mentions), looked up once each with
 * the names they have now.
 */
export class DiscussionNames {
  readonly #services: Pick<Services, 'discussion'>;
  readonly #known = new Map<string, DiscussionPerson>();

  constructor(services: Pick<Services, 'discussion'>) {
    this.#services = services;
  }

  person(id: string): DiscussionPerson {
    const known = this.#known.get(id) ?? this.#services.discussion.person(id);
    this.#known.set(id, known);
    return known;
  }
}

export function presentReactions(reactions: readonly ReactionSummary[]): ReactionSummaryBody[] {
  return reactions.map((reaction) => ({
    emoji: reaction.emoji,
    count: reaction.count,
    people: reaction.people.map((person) => ({ ...person })),
    mine: reaction.mine,
  }));
}

/** The JSON shape of a comment: its Markdown, and its HTML with mentions under current names. */
export function presentComment(view: CommentView, names: DiscussionNames): CommentBody {
  const { comment } = view;
  return {
    id: comment.id,
    threadId: comment.threadId,
    author: { ...view.author },
    body: comment.body,
    html: renderCommentMarkdown(comment.body, {
      mentionName: (userId) => names.person(userId).displayName,
    }),
    mentions: [...comment.mentions],
    createdAt: new Date(comment.createdAt).toISOString(),
    editedAt: iso(comment.editedAt),
    deleted: comment.deletedAt !== null,
    reactions: presentReactions(view.reactions),
    can: { edit: view.canEdit, delete: view.canDelete },
  };
}

/** The JSON shape of a thread with its comments and where its anchor stands now. */
export function presentThread(view: ThreadView, names: DiscussionNames): CommentThreadBody {
  const { thread, anchorState } = view;
  return {
    id: thread.id,
    pageId: thread.pageId,
    state: view.state,
    anchor:
      thread.anchor === null
        ? null
        : {
            from: thread.anchor.from,
            to: thread.anchor.to,
            quote: thread.anchor.quote,
            state: anchorState?.state ?? 'invalid',
            currentQuote: anchorState?.state === 'attached' ? anchorState.quote : null,
          },
    createdBy: names.person(thread.createdBy),
    createdAt: new Date(thread.createdAt).toISOString(),
    resolvedAt: iso(thread.resolvedAt),
    resolvedBy: thread.resolvedBy === null ? null : names.person(thread.resolvedBy),
    canResolve: view.canResolve,
    can: { reply: view.canComment, react: view.canComment, resolve: view.canResolve },
    comments: view.comments.map((comment) => presentComment(comment, names)),
  };
}
