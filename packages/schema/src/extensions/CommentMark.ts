import { Mark } from '@tiptap/core';

/** A comment thread's id as the mark carries it: what the discussion store hands out. */
const THREAD_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Whether a value can be the `threadId` of a comment mark. */
export function isCommentThreadId(value: unknown): value is string {
  return typeof value === 'string' && THREAD_ID.test(value);
}

/**
 * Where an anchored comment thread sits in the text, for the editor to show
 * (`<span class="comment-anchor" data-thread-id>`; `data-resolved` once the thread is
 * resolved). The server places and removes it; several threads may cover the same text
 * (`excludes: ''`) and typing at its edges does not extend it (`inclusive: false`).
 *
 * It annotates the live document only: it has no HTML parse rule (pasted or imported HTML
 * never carries one in), and every reader that leaves the editor — HTML, Markdown, plain text,
 * revisions, search — drops it (see `isAnnotationMark`).
 */
export const CommentMark = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',

  addAttributes() {
    return {
      threadId: { default: null, rendered: false },
      resolved: { default: false, rendered: false },
    };
  },

  parseHTML() {
    return [];
  },

  renderHTML({ mark }) {
    const { threadId, resolved } = mark.attrs as { threadId: unknown; resolved: unknown };
    return [
      'span',
      {
        class: resolved === true ? 'comment-anchor comment-anchor-resolved' : 'comment-anchor',
        'data-thread-id': isCommentThreadId(threadId) ? threadId : '',
        ...(resolved === true ? { 'data-resolved': 'true' } : {}),
      },
      0,
    ];
  },
});
