import type {
  Comment,
  CommentThread,
  DiscussionStore,
  Reaction,
  ReactionTargetKind,
  ThreadState,
} from '@lore/core';
import type { Db } from '../openDatabase';

interface ThreadRow {
  id: string;
  page_id: string;
  anchor_from: string | null;
  anchor_to: string | null;
  anchor_quote: string | null;
  created_by: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}

interface CommentRow {
  id: string;
  thread_id: string;
  page_id: string;
  author_id: string;
  body: string;
  mentions: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

interface ReactionRow {
  target_id: string;
  user_id: string;
  emoji: string;
  created_at: number;
}

const toThread = (row: ThreadRow): CommentThread => ({
  id: row.id,
  pageId: row.page_id,
  anchor:
    row.anchor_from === null || row.anchor_to === null || row.anchor_quote === null
      ? null
      : { from: row.anchor_from, to: row.anchor_to, quote: row.anchor_quote },
  createdBy: row.created_by,
  createdAt: row.created_at,
  resolvedAt: row.resolved_at,
  resolvedBy: row.resolved_by,
});

const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  threadId: row.thread_id,
  pageId: row.page_id,
  authorId: row.author_id,
  body: row.body,
  mentions: JSON.parse(row.mentions) as string[],
  createdAt: row.created_at,
  editedAt: row.edited_at,
  deletedAt: row.deleted_at,
});

const toReaction =
  (targetKind: ReactionTargetKind) =>
  (row: ReactionRow): Reaction => ({
    targetKind,
    targetId: row.target_id,
    userId: row.user_id,
    emoji: row.emoji,
    createdAt: row.created_at,
  });

