import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for the heading of an `#anchor` to arrive with the document. */
const waitForHeadingMs = 10_000;

/**
 * Scrolls the heading named by the address's `#anchor` into view once the document has loaded
 * it (the content arrives after the page opens), once per anchor.
 */
export function useScrollToAnchor(editor: Editor): void {
  const { hash } = useLocation();

  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id) return;
    const tryScroll = () => {
      const target = editor.view.dom.querySelector(`[id="${CSS.escape(id)}"]`);
      if (!target) return false;
      target.scrollIntoView({ block: 'start' });
      return true;
    };
    if (tryScroll()) return;
    const onUpdate = () => {
      if (tryScroll()) stop();
    };
    const timer = setTimeout(() => stop(), waitForHeadingMs);
    const stop = () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
    editor.on('update', onUpdate);
    return stop;
  }, [editor, hash]);
}
