import type { SuggestedPage } from '@lore/api';
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef } from 'react';
import { displayTitle } from '../../spaces/displayTitle';
import { pageLinksApi } from '../../spaces/pageLinksApi';
import { useCurrentPageId } from '../../spaces/useCurrentPageId';
import { useSpaces } from '../../spaces/useSpaces';
import { SuggestionList } from '../suggestions/SuggestionList';
import { useSuggestionMenu } from '../suggestions/useSuggestionMenu';
import { filterSuggestions } from './filterSuggestions';
import { insertPageLink } from './insertPageLink';
import { pageLinkMenuKey, pageLinkMenuMeta } from './pageLinkMenuPlugin';
import { treeSuggestions } from './treeSuggestions';

interface PageLinkMenuProps {
  editor: Editor;
  /** Must be the `listboxId` the editor's `PageLinksExtension` was configured with. */
  listboxId: string;
}

/** How long typing must pause before the server is asked. */
const askAfterMs = 120;

/**
 * The pages the `[[` menu offers beside the caret; the editor keeps the keyboard focus. Pages
 * of the loaded trees show at once; the server's answer (all spaces, best matches) replaces them.
 */
export function PageLinkMenu({ editor, listboxId }: PageLinkMenuProps) {
  const { spaces, trees, liveTitles } = useSpaces();
  const currentPageId = useCurrentPageId();
  const menu = useSuggestionMenu(editor, pageLinkMenuKey);
  const local = useMemo(
    () => treeSuggestions(spaces ?? [], trees, liveTitles),
    [spaces, trees, liveTitles],
  );
  const localRef = useRef(local);
  localRef.current = local;
  const currentPageRef = useRef(currentPageId);
  currentPageRef.current = currentPageId;

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

  if (!menu || menu.pages.length === 0) return null;
  const manySpaces = new Set(menu.pages.map((page) => page.space.id)).size > 1;

  return (
    <SuggestionList
      editor={editor}
      listboxId={listboxId}
      label="Link to a page"
      className="slash-menu page-link-menu"
      menu={menu}
      items={menu.pages}
      width={340}
      height={300}
      itemKey={(page) => page.id}
      view={(page) => ({
        glyph: page.icon ?? '📄',
        label: displayTitle(page.title),
        description: manySpaces || menu.query === '' ? page.space.name : undefined,
      })}
      onHighlight={(index) =>
        editor.view.dispatch(pageLinkMenuMeta(editor.state.tr, { type: 'move', index }))
      }
      onChoose={(page) => insertPageLink(editor, { from: menu.from, to: menu.to }, page)}
    />
  );
}