/** `DiscussionStore` on the Lore SQLite database (migration 0018). */
export class SqliteDiscussionStore implements DiscussionStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    const reactions = (table: string, column: string) => ({
      add: db.prepare<[string, string, string, number]>(
        `INSERT INTO ${table} (${column}, user_id, emoji, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      remove: db.prepare<[string, string, string]>(
        `DELETE FROM ${table} WHERE ${column} = ? AND user_id = ? AND emoji = ?`,
      ),
      list: db.prepare<[string], ReactionRow>(
        `SELECT ${column} AS target_id, user_id, emoji, created_at FROM ${table}
         WHERE ${column} IN (SELECT value FROM json_each(?))
         ORDER BY created_at, ${column}, user_id, emoji`,
      ),
    });
    this.#s = {
      insertThread: db.prepare(
        `INSERT INTO comment_threads (id, page_id, anchor_from, anchor_to, anchor_quote,
           created_by, created_at, resolved_at, resolved_by)
         VALUES (@id, @pageId, @anchorFrom, @anchorTo, @anchorQuote, @createdBy, @createdAt,
           @resolvedAt, @resolvedBy)`,
      ),
      thread: db.prepare<[string], ThreadRow>('SELECT * FROM comment_threads WHERE id = ?'),
      threadsOfPage: db.prepare<[string, number, number], ThreadRow>(
        `SELECT * FROM comment_threads
         WHERE page_id = ?
           AND (? = 0 OR resolved_at IS NULL) AND (? = 0 OR resolved_at IS NOT NULL)
         ORDER BY created_at, id`,
      ),
      resolve: db.prepare<[number | null, string | null, string]>(
        'UPDATE comment_threads SET resolved_at = ?, resolved_by = ? WHERE id = ?',
      ),
      deleteThread: db.prepare<[string]>('DELETE FROM comment_threads WHERE id = ?'),
      insertComment: db.prepare(
        `INSERT INTO comments (id, thread_id, page_id, author_id, body, mentions, created_at,
           edited_at, deleted_at)
         VALUES (@id, @threadId, @pageId, @authorId, @body, @mentions, @createdAt, @editedAt,
           @deletedAt)`,
      ),
      comment: db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?'),
      commentsOfThreads: db.prepare<[string], CommentRow>(
        `SELECT * FROM comments WHERE thread_id IN (SELECT value FROM json_each(?))
         ORDER BY created_at, id`,
      ),
      updateComment: db.prepare<[string, string, number, string]>(
        'UPDATE comments SET body = ?, mentions = ?, edited_at = ? WHERE id = ?',
      ),
      markDeleted: db.prepare<[number, string]>(
        `UPDATE comments SET body = '', mentions = '[]', deleted_at = ? WHERE id = ?`,
      ),
      deleteComment: db.prepare<[string]>('DELETE FROM comments WHERE id = ?'),
      comment_reactions: reactions('comment_reactions', 'comment_id'),
      page_reactions: reactions('page_reactions', 'page_id'),
    };
  }

  insertThread(thread: CommentThread): void {
    this.#s.insertThread.run({
      id: thread.id,
      pageId: thread.pageId,
      anchorFrom: thread.anchor?.from ?? null,
      anchorTo: thread.anchor?.to ?? null,
      anchorQuote: thread.anchor?.quote ?? null,
      createdBy: thread.createdBy,
      createdAt: thread.createdAt,
      resolvedAt: thread.resolvedAt,
      resolvedBy: thread.resolvedBy,
    });
  }

  findThread(id: string): CommentThread | null {
    const row = this.#s.thread.get(id);
    return row ? toThread(row) : null;
  }

  listThreadsOfPage(pageId: string, state: ThreadState | null): CommentThread[] {
    return this.#s.threadsOfPage
      .all(pageId, state === 'open' ? 1 : 0, state === 'resolved' ? 1 : 0)
      .map(toThread);
  }

  setThreadResolution(id: string, resolvedAt: number | null, resolvedBy: string | null): boolean {
    return this.#s.resolve.run(resolvedAt, resolvedBy, id).changes === 1;
  }

  deleteThread(id: string): boolean {
    return this.#s.deleteThread.run(id).changes === 1;
  }

  insertComment(comment: Comment): void {
    this.#s.insertComment.run({ ...comment, mentions: JSON.stringify(comment.mentions) });
  }

  findComment(id: string): Comment | null {
    const row = this.#s.comment.get(id);
    return row ? toComment(row) : null;
  }

  listCommentsOfThreads(threadIds: readonly string[]): Comment[] {
    if (threadIds.length === 0) return [];
    return this.#s.commentsOfThreads.all(JSON.stringify(threadIds)).map(toComment);
  }

  updateComment(id: string, body: string, mentions: readonly string[], editedAt: number): boolean {
    return this.#s.updateComment.run(body, JSON.stringify(mentions), editedAt, id).changes === 1;
  }

  markCommentDeleted(id: string, at: number): boolean {
    return this.#s.markDeleted.run(at, id).changes === 1;
  }

  deleteComment(id: string): boolean {
    return this.#s.deleteComment.run(id).changes === 1;
  }

  addReaction(reaction: Reaction): boolean {
    return (
      this.#reactions(reaction.targetKind).add.run(
        reaction.targetId,
        reaction.userId,
        reaction.emoji,
        reaction.createdAt,
      ).changes === 1
    );
  }

  removeReaction(
    kind: ReactionTargetKind,
    targetId: string,
    userId: string,
    emoji: string,
  ): boolean {
    return this.#reactions(kind).remove.run(targetId, userId, emoji).changes === 1;
  }

  listReactions(kind: ReactionTargetKind, targetIds: readonly string[]): Reaction[] {
    if (targetIds.length === 0) return [];
    return this.#reactions(kind).list.all(JSON.stringify(targetIds)).map(toReaction(kind));
  }

  transaction<T>(work: () => T): T {
    // Immediate: a write transaction takes the lock at once instead of failing on upgrade.
    return this.#db.transaction(work).immediate();
  }

  #reactions(kind: ReactionTargetKind) {
    return kind === 'comment' ? this.#s.comment_reactions : this.#s.page_reactions;
  }
}
