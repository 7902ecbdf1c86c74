import type { CollabServer } from '@lore/collab';
import type { DiscussionStore, EventConsumer, PageStore } from '@lore/core';
import { AnnotationOrigin, placeCommentMark, removeCommentMark } from '@lore/page-document';

export interface CommentMarksConsumerOptions {
  readonly discussion: Pick<DiscussionStore, 'findThread'>;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly collab: CollabServer<unknown>;
}

/** The origin of the server's comment-mark edits: no one's edit (see `AnnotationOrigin`). */
export const commentMarkOrigin = new AnnotationOrigin('comment mark');

/**
 * Keeps the comment marks of a page's document in step with its anchored threads, so every open
 * editor shows where threads sit, whoever opened them (a commenter cannot write the document).
 * On each event about a thread it makes the document match the thread as it is now: an anchored
 * thread has its mark over its anchor's text (`resolved: true` once resolved), a deleted thread
 * has none. The change is a server-side edit through the collaboration server (stored before it
 * is relayed, live in every editor, on every process) with {@link commentMarkOrigin}, which page
 * history does not count as anyone's edit. Idempotent: making it match twice changes nothing.
 */
export function commentMarksConsumer(options: CommentMarksConsumerOptions): EventConsumer {
  return {
    name: 'discussion-comment-marks',
    types: [
      'comment.thread_created',
      'comment.thread_resolved',
      'comment.thread_reopened',
      'comment.deleted',
    ],
    handle: async (event) => {
      const pageId = event.pageId;
      if (pageId === null || options.pages.findPageById(pageId) === null) return;
      let threadId: string;
      if (event.type === 'comment.thread_created') {
        if (!event.data.anchored) return;
        threadId = event.data.threadId;
      } else if (event.type === 'comment.deleted') {
        if (!event.data.threadDeleted) return;
        threadId = event.data.threadId;
      } else if (
        event.type === 'comment.thread_resolved' ||
        event.type === 'comment.thread_reopened'
      ) {
        threadId = event.data.threadId;
      } else {
        return;
      }
      const thread = options.discussion.findThread(threadId);
      const anchor = thread?.pageId === pageId ? thread.anchor : null;
      await options.collab.editDocument(
        pageId,
        (doc) => {
          if (thread === null || anchor === null) removeCommentMark(doc, threadId);
          else placeCommentMark(doc, anchor, { threadId, resolved: thread.resolvedAt !== null });
        },
        commentMarkOrigin,
      );
    },
  };
}
