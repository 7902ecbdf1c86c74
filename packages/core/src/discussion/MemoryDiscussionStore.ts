import type { Comment } from './Comment';
import { type CommentThread, type ThreadState, threadStateOf } from './CommentThread';
import type { DiscussionStore } from './DiscussionStore';
import type { Reaction, ReactionTargetKind } from './Reaction';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byCreation = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
  a.createdAt - b.createdAt || compare(a.id, b.id);

const reactionKey = (kind: ReactionTargetKind, targetId: string, userId: string, emoji: string) =>
  JSON.stringify([kind, targetId, userId, emoji]);

function restore<V>(live: Map<string, V>, saved: ReadonlyMap<string, V>): void {
  live.clear();
  for (const [key, value] of saved) live.set(key, value);
}

/** `DiscussionStore` in memory, for tests of the service. */
export class MemoryDiscussionStore implements DiscussionStore {
  readonly #threads = new Map<string, CommentThread>();
  readonly #comments = new Map<string, Comment>();
  readonly #reactions = new Map<string, Reaction>();
  #inTransaction = false;

  insertThread(thread: CommentThread): void {
    if (this.#threads.has(thread.id)) throw new Error(`Thread ${thread.id} exists already.`);
    this.#threads.set(thread.id, thread);
  }

  findThread(id: string): CommentThread | null {
    return this.#threads.get(id) ?? null;
  }

  listThreadsOfPage(pageId: string, state: ThreadState | null): CommentThread[] {
    return [...this.#threads.values()]
      .filter(
        (thread) => thread.pageId === pageId && (state === null || threadStateOf(thread) === state),
      )
      .sort(byCreation);
  }

  setThreadResolution(id: string, resolvedAt: number | null, resolvedBy: string | null): boolean {
    const thread = this.#threads.get(id);
    if (!thread) return false;
    this.#threads.set(id, { ...thread, resolvedAt, resolvedBy });
    return true;
  }

  deleteThread(id: string): boolean {
    if (!this.#threads.delete(id)) return false;
    for (const comment of [...this.#comments.values()]) {
      if (comment.threadId === id) this.deleteComment(comment.id);
    }
    return true;
  }

  insertComment(comment: Comment): void {
    if (this.#comments.has(comment.id)) throw new Error(`Comment ${comment.id} exists already.`);
    const thread = this.#threads.get(comment.threadId);
    if (!thread || thread.pageId !== comment.pageId) {
      throw new Error(`Comment ${comment.id} names no thread of its page.`);
    }
    this.#comments.set(comment.id, { ...comment, mentions: [...comment.mentions] });
  }

  findComment(id: string): Comment | null {
    return this.#comments.get(id) ?? null;
  }

  listCommentsOfThreads(threadIds: readonly string[]): Comment[] {
    const wanted = new Set(threadIds);
    return [...this.#comments.values()]
      .filter((comment) => wanted.has(comment.threadId))
      .sort(byCreation);
  }

  updateComment(id: string, body: string, mentions: readonly string[], editedAt: number): boolean {
    const comment = this.#comments.get(id);
    if (!comment) return false;
    this.#comments.set(id, { ...comment, body, mentions: [...mentions], editedAt });
    return true;
  }

  markCommentDeleted(id: string, at: number): boolean {
    const comment = this.#comments.get(id);
    if (!comment) return false;
    this.#comments.set(id, { ...comment, body: '', mentions: [], deletedAt: at });
    return true;
  }

  deleteComment(id: string): boolean {
    if (!this.#comments.delete(id)) return false;
    for (const [key, reaction] of [...this.#reactions]) {
      if (reaction.targetKind === 'comment' && reaction.targetId === id) {
        this.#reactions.delete(key);
      }
    }
    return true;
  }

  addReaction(reaction: Reaction): boolean {
    const key = reactionKey(
      reaction.targetKind,
      reaction.targetId,
      reaction.userId,
      reaction.emoji,
    );
    if (this.#reactions.has(key)) return false;
    if (reaction.targetKind === 'comment' && !this.#comments.has(reaction.targetId)) {
      throw new Error(`Comment ${reaction.targetId} is unknown.`);
    }
    this.#reactions.set(key, reaction);
    return true;
  }

  removeReaction(
    kind: ReactionTargetKind,
    targetId: string,
    userId: string,
    emoji: string,
  ): boolean {
    return this.#reactions.delete(reactionKey(kind, targetId, userId, emoji));
  }

  listReactions(kind: ReactionTargetKind, targetIds: readonly string[]): Reaction[] {
    const wanted = new Set(targetIds);
    return [...this.#reactions.values()]
      .filter((reaction) => reaction.targetKind === kind && wanted.has(reaction.targetId))
      .sort(
        (a, b) =>
          a.createdAt - b.createdAt ||
          compare(a.targetId, b.targetId) ||
          compare(a.userId, b.userId) ||
          compare(a.emoji, b.emoji),
      );
  }

  /** All or nothing, like the database stores: a throw puts back what `work` had changed. */
  transaction<T>(work: () => T): T {
    if (this.#inTransaction) return work();
    const threads = new Map(this.#threads);
    const comments = new Map(this.#comments);
    const reactions = new Map(this.#reactions);
    this.#inTransaction = true;
    try {
      return work();
    } catch (error) {
      restore(this.#threads, threads);
      restore(this.#comments, comments);
      restore(this.#reactions, reactions);
      throw error;
    } finally {
      this.#inTransaction = false;
    }
  }
}
