import type {
  Comment,
  CommentThread,
  DiscussionStore,
  Reaction,
  ReactionTargetKind,
  ThreadState,
} from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

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
  mentions: string[];
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
  mentions: row.mentions,
  createdAt: row.created_at,
  editedAt: row.edited_at,
  deletedAt: row.deleted_at,
});

const reactionTables = {
  comment: { table: 'comment_reactions', column: 'comment_id' },
  page: { table: 'page_reactions', column: 'page_id' },
} as const;

/** `DiscussionStore` on PostgreSQL (migration 0012). */
export class PostgresDiscussionStore implements DiscussionStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertThread(thread: CommentThread): void {
    this.#db.run(
      `INSERT INTO comment_threads (id, page_id, anchor_from, anchor_to, anchor_quote,
         created_by, created_at, resolved_at, resolved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        thread.id,
        thread.pageId,
        thread.anchor?.from ?? null,
        thread.anchor?.to ?? null,
        thread.anchor?.quote ?? null,
        thread.createdBy,
        thread.createdAt,
        thread.resolvedAt,
        thread.resolvedBy,
      ],
    );
  }

  findThread(id: string): CommentThread | null {
    const row = this.#db.one<ThreadRow>('SELECT * FROM comment_threads WHERE id = $1', [id]);
    return row ? toThread(row) : null;
  }

  listThreadsOfPage(pageId: string, state: ThreadState | null): CommentThread[] {
    const filter =
      state === 'open'
        ? 'AND resolved_at IS NULL'
        : state === 'resolved'
          ? 'AND resolved_at IS NOT NULL'
          : '';
    return this.#db
      .query<ThreadRow>(
        `SELECT * FROM comment_threads WHERE page_id = $1 ${filter}
         ORDER BY created_at, id COLLATE "C"`,
        [pageId],
      )
      .map(toThread);
  }

  setThreadResolution(id: string, resolvedAt: number | null, resolvedBy: string | null): boolean {
    const { rowCount } = this.#db.run(
      'UPDATE comment_threads SET resolved_at = $2, resolved_by = $3 WHERE id = $1',
      [id, resolvedAt, resolvedBy],
    );
    return rowCount === 1;
  }

  deleteThread(id: string): boolean {
    return this.#db.run('DELETE FROM comment_threads WHERE id = $1', [id]).rowCount === 1;
  }

  insertComment(comment: Comment): void {
    this.#db.run(
      `INSERT INTO comments (id, thread_id, page_id, author_id, body, mentions, created_at,
         edited_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9)`,
      [
        comment.id,
        comment.threadId,
        comment.pageId,
        comment.authorId,
        comment.body,
        comment.mentions,
        comment.createdAt,
        comment.editedAt,
        comment.deletedAt,
      ],
    );
  }

  findComment(id: string): Comment | null {
    const row = this.#db.one<CommentRow>('SELECT * FROM comments WHERE id = $1', [id]);
    return row ? toComment(row) : null;
  }

  listCommentsOfThreads(threadIds: readonly string[]): Comment[] {
    if (threadIds.length === 0) return [];
    return this.#db
      .query<CommentRow>(
        `SELECT * FROM comments WHERE thread_id = ANY ($1::text[])
         ORDER BY created_at, id COLLATE "C"`,
        [threadIds],
      )
      .map(toComment);
  }

  updateComment(id: string, body: string, mentions: readonly string[], editedAt: number): boolean {
    const { rowCount } = this.#db.run(
      'UPDATE comments SET body = $2, mentions = $3::text[], edited_at = $4 WHERE id = $1',
      [id, body, mentions, editedAt],
    );
    return rowCount === 1;
  }

  markCommentDeleted(id: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      `UPDATE comments SET body = '', mentions = '{}', deleted_at = $2 WHERE id = $1`,
      [id, at],
    );
    return rowCount === 1;
  }

  deleteComment(id: string): boolean {
    return this.#db.run('DELETE FROM comments WHERE id = $1', [id]).rowCount === 1;
  }

  addReaction(reaction: Reaction): boolean {
    const { table, column } = reactionTables[reaction.targetKind];
    const { rowCount } = this.#db.run(
      `INSERT INTO ${table} (${column}, user_id, emoji, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [reaction.targetId, reaction.userId, reaction.emoji, reaction.createdAt],
    );
    return rowCount === 1;
  }

  removeReaction(
    kind: ReactionTargetKind,
    targetId: string,
    userId: string,
    emoji: string,
  ): boolean {
    const { table, column } = reactionTables[kind];
    const { rowCount } = this.#db.run(
      `DELETE FROM ${table} WHERE ${column} = $1 AND user_id = $2 AND emoji = $3`,
      [targetId, userId, emoji],
    );
    return rowCount === 1;
  }

  listReactions(kind: ReactionTargetKind, targetIds: readonly string[]): Reaction[] {
    if (targetIds.length === 0) return [];
    const { table, column } = reactionTables[kind];
    return this.#db
      .query<ReactionRow>(
        `SELECT ${column} AS target_id, user_id, emoji, created_at FROM ${table}
         WHERE ${column} = ANY ($1::text[])
         ORDER BY created_at, ${column} COLLATE "C", user_id COLLATE "C", emoji COLLATE "C"`,
        [targetIds],
      )
      .map((row) => ({
        targetKind: kind,
        targetId: row.target_id,
        userId: row.user_id,
        emoji: row.emoji,
        createdAt: row.created_at,
      }));
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }
}
