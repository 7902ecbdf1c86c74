import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';

interface Marks {
  bold: boolean;
  italic: boolean;
  code: boolean;
  link: boolean;
}

interface Shown {
  top: number;
  left: number;
  marks: Marks;
}

const linkGlyph = (
  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
    <path
      fill="currentColor"
      d="M7.78 3.97a3.25 3.25 0 0 1 4.6 4.6l-1.5 1.5a.75.75 0 1 1-1.06-1.06l1.5-1.5a1.75 1.75 0 0 0-2.48-2.48l-1.5 1.5a.75.75 0 0 1-1.06-1.06ZM5.19 8.05a.75.75 0 0 1 0 1.06l-.9.9a1.75 1.75 0 0 0 2.48 2.48l.9-.9a.75.75 0 1 1 1.06 1.06l-.9.9a3.25 3.25 0 0 1-4.6-4.6l.9-.9a.75.75 0 0 1 1.06 0Zm4.84-1.08a.75.75 0 0 1 0 1.06l-2 2a.75.75 0 0 1-1.06-1.06l2-2a.75.75 0 0 1 1.06 0Z"
    />
  </svg>
);

/** Whether the browser's selection is in the page text (a read-only editor never has the focus). */
function selectsInside(editor: Editor): boolean {
  const selection = document.getSelection();
  return (
    selection !== null &&
    !selection.isCollapsed &&
    editor.view.dom.contains(selection.anchorNode) &&
    editor.view.dom.contains(selection.focusNode)
  );
}

function readShown(editor: Editor, formatting: boolean): Shown | null {
  const { selection } = editor.state;
  if (selection.empty || !(selection instanceof TextSelection)) return null;
  if (formatting) {
    if (!editor.isEditable || !editor.view.hasFocus() || editor.isActive('codeBlock')) return null;
  } else if (!selectsInside(editor)) return null;
  const start = editor.view.coordsAtPos(selection.from);
  const end = editor.view.coordsAtPos(selection.to);
  return {
    top: Math.min(start.top, end.top) - 44,
    left: (start.left + end.left) / 2,
    marks: {
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      code: editor.isActive('code'),
      link: editor.isActive('link'),
    },
  };
}

interface BubbleMenuProps {
  editor: Editor;
  /** False for a read-only page: no formatting, only "Comment". */
  formatting: boolean;
  /** Present when the person may comment: a "Comment" button (also Ctrl/⌘ Alt M). */
  onComment?: (() => void) | undefined;
}

/**
 * A small toolbar above selected text: bold, italic, inline code, link and comment. It is a
 * shortcut for the pointer; the same actions have keyboard shortcuts (Ctrl/⌘ B, I, E, Alt M).
 */
export function BubbleMenu({ editor, formatting, onComment }: BubbleMenuProps) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('');
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const update = () => {
      // While the link field has the focus the editor is blurred; keep the toolbar put.
      if (root.current?.contains(document.activeElement)) return;
      setShown(readShown(editor, formatting));
      setLinking(false);
    };
    editor.on('selectionUpdate', update);
    editor.on('focus', update);
    editor.on('blur', update);
    // A read-only editor has no focus events; the browser's selection says when text is chosen.
    if (!formatting) document.addEventListener('selectionchange', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('focus', update);
      editor.off('blur', update);
      document.removeEventListener('selectionchange', update);
    };
  }, [editor, formatting]);

  if (!shown) return null;

  const toggle = (mark: 'bold' | 'italic' | 'code') => {
    const chain = editor.chain().focus();
    if (mark === 'bold') chain.toggleBold().run();
    else if (mark === 'italic') chain.toggleItalic().run();
    else chain.toggleCode().run();
    setShown(readShown(editor, formatting));
  };

  const startLink = () => {
    setHref((editor.getAttributes('link').href as string | undefined) ?? '');
    setLinking(true);
  };

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (href.trim() === '') chain.unsetLink().run();
    else chain.setLink({ href: href.trim() }).run();
    setLinking(false);
    setShown(readShown(editor, formatting));
  };

  const button = (label: string, active: boolean, onClick: () => void, glyph: ReactNode) => (
    <button
      type="button"
      className="bubble-menu__button"
      aria-label={label}
      aria-pressed={active}
      title={label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {glyph}
    </button>
  );

  return (
    <div
      ref={root}
      className="bubble-menu"
      role="toolbar"
      aria-label={formatting ? 'Format selection' : 'Selection'}
      style={{ top: shown.top, left: shown.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setLinking(false);
          editor.commands.focus();
        }
      }}
    >
      {linking ? (
        <form className="bubble-menu__link" onSubmit={applyLink}>
          <input
            className="bubble-menu__input"
            type="url"
            aria-label="Link address"
            placeholder="https://…"
            value={href}
            onChange={(event) => setHref(event.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the field opens because the person asked for it.
            autoFocus
          />
          <button type="submit" className="bubble-menu__button bubble-menu__button--text">
            {href.trim() === '' ? 'Remove' : 'Apply'}
          </button>
        </form>
      ) : (
        <>
          {formatting && (
            <>
              {button('Bold', shown.marks.bold, () => toggle('bold'), 'B')}
              {button('Italic', shown.marks.italic, () => toggle('italic'), 'I')}
              {button('Code', shown.marks.code, () => toggle('code'), '</>')}
              {button('Link', shown.marks.link, startLink, linkGlyph)}
            </>
          )}
          {onComment && (
            <button
              type="button"
              className="bubble-menu__button bubble-menu__button--text"
              title="Comment (Ctrl+Alt+M)"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setShown(null);
                onComment();
              }}
            >
              Comment
            </button>
          )}
        </>
      )}
    </div>
  );
}
