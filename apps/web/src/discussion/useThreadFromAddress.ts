import type { CommentThreadBody } from '@lore/api';
import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';

/**
 * Opens the thread an address names (`?thread=<id>`, as notification emails and the inbox link
 * to a comment): the comments sidebar opens and the thread is chosen, which scrolls to its text.
 * Once per address, when the threads and the editor are there.
 */
export function useThreadFromAddress(
  search: string,
  editor: Editor | null,
  threads: readonly CommentThreadBody[],
  comments: { setOpen(open: boolean): void; selectThread(thread: CommentThreadBody): void },
): void {
  const threadId = new URLSearchParams(search).get('thread');
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!threadId || done.current === threadId || !editor) return;
    const thread = threads.find((candidate) => candidate.id === threadId);
    if (!thread) return;
    done.current = threadId;
    comments.setOpen(true);
    comments.selectThread(thread);
  }, [threadId, editor, threads, comments]);
}
