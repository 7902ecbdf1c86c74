import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { displayTitle } from '../../spaces/displayTitle';
import type { SuggestedPage } from '../../spaces/linkTypes';
import { pageLinksApi } from '../../spaces/pageLinksApi';
import { useCurrentPageId } from '../../spaces/useCurrentPageId';
import { useSpaces } from '../../spaces/useSpaces';
import { filterSuggestions } from './filterSuggestions';
import { insertPageLink } from './insertPageLink';
import { type PageLinkMenuState, pageLinkMenuKey, pageLinkMenuMeta } from './pageLinkMenuPlugin';
import { treeSuggestions } from './treeSuggestions';

interface PageLinkMenuProps {
  editor: Editor;
  /** Must be the `listboxId` the editor's `PageLinksExtension` was configured with. */
  listboxId: string;
}

/** How long typing must pause before the server is asked. */
const askAfterMs = 120;
const menuHeight = 300;

/**
 * The pages the `[[` menu offers beside the caret; the editor keeps the keyboard focus. Pages
 * of the loaded trees show at once; the server's answer (all spaces, best matches) replaces them.
 */
export function PageLinkMenu({ editor, listboxId }: PageLinkMenuProps) {
  const { spaces, trees, liveTitles } = useSpaces();
  const currentPageId = useCurrentPageId();
  const [menu, setMenu] = useState<PageLinkMenuState | null>(null);
  const [placement, setPlacement] = useState<{ top: number; left: number } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const local = useMemo(
    () => treeSuggestions(spaces ?? [], trees, liveTitles),
    [spaces, trees, liveTitles],
  );
  const localRef = useRef(local);
  localRef.current = local;
  const currentPageRef = useRef(currentPageId);
  currentPageRef.current = currentPageId;

  useEffect(() => {
    const update = () => {
      const state = pageLinkMenuKey.getState(editor.state);
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

  const query = menu?.query ?? null;
  useEffect(() => {
    if (query === null) return;
    const offer = (found: readonly SuggestedPage[]) => {
      const state = pageLinkMenuKey.getState(editor.state);
      if (!state?.active || state.query !== query) return;
      // A page linking to itself is never what was meant.
      const pages = found.filter((page) => page.id !== currentPageRef.current);
      editor.view.dispatch(pageLinkMenuMeta(editor.state.tr, { type: 'results', query, pages }));
    };
    offer(filterSuggestions(localRef.current, query));
    let current = true;
    const timer = setTimeout(() => {
      pageLinksApi.suggest(query).then(
        (answer) => current && offer(answer.pages),
        // Offline or an older server: the pages of the loaded trees stay on offer.
        () => undefined,
      );
    }, askAfterMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [editor, query]);

  const open = menu !== null && menu.pages.length > 0;

  useLayoutEffect(() => {
    if (!open || !menu) return;
    const caret = editor.view.coordsAtPos(menu.from);
    const below = caret.bottom + 6;
    const fitsBelow = below + menuHeight < window.innerHeight;
    setPlacement({
      top: fitsBelow ? below : Math.max(8, caret.top - 6 - menuHeight),
      left: Math.min(caret.left, window.innerWidth - 340),
    });
  }, [editor, open, menu]);

  useLayoutEffect(() => {
    if (!open || !menu) return;
    list.current
      ?.querySelector(`[data-index="${menu.index}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [open, menu]);

  if (!open || !menu) return null;
  const manySpaces = new Set(menu.pages.map((page) => page.space.id)).size > 1;

  return (
    <div
      ref={list}
      id={listboxId}
      role="listbox"
      aria-label="Link to a page"
      className="slash-menu page-link-menu"
      style={placement ? { top: placement.top, left: placement.left } : { visibility: 'hidden' }}
    >
      {menu.pages.map((page, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the editor handles the keys (see pageLinkMenuPlugin).
        <div
          key={page.id}
          id={`${listboxId}-${index}`}
          data-index={index}
          role="option"
          tabIndex={-1}
          aria-selected={index === menu.index}
          className="slash-menu__item"
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => {
            if (index !== menu.index) {
              editor.view.dispatch(pageLinkMenuMeta(editor.state.tr, { type: 'move', index }));
            }
          }}
          onClick={() => insertPageLink(editor, { from: menu.from, to: menu.to }, page)}
        >
          <span className="slash-menu__glyph" aria-hidden="true">
            {page.icon ?? '📄'}
          </span>
          <span className="slash-menu__text">
            <span className="slash-menu__label">{displayTitle(page.title)}</span>
            {(manySpaces || menu.query === '') && (
              <span className="slash-menu__description">{page.space.name}</span>
            )}
          </span>
        </div>
      ))}
    </div>
  );
}
