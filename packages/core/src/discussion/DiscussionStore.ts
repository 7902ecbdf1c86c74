import type { Comment } from './Comment';
import type { CommentThread, ThreadState } from './CommentThread';
import type { Reaction, ReactionTargetKind } from './Reaction';

/**
 * Persistence of comment threads, their comments and reactions. Plain data; the rules are in
 * `DiscussionService`. Threads go with their page when it is purged (not while it is in the
 * trash), comments with their thread, reactions with their comment or page.
 */
export interface DiscussionStore {
  insertThread(thread: CommentThread): void;
  findThread(id: string): CommentThread | null;
  /** The page's threads, oldest first; `state` null: open and resolved ones. */
  listThreadsOfPage(pageId: string, state: ThreadState | null): CommentThread[];
  /** Sets (or, with nulls, clears) who resolved the thread and when; false for an unknown thread. */
  setThreadResolution(id: string, resolvedAt: number | null, resolvedBy: string | null): boolean;
  /** Removes the thread with its comments and their reactions; false when it was unknown. */
  deleteThread(id: string): boolean;

  insertComment(comment: Comment): void;
  findComment(id: string): Comment | null;
  /** The comments of these threads (in one read), oldest first within each thread. */
  listCommentsOfThreads(threadIds: readonly string[]): Comment[];
  /** Replaces a comment's body and mentions; false for an unknown comment. */
  updateComment(id: string, body: string, mentions: readonly string[], editedAt: number): boolean;
  /** Leaves the comment as a placeholder: empty body, no mentions, `deletedAt` set. */
  markCommentDeleted(id: string, at: number): boolean;
  /** Removes the comment with its reactions; false when it was unknown. */
  deleteComment(id: string): boolean;

  /** Adds a reaction; false when that person already reacted so to that target. */
  addReaction(reaction: Reaction): boolean;
  /** Removes one person's emoji from a target; false when there was none. */
  removeReaction(
    kind: ReactionTargetKind,
    targetId: string,
    userId: string,
    emoji: string,
  ): boolean;
  /** The reactions to these targets (in one read), oldest first. */
  listReactions(kind: ReactionTargetKind, targetIds: readonly string[]): Reaction[];

  /** Runs `work` atomically against this store (and the event log in the same database). */
  transaction<T>(work: () => T): T;
}
