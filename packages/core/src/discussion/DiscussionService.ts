import { randomUUID } from 'node:crypto';
import type { AccessPolicy, Actor } from '../access/AccessPolicy';
import { accessAllows, type PageAccess } from '../access/PageAccess';
import type { AccountStore } from '../accounts/AccountStore';
import { formerUserName, type User } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../DomainError';
import type { DomainEventData, DomainEventType } from '../events/DomainEvent';
import type { EventLog } from '../events/EventLog';
import { isPageLive } from '../pages/isPageLive';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { AnchorResolver, AnchorState } from './AnchorResolver';
import type { Comment } from './Comment';
import type { CommentAnchor, CommentThread, ThreadState } from './CommentThread';
import {
  anchorPositionMaxLength,
  commentBodyMaxLength,
  commentQuoteMaxLength,
} from './commentLimits';
import type { DiscussionStore } from './DiscussionStore';
import { InvalidAnchorError } from './InvalidAnchorError';
import { parseMentions } from './parseMentions';
import type { Reaction } from './Reaction';
import { normalizeReactionEmoji } from './reactionEmoji';

export interface DiscussionServiceOptions {
  readonly store: DiscussionStore;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly policy: AccessPolicy;
  /** Authors and reactors, named as they are now. */
  readonly people: Pick<AccountStore, 'findUserById'>;
  /** Places anchors in the page's current document. */
  readonly anchors: AnchorResolver;
  readonly clock: Clock;
  /** Where changes write their events, in the change's own transaction. */
  readonly events: EventLog;
}

/** A new thread: its first comment, and what it is about (the whole page without `anchor`). */
export interface NewThread {
  readonly body: string;
  readonly anchor?: CommentAnchor | null;
}

/** Someone an answer names. */
export interface DiscussionPerson {
  readonly id: string;
  readonly displayName: string;
}

/** Who reacted with one emoji, first reaction first. */
export interface ReactionSummary {
  readonly emoji: string;
  readonly count: number;
  readonly people: readonly DiscussionPerson[];
  /** Whether the person asking is one of them. */
  readonly mine: boolean;
}

export interface CommentView {
  readonly comment: Comment;
  readonly author: DiscussionPerson;
  readonly reactions: readonly ReactionSummary[];
  /** Whether the person asking may edit it (their own, with comment access). */
  readonly canEdit: boolean;
  /** Whether the person asking may delete it (their own, or anyone's as an admin of the page). */
  readonly canDelete: boolean;
}

/** A thread as readers see it: its comments, and where its anchor stands now. */
export interface ThreadView {
  readonly thread: CommentThread;
  readonly state: ThreadState;
  /** null for a page-level thread. */
  readonly anchorState: AnchorState | null;
  readonly comments: readonly CommentView[];
  /** Who may resolve or reopen it: the person asking, or not. */
  readonly canResolve: boolean;
  /** Whether the person asking may reply in it and react to its comments. */
  readonly canComment: boolean;
}

/** A reaction toggled: whether it is now there, and the target's reactions after the change. */
export interface ToggledReaction {
  readonly added: boolean;
  readonly reactions: readonly ReactionSummary[];
}

const threadNotFound = () => new NotFoundError('The comment thread', 'thread_not_found');
const commentNotFound = () => new NotFoundError('The comment', 'comment_not_found');
const pageNotFound = () => new NotFoundError('The page', 'page_not_found');

/**
 * Comment threads, replies and reactions on pages.
 *
 * - Reading needs read access to the page; opening a thread, replying and reacting need comment
 *   access to a live page (not in the trash).
 * - People edit and delete their own comments; page admins may delete anyone's. Deleting the
 *   first comment of a thread with replies leaves a "deleted" placeholder; deleting a thread's
 *   only comment deletes the thread.
 * - The thread's author, or anyone who may edit the page, resolves and reopens it; with comment
 *   access only, people resolve and reopen their own threads.
 * - A thread of a page one cannot read is "not found", like an unknown one, so existence does
 *   not leak.
 */
export class DiscussionService {
  readonly #store: DiscussionStore;
  readonly #pages: DiscussionServiceOptions['pages'];
  readonly #policy: AccessPolicy;
  readonly #people: DiscussionServiceOptions['people'];
  readonly #anchors: AnchorResolver;
  readonly #clock: Clock;
  readonly #events: EventLog;

