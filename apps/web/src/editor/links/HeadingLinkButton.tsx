import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { copyPageLink } from '../../tree/copyPageLink';

interface HeadingLinkButtonProps {
  editor: Editor;
  /** The page's canonical address; the link is this plus `#<heading id>`. */
  pagePath: string;
  onCopied(message: string): void;
}

interface Hovered {
  id: string;
  top: number;
  left: number;
}

/**
 * A "copy link" button beside the heading under the pointer. The link is the page's absolute
 * canonical address with the heading's `#anchor`, so it survives renames of the page.
 */
export function HeadingLinkButton({ editor, pagePath, onCopied }: HeadingLinkButtonProps) {
  const [hovered, setHovered] = useState<Hovered | null>(null);

  useEffect(() => {
    const dom = editor.view.dom;
    const onMove = (event: MouseEvent) => {
      const target = event.target as Element | null;
      if (target?.closest?.('.heading-link')) return;
      const heading = target?.closest?.('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]');
      if (!heading || !dom.contains(heading)) {
        setHovered(null);
        return;
      }
      const box = heading.getBoundingClientRect();
      const id = heading.id;
      setHovered((current) =>
        current?.id === id && current.top === box.top
          ? current
          : { id, top: box.top + window.scrollY, left: box.left + window.scrollX },
      );
    };
    const onLeave = (event: MouseEvent) => {
      if (!(event.relatedTarget as Element | null)?.closest?.('.heading-link')) setHovered(null);
    };
    dom.addEventListener('mousemove', onMove);
    dom.addEventListener('mouseleave', onLeave);
    return () => {
      dom.removeEventListener('mousemove', onMove);
      dom.removeEventListener('mouseleave', onLeave);
    };
  }, [editor]);

  if (!hovered) return null;
  // In the body, so the page coordinates of the heading place it wherever the editor sits.
  return createPortal(
    <button
      type="button"
      className="heading-link"
      aria-label="Copy link to this heading"
      title="Copy link to this heading"
      style={{ top: hovered.top, left: hovered.left }}
      onMouseLeave={() => setHovered(null)}
      onClick={async () => onCopied(await copyPageLink(pagePath, hovered.id))}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M6.9 9.1a.75.75 0 0 1 0-1.06l1.1-1.1a.75.75 0 1 1 1.06 1.06l-1.1 1.1a.75.75 0 0 1-1.06 0ZM4.6 8.5l-1.4 1.4a2.25 2.25 0 0 0 3.2 3.2l1.4-1.4a.75.75 0 0 1 1.06 1.06l-1.4 1.4A3.75 3.75 0 0 1 2.16 8.84l1.4-1.4A.75.75 0 1 1 4.6 8.5Zm6.8-1 1.4-1.4a2.25 2.25 0 0 0-3.2-3.2L8.2 4.3a.75.75 0 0 1-1.06-1.06l1.4-1.4a3.75 3.75 0 0 1 5.3 5.3l-1.4 1.4A.75.75 0 1 1 11.4 7.5Z"
        />
      </svg>
    </button>,
    document.body,
  );
}
