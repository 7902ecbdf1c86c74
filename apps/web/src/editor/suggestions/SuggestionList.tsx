import type { Editor } from '@tiptap/core';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import type { SuggestionMenuState } from './SuggestionMenuState';

/** How one suggestion reads in the list. */
export interface SuggestionView {
  glyph: ReactNode;
  label: string;
  /** A second, quieter line; left out when undefined. */
  description?: string;
}

interface SuggestionListProps<Item> {
  editor: Editor;
  /** Must be the `listboxId` the menu's plugin was configured with. */
  listboxId: string;
  /** The listbox's accessible name. */
  label: string;
  className: string;
  /** Where the trigger is, to place the list beside it, and which item is highlighted. */
  menu: SuggestionMenuState;
  items: readonly Item[];
  /** The most room the list takes, to place it below the caret, or above where it does not fit. */
  width: number;
  height: number;
  itemKey(item: Item): string;
  view(item: Item): SuggestionView;
  /** Highlights the item at `index`, as the arrow keys do. */
  onHighlight(index: number): void;
  onChoose(item: Item): void;
}

/**
 * The list a suggestion menu shows beside the caret. The editor keeps the keyboard focus and its
 * plugin handles the keys; the mouse highlights and chooses.
 */
export function SuggestionList<Item>({
  editor,
  listboxId,
  label,
  className,
  menu,
  items,
  width,
  height,
  itemKey,
  view,
  onHighlight,
  onChoose,
}: SuggestionListProps<Item>) {
  const [placement, setPlacement] = useState<{ top: number; left: number } | null>(null);
  const list = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const caret = editor.view.coordsAtPos(menu.from);
    const below = caret.bottom + 6;
    const fitsBelow = below + height < window.innerHeight;
    setPlacement({
      top: fitsBelow ? below : Math.max(8, caret.top - 6 - height),
      left: Math.min(caret.left, window.innerWidth - width),
    });
  }, [editor, menu, width, height]);

  useLayoutEffect(() => {
    list.current
      ?.querySelector(`[data-index="${menu.index}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [menu]);

  return (
    <div
      ref={list}
      id={listboxId}
      role="listbox"
      aria-label={label}
      className={className}
      style={placement ? { top: placement.top, left: placement.left } : { visibility: 'hidden' }}
    >
      {items.map((item, index) => {
        const { glyph, label: itemLabel, description } = view(item);
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the editor handles the keys (see the menu's plugin).
          <div
            key={itemKey(item)}
            id={`${listboxId}-${index}`}
            data-index={index}
            role="option"
            tabIndex={-1}
            aria-selected={index === menu.index}
            className="slash-menu__item"
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => {
              if (index !== menu.index) onHighlight(index);
            }}
            onClick={() => onChoose(item)}
          >
            <span className="slash-menu__glyph" aria-hidden="true">
              {glyph}
            </span>
            <span className="slash-menu__text">
              <span className="slash-menu__label">{itemLabel}</span>
              {description !== undefined && (
                <span className="slash-menu__description">{description}</span>
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}