  constructor(options: DiscussionServiceOptions) {
    this.#store = options.store;
    this.#pages = options.pages;
    this.#policy = options.policy;
    this.#people = options.people;
    this.#anchors = options.anchors;
    this.#clock = options.clock;
    this.#events = options.events;
  }

  /**
   * Opens a thread on a page with its first comment; with an anchor, about the text between its
   * two positions, which must resolve in the page's current document.
   * @throws NotFoundError `page_not_found`, PermissionDeniedError without comment access,
   *   ValidationError for an empty or oversize body or quote, InvalidAnchorError.
   */
  async createThread(actor: User, pageId: string, input: NewThread): Promise<ThreadView> {
    const page = this.#livePage(actor, pageId, 'comment');
    const body = checkBody(input.body);
    const anchor = input.anchor ? checkAnchor(input.anchor) : null;
    if (anchor) {
      const [state] = await this.#anchors.resolve(page.id, [anchor]);
      if (!state || state.state === 'invalid') {
        throw new InvalidAnchorError(
          'invalid_anchor',
          'The anchor does not decode to two positions in the page body.',
        );
      }
      if (state.state === 'detached') {
        throw new InvalidAnchorError(
          'anchor_not_found',
          'The anchor encloses no text of the page as the server holds it (still syncing? try again).',
        );
      }
    }
    // The page may have changed hands while the document was read.
    this.#livePage(actor, pageId, 'comment');
    const now = this.#clock.now();
    const thread: CommentThread = {
      id: randomUUID(),
      pageId: page.id,
      anchor,
      createdBy: actor.id,
      createdAt: now,
      resolvedAt: null,
      resolvedBy: null,
    };
    // The first comment carries the thread's id: that is what makes it the first.
    const comment = { ...this.#newComment(actor, thread, body, now), id: thread.id };
    this.#store.transaction(() => {
      this.#store.insertThread(thread);
      this.#store.insertComment(comment);
      this.#emit(actor, page, 'comment.thread_created', {
        threadId: thread.id,
        commentId: comment.id,
        mentionedUserIds: comment.mentions,
        anchored: anchor !== null,
      });
    });
    return this.#view(
      actor,
      thread,
      [comment],
      anchor ? { state: 'attached', quote: anchor.quote } : null,
      [],
      this.#policy.pageAccess(actor, page),
      true,
    );
  }

  /**
   * Adds a reply to a thread (a reply to a reply is a reply to the thread).
   * @throws NotFoundError `thread_not_found`, PermissionDeniedError, ValidationError.
   */
  reply(actor: User, threadId: string, rawBody: string): CommentView {
    const { thread, page } = this.#thread(actor, threadId, 'comment', true);
    const body = checkBody(rawBody);
    const comment = this.#newComment(actor, thread, body, this.#clock.now());
    this.#store.transaction(() => {
      this.#store.insertComment(comment);
      this.#emit(actor, page, 'comment.replied', {
        threadId: thread.id,
        commentId: comment.id,
        mentionedUserIds: comment.mentions,
      });
    });
    return { comment, author: person(actor), reactions: [], canEdit: true, canDelete: true };
  }

  /**
   * Replaces the body of one's own comment.
   * @throws NotFoundError `thread_not_found` / `comment_not_found`, PermissionDeniedError for
   *   someone else's comment or without comment access, ValidationError.
   */
  editComment(actor: User, threadId: string, commentId: string, rawBody: string): CommentView {
    const { thread, page } = this.#thread(actor, threadId, 'comment', true);
    const body = checkBody(rawBody);
    return this.#store.transaction(() => {
      const comment = this.#comment(thread, commentId);
      if (comment.authorId !== actor.id) {
        throw new PermissionDeniedError('Only its author can edit a comment.');
      }
      const mentions = parseMentions(body);
      const now = this.#clock.now();
      this.#store.updateComment(comment.id, body, mentions, now);
      const before = new Set(comment.mentions);
      this.#emit(actor, page, 'comment.edited', {
        threadId: thread.id,
        commentId: comment.id,
        mentionedUserIds: mentions.filter((id) => !before.has(id)),
      });
      const edited = { ...comment, body, mentions, editedAt: now };
      return {
        comment: edited,
        author: person(actor),
        reactions: this.#summaries(actor, this.#store.listReactions('comment', [comment.id])),
        canEdit: true,
        canDelete: true,
      };
    });
  }

  /**
   * Deletes a comment: its author, or an admin of the page. The first comment of a thread with
   * replies stays as a placeholder; a thread's only comment takes the thread with it.
   * @returns whether the thread is gone.
   * @throws NotFoundError `thread_not_found` / `comment_not_found`, PermissionDeniedError.
   */
  deleteComment(actor: User, threadId: string, commentId: string): { threadDeleted: boolean } {
    const { thread, page, access } = this.#thread(actor, threadId, 'read', false);
    return this.#store.transaction(() => {
      const comment = this.#comment(thread, commentId);
      if (comment.authorId !== actor.id && !accessAllows(access, 'admin')) {
        throw new PermissionDeniedError('Only its author or a space admin can delete a comment.');
      }
      if (comment.authorId === actor.id && !accessAllows(access, 'comment')) {
        throw new PermissionDeniedError('You can read this page but not comment on it.');
      }
      const comments = this.#store.listCommentsOfThreads([thread.id]);
      const others = comments.filter((other) => other.id !== comment.id);
      const onlyPlaceholderLeft =
        others.length > 0 && others.every((other) => other.deletedAt !== null);
      let threadDeleted = false;
      if (others.length === 0 || onlyPlaceholderLeft) {
        this.#store.deleteThread(thread.id);
        threadDeleted = true;
      } else if (comment.id === thread.id) {
        this.#store.markCommentDeleted(comment.id, this.#clock.now());
      } else {
        this.#store.deleteComment(comment.id);
      }
      this.#emit(actor, page, 'comment.deleted', {
        threadId: thread.id,
        commentId: comment.id,
        threadDeleted,
      });
      return { threadDeleted };
    });
  }

  /**
   * Marks a thread resolved (`resolve`) or open again.
   * @throws NotFoundError `thread_not_found`, PermissionDeniedError for someone else's thread
   *   without edit access, ConflictError-free: resolving a resolved thread changes nothing.
   */
  setResolved(actor: User, threadId: string, resolved: boolean): ThreadState {
    const { thread, page, access } = this.#thread(actor, threadId, 'comment', true);
    if (!mayResolve(actor, thread, access)) {
      throw new PermissionDeniedError(
        'Only whoever opened the thread or someone who may edit the page can resolve or reopen it.',
      );
    }
    return this.#store.transaction(() => {
      const current = this.#store.findThread(thread.id);
      if (!current) throw threadNotFound();
      if ((current.resolvedAt !== null) === resolved) return resolved ? 'resolved' : 'open';
      const now = this.#clock.now();
      this.#store.setThreadResolution(thread.id, resolved ? now : null, resolved ? actor.id : null);
      this.#emit(actor, page, resolved ? 'comment.thread_resolved' : 'comment.thread_reopened', {
        threadId: thread.id,
      });
      return resolved ? 'resolved' : 'open';
    });
  }

  /** One thread as `listThreads` shows it. @throws NotFoundError `thread_not_found`. */
  async getThread(actor: User, threadId: string): Promise<ThreadView> {
    const { thread } = this.#thread(actor, threadId, 'read', false);
    const [view] = await this.#views(actor, thread.pageId, [thread]);
    if (!view) throw threadNotFound();
    return view;
  }

  /**
   * The page's threads, oldest first, with their comments, reactions and where their anchors
   * stand now (the document is read once for all of them).
   * @throws NotFoundError `page_not_found`.
   */
  async listThreads(
    actor: Actor,
    pageId: string,
    state: ThreadState | null,
  ): Promise<ThreadView[]> {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    return this.#views(actor, page.id, this.#store.listThreadsOfPage(page.id, state));
  }

  /**
   * Adds the person's emoji to a comment, or takes it back if it is there.
   * @throws NotFoundError, PermissionDeniedError without comment access, ValidationError for an
   *   emoji outside the allowed set.
   */
  toggleCommentReaction(
    actor: User,
    threadId: string,
    commentId: string,
    rawEmoji: string,
  ): ToggledReaction {
    const emoji = checkEmoji(rawEmoji);
    const { thread, page } = this.#thread(actor, threadId, 'comment', true);
    return this.#store.transaction(() => {
      const comment = this.#comment(thread, commentId);
      if (comment.deletedAt !== null) throw commentNotFound();
      const added = this.#toggle(actor, page, 'comment', comment.id, emoji, thread.id);
      return {
        added,
        reactions: this.#summaries(actor, this.#store.listReactions('comment', [comment.id])),
      };
    });
  }

  /** Adds the person's emoji to a page, or takes it back. @throws as `toggleCommentReaction`. */
  togglePageReaction(actor: User, pageId: string, rawEmoji: string): ToggledReaction {
    const emoji = checkEmoji(rawEmoji);
    const page = this.#livePage(actor, pageId, 'comment');
    return this.#store.transaction(() => {
      const added = this.#toggle(actor, page, 'page', page.id, emoji, null);
      return {
        added,
        reactions: this.#summaries(actor, this.#store.listReactions('page', [page.id])),
      };
    });
  }

  /** The page's own reactions. @throws NotFoundError `page_not_found`. */
  pageReactions(actor: User, pageId: string): ReactionSummary[] {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    return this.#summaries(actor, this.#store.listReactions('page', [page.id]));
  }

  #toggle(
    actor: User,
    page: Page,
    kind: Reaction['targetKind'],
    targetId: string,
    emoji: string,
    threadId: string | null,
  ): boolean {
    const removed = this.#store.removeReaction(kind, targetId, actor.id, emoji);
    if (!removed) {
      this.#store.addReaction({
        targetKind: kind,
        targetId,
        userId: actor.id,
        emoji,
        createdAt: this.#clock.now(),
      });
    }
    this.#emit(actor, page, removed ? 'reaction.removed' : 'reaction.added', {
      emoji,
      commentId: kind === 'comment' ? targetId : null,
      threadId,
    });
    return !removed;
  }

  async #views(
    actor: Actor,
    pageId: string,
    threads: readonly CommentThread[],
  ): Promise<ThreadView[]> {
    if (threads.length === 0) return [];
    const anchored = threads.filter((thread) => thread.anchor !== null);
    const states =
      anchored.length === 0
        ? []
        : await this.#anchors.resolve(
            pageId,
            anchored.map((thread) => thread.anchor as CommentAnchor),
          );
    const stateOf = new Map(anchored.map((thread, index) => [thread.id, states[index] ?? null]));
    const comments = this.#store.listCommentsOfThreads(threads.map((thread) => thread.id));
    const reactions = this.#store.listReactions(
      'comment',
      comments.map((comment) => comment.id),
    );
    const byThread = new Map<string, Comment[]>();
    for (const comment of comments) {
      const list = byThread.get(comment.threadId) ?? [];
      // The first comment leads even when a reply was written in the same millisecond.
      if (comment.id === comment.threadId) list.unshift(comment);
      else list.push(comment);
      byThread.set(comment.threadId, list);
    }
    const access = this.#policy.pageAccess(actor, pageId);
    const page = this.#pages.findPageById(pageId);
    const live = page !== null && isPageLive(this.#pages, page);
    const names = new Map<string, DiscussionPerson>();
    return threads.map((thread) =>
      this.#view(
        actor,
        thread,
        byThread.get(thread.id) ?? [],
        thread.anchor ? (stateOf.get(thread.id) ?? { state: 'invalid' }) : null,
        reactions,
        access,
        live,
        names,
      ),
    );
  }

  #view(
    actor: Actor,
    thread: CommentThread,
    comments: readonly Comment[],
    anchorState: AnchorState | null,
    reactions: readonly Reaction[],
    access: PageAccess,
    live: boolean,
    names = new Map<string, DiscussionPerson>(),
  ): ThreadView {
    const mayComment = actor !== null && live && accessAllows(access, 'comment');
    const reactionsOf = new Map<string, Reaction[]>();
    for (const reaction of reactions) {
      const list = reactionsOf.get(reaction.targetId) ?? [];
      list.push(reaction);
      reactionsOf.set(reaction.targetId, list);
    }
    return {
      thread,
      state: thread.resolvedAt === null ? 'open' : 'resolved',
      anchorState,
      comments: comments.map((comment) => {
        const own = actor !== null && comment.authorId === actor.id;
        const present = comment.deletedAt === null;
        return {
          comment,
          author: this.#person(comment.authorId, names),
          reactions: this.#summaries(actor, reactionsOf.get(comment.id) ?? [], names),
          canEdit: present && own && mayComment,
          canDelete:
            present &&
            actor !== null &&
            ((own && accessAllows(access, 'comment')) || accessAllows(access, 'admin')),
        };
      }),
      canResolve: actor !== null && access !== 'none' && mayResolve(actor, thread, access),
      canComment: mayComment,
    };
  }

  #summaries(
    actor: Actor,
    reactions: readonly Reaction[],
    names = new Map<string, DiscussionPerson>(),
  ): ReactionSummary[] {
    const byEmoji = new Map<string, Reaction[]>();
    for (const reaction of reactions) {
      const list = byEmoji.get(reaction.emoji) ?? [];
      list.push(reaction);
      byEmoji.set(reaction.emoji, list);
    }
    return [...byEmoji].map(([emoji, list]) => ({
      emoji,
      count: list.length,
      people: list.map((reaction) => this.#person(reaction.userId, names)),
      mine: actor !== null && list.some((reaction) => reaction.userId === actor.id),
    }));
  }

  /** Someone as comments name them: by their current name ("Former user" once deleted). */
  person(id: string): DiscussionPerson {
    const user = this.#people.findUserById(id);
    return {
      id,
      displayName: !user || user.deletedAt !== null ? formerUserName : user.displayName,
    };
  }

  #person(id: string, names: Map<string, DiscussionPerson>): DiscussionPerson {
    const known = names.get(id) ?? this.person(id);
    names.set(id, known);
    return known;
  }

  #newComment(actor: User, thread: CommentThread, body: string, now: number): Comment {
    return {
      id: randomUUID(),
      threadId: thread.id,
      pageId: thread.pageId,
      authorId: actor.id,
      body,
      mentions: parseMentions(body),
      createdAt: now,
      editedAt: null,
      deletedAt: null,
    };
  }

  /** A page the actor may do `needed` with, out of the trash. */
  #livePage(actor: User, pageId: string, needed: 'comment'): Page {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    if (!isPageLive(this.#pages, page)) throw pageNotFound();
    this.#policy.requirePage(actor, page.id, needed);
    return page;
  }

  /**
   * A thread the actor may read, with its page and the actor's access; `thread_not_found` when
   * they may not read the page (so its existence does not leak).
   */
  #thread(
    actor: User,
    threadId: string,
    needed: 'read' | 'comment',
    liveOnly: boolean,
  ): { thread: CommentThread; page: Page; access: Exclude<PageAccess, 'none'> } {
    const thread = this.#store.findThread(threadId);
    if (!thread) throw threadNotFound();
    const page = this.#pages.findPageById(thread.pageId);
    if (!page) throw threadNotFound();
    const access = this.#policy.pageAccess(actor, page);
    if (access === 'none') throw threadNotFound();
    if (liveOnly && !isPageLive(this.#pages, page)) throw threadNotFound();
    if (!accessAllows(access, needed)) {
      throw new PermissionDeniedError('You can read this page but not comment on it.');
    }
    return { thread, page, access };
  }

  #comment(thread: CommentThread, commentId: string): Comment {
    const comment = this.#store.findComment(commentId);
    if (!comment || comment.threadId !== thread.id) throw commentNotFound();
    return comment;
  }

  #emit<T extends DomainEventType>(
    actor: User,
    page: Page,
    type: T,
    data: DomainEventData[T],
  ): void {
    this.#events.append({
      type,
      pageId: page.id,
      spaceId: page.spaceId,
      actorId: actor.id,
      at: this.#clock.now(),
      data,
    });
  }
}

