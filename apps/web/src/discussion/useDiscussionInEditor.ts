import type { CommentThreadBody } from '@lore/api';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { anchorOfSelection, type SelectionAnchor } from './anchorOfSelection';
import { commentHighlightsKey } from './commentHighlights';
import { rangeOfAnchor } from './rangeOfAnchor';

export interface DiscussionInEditor {
  /** Whether the sidebar is shown. */
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** The text a new comment is being written about. */
  readonly draft: SelectionAnchor | null;
  /** Starts a comment on the selected text (and opens the sidebar). */
  startDraft(): void;
  endDraft(thread: CommentThreadBody | null): void;
  readonly activeThreadId: string | null;
  /** Scrolls the page to the thread's text and flashes it. */
  selectThread(thread: CommentThreadBody): void;
  /** Where an anchored thread's text starts in the editor now. */
  positionOf(thread: CommentThreadBody): number | null;
}

const flashMs = 1600;

/**
 * The discussion's side of the page text: highlights (the draft's range, and open threads'
 * anchors until the schema marks them), clicking highlighted text to open its thread,
 * Ctrl/⌘ Alt M to comment on the selection, and going from a thread to its text.
 */
export function useDiscussionInEditor(
  editor: Editor | null,
  threads: readonly CommentThreadBody[],
  canComment: boolean,
): DiscussionInEditor {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<SelectionAnchor | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // What the editor highlights follows the threads, the draft and the chosen thread.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const anchored = threads.flatMap((thread) =>
      thread.state === 'open' && thread.anchor?.state === 'attached'
        ? [{ threadId: thread.id, from: thread.anchor.from, to: thread.anchor.to }]
        : [],
    );
    editor.view.dispatch(
      editor.state.tr
        .setMeta(commentHighlightsKey, {
          threads: anchored,
          draft: draft ? { threadId: null, from: draft.from, to: draft.to } : null,
          activeThreadId,
        })
        .setMeta('addToHistory', false),
    );
  }, [editor, threads, draft, activeThreadId]);

  // The mark (and the highlights standing in for it) shows the active thread too.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    for (const element of editor.view.dom.querySelectorAll('.comment-anchor')) {
      element.classList.toggle(
        'comment-anchor--active',
        element.getAttribute('data-thread-id') === activeThreadId,
      );
    }
  });

  const startDraft = useCallback(() => {
    if (!editor || !canComment) return;
    const anchor = anchorOfSelection(editor.state);
    if (!anchor) return;
    setDraft(anchor);
    setOpen(true);
  }, [editor, canComment]);

  // Ctrl/⌘ Alt M anywhere on the page (a read-only editor never has the keyboard focus).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'KeyM' || !event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (!editor || (editor.state.selection.empty && !editor.view.hasFocus())) return;
      event.preventDefault();
      startDraft();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor, startDraft]);

  // Clicking highlighted text opens its thread in the sidebar.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const anchor = target?.closest('.comment-anchor[data-thread-id]');
      const threadId = anchor?.getAttribute('data-thread-id');
      if (!threadId || !document.getSelection()?.isCollapsed) return;
      setOpen(true);
      setActiveThreadId(threadId);
      requestAnimationFrame(() => {
        const card = document.querySelector(`.thread[data-thread-id="${CSS.escape(threadId)}"]`);
        card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        card?.querySelector<HTMLElement>('button, textarea')?.focus({ preventScroll: true });
      });
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [editor]);

  useEffect(
    () => () => {
      if (flashTimer.current) clearTimeout(flashTimer.current);
    },
    [],
  );

  const selectThread = useCallback(
    (thread: CommentThreadBody) => {
      setActiveThreadId(thread.id);
      if (!editor || !thread.anchor) return;
      const range = rangeOfAnchor(editor.state, thread.anchor);
      if (!range) return;
      const { node } = editor.view.domAtPos(range.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      editor.view.dom.classList.remove('page-body--flash');
      // Restarts the animation when the same thread is chosen again.
      void editor.view.dom.offsetWidth;
      editor.view.dom.classList.add('page-body--flash');
      if (flashTimer.current) clearTimeout(flashTimer.current);
      flashTimer.current = setTimeout(
        () => editor.view.dom.classList.remove('page-body--flash'),
        flashMs,
      );
    },
    [editor],
  );

  const positionOf = useCallback(
    (thread: CommentThreadBody) =>
      editor && thread.anchor ? (rangeOfAnchor(editor.state, thread.anchor)?.from ?? null) : null,
    [editor],
  );

  return {
    open,
    setOpen,
    draft,
    startDraft,
    endDraft: (thread) => {
      setDraft(null);
      if (thread) setActiveThreadId(thread.id);
    },
    activeThreadId,
    selectThread,
    positionOf,
  };
}
