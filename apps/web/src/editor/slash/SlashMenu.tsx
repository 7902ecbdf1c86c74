import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { filterSlashCommands } from './slashCommands';
import { type SlashMenuState, slashMenuKey, slashMenuMeta } from './slashMenuPlugin';

interface SlashMenuProps {
  editor: Editor;
  /** Must be the `listboxId` the editor's `SlashMenuExtension` was configured with. */
  listboxId: string;
}

interface Placement {
  top: number;
  left: number;
}

const menuHeight = 320;

/** The list the slash menu shows beside the caret; the editor keeps the keyboard focus. */
export function SlashMenu({ editor, listboxId }: SlashMenuProps) {
  const [menu, setMenu] = useState<SlashMenuState | null>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const update = () => {
      const state = slashMenuKey.getState(editor.state);
      setMenu(state?.active && editor.view.hasFocus() ? state : null);
    };
    update();
    editor.on('transaction', update);
    editor.on('focus', update);
    editor.on('blur', update);
    return () => {
      editor.off('transaction', update);
      editor.off('focus', update);
      editor.off('blur', update);
    };
  }, [editor]);

  const commands = menu ? filterSlashCommands(menu.query) : [];
  const open = menu !== null && commands.length > 0;

  useLayoutEffect(() => {
    if (!open || !menu) return;
    const caret = editor.view.coordsAtPos(menu.from);
    const below = caret.bottom + 6;
    const fitsBelow = below + menuHeight < window.innerHeight;
    setPlacement({
      top: fitsBelow ? below : Math.max(8, caret.top - 6 - menuHeight),
      left: Math.min(caret.left, window.innerWidth - 300),
    });
  }, [editor, open, menu]);

  useLayoutEffect(() => {
    if (!open || !menu) return;
    list.current
      ?.querySelector(`[data-index="${menu.index}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [open, menu]);

  if (!open || !menu) return null;

  return (
    <div
      ref={list}
      id={listboxId}
      role="listbox"
      aria-label="Insert a block"
      className="slash-menu"
      style={placement ? { top: placement.top, left: placement.left } : { visibility: 'hidden' }}
    >
      {commands.map((command, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the editor handles the keys (see slashMenuPlugin).
        <div
          key={command.id}
          id={`${listboxId}-${index}`}
          data-index={index}
          role="option"
          tabIndex={-1}
          aria-selected={index === menu.index}
          className="slash-menu__item"
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => {
            if (index !== menu.index) {
              editor.view.dispatch(slashMenuMeta(editor.state.tr, { type: 'move', index }));
            }
          }}
          onClick={() => command.run(editor, { from: menu.from, to: menu.to })}
        >
          <span className="slash-menu__glyph" aria-hidden="true">
            {command.glyph}
          </span>
          <span className="slash-menu__text">
            <span className="slash-menu__label">{command.label}</span>
            <span className="slash-menu__description">{command.description}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