function person(user: User): DiscussionPerson {
  return { id: user.id, displayName: user.displayName };
}

/** The thread's author, with at least comment access, or anyone who may edit the page. */
function mayResolve(actor: User, thread: CommentThread, access: PageAccess): boolean {
  if (accessAllows(access, 'edit')) return true;
  return thread.createdBy === actor.id && accessAllows(access, 'comment');
}

function checkBody(body: string): string {
  if (typeof body !== 'string' || body.trim() === '') {
    throw new ValidationError('A comment needs some text.');
  }
  if (body.length > commentBodyMaxLength) {
    throw new ValidationError(`A comment has at most ${commentBodyMaxLength} characters.`);
  }
  return body;
}

function checkAnchor(anchor: CommentAnchor): CommentAnchor {
  if (anchor.quote.length > commentQuoteMaxLength) {
    throw new ValidationError(`A quote has at most ${commentQuoteMaxLength} characters.`);
  }
  for (const position of [anchor.from, anchor.to]) {
    if (
      position.length === 0 ||
      position.length > anchorPositionMaxLength ||
      !/^[A-Za-z0-9+/]+={0,2}$/.test(position)
    ) {
      throw new InvalidAnchorError(
        'invalid_anchor',
        'Anchor positions are base64 relative positions.',
      );
    }
  }
  return { from: anchor.from, to: anchor.to, quote: anchor.quote };
}

function checkEmoji(value: string): string {
  const emoji = normalizeReactionEmoji(value);
  if (!emoji) throw new ValidationError('Pick one of the reaction emoji Lore offers.');
  return emoji;
}
