import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { internalPath } from './internalPath';

/**
 * Clicking a link to a wiki page inside the editor opens it in the app; Ctrl/⌘-click (or the
 * middle button) opens it in a new tab. Links to other sites keep the editor's behaviour.
 */
export function useInternalLinkClicks(editor: Editor): void {
  const navigate = useNavigate();

  useEffect(() => {
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      if (event.button > 1 || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor || !dom.contains(anchor)) return;
      const path = internalPath(anchor.getAttribute('href'), window.location.origin);
      if (!path) return;
      event.preventDefault();
      if (event.ctrlKey || event.metaKey || event.button === 1) {
        window.open(path, '_blank', 'noopener');
      } else {
        navigate(path);
      }
    };
    dom.addEventListener('click', onClick);
    dom.addEventListener('auxclick', onClick);
    return () => {
      dom.removeEventListener('click', onClick);
      dom.removeEventListener('auxclick', onClick);
    };
  }, [editor, navigate]);
}
