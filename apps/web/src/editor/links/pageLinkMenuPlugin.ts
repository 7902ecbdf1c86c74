import type { SuggestedPage } from '@lore/api';
import type { Editor } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { activeOptionAttributes } from '../suggestions/activeOptionAttributes';
import { followTrigger } from '../suggestions/followTrigger';
import { handleSuggestionKey } from '../suggestions/handleSuggestionKey';
import type { SuggestionMenuState } from '../suggestions/SuggestionMenuState';
import { insertPageLink } from './insertPageLink';

/** What the `[[` menu is doing: where the typed `[[query` is, the pages offered, the choice. */
export interface PageLinkMenuState extends SuggestionMenuState {
  /** The pages offered for `query` (filled in by the menu component). */
  pages: readonly SuggestedPage[];
}

type PageLinkMenuMeta =
  | { type: 'move'; index: number }
  | { type: 'dismiss' }
  | { type: 'results'; query: string; pages: readonly SuggestedPage[] };

export const pageLinkMenuKey = new PluginKey<PageLinkMenuState>('pageLinkMenu');

const inactive: PageLinkMenuState = {
  active: false,
  from: 0,
  to: 0,
  query: '',
  pages: [],
  index: 0,
};

/** Longest query followed; a longer run of text after `[[` is not a page name being typed. */
const maxQueryLength = 80;

/** The `[[` and query right before the caret, inside one text block and outside code. */
export function findPageLinkTrigger(
  state: EditorState,
): { from: number; to: number; query: string } | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $pos = selection.$from;
  if (!$pos.parent.isTextblock || $pos.parent.type.spec.code) return null;
  if ($pos.marks().some((mark) => mark.type.name === 'code')) return null;
  const before = $pos.parent.textBetween(0, $pos.parentOffset, undefined, '\ufffc');
  const match = new RegExp(`\\[\\[([^\\[\\]\\ufffc]{0,${maxQueryLength}})$`).exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { from: $pos.pos - query.length - 2, to: $pos.pos, query };
}

/** Sends an instruction to the `[[` menu's state. */
export function pageLinkMenuMeta(tr: Transaction, meta: PageLinkMenuMeta): Transaction {
  return tr.setMeta(pageLinkMenuKey, meta);
}

interface PageLinkMenuPluginOptions {
  editor: Editor;
  /** Id of the listbox element, for `aria-controls`; options are `${listboxId}-<index>`. */
  listboxId: string;
}

/**
 * Follows a `[[` typed anywhere in text and the page name typed after it, and drives the page
 * menu from the keyboard: arrows move, Enter or Tab link the page, Escape closes. The pages
 * themselves are looked up by the `PageLinkMenu` component and handed in as `results`.
 */
export function pageLinkMenuPlugin({ editor, listboxId }: PageLinkMenuPluginOptions): Plugin {
  return new Plugin<PageLinkMenuState>({
    key: pageLinkMenuKey,
    state: {
      init: () => inactive,
      apply(tr, previous, _oldState, newState) {
        const trigger = findPageLinkTrigger(newState);
        const meta = tr.getMeta(pageLinkMenuKey) as PageLinkMenuMeta | undefined;
        // Opens only when the second bracket was just typed, not next to old ones.
        const next = followTrigger(
          tr,
          previous,
          previous.pages,
          trigger,
          meta?.type === 'results' ? { ...meta, items: meta.pages } : meta,
          (trigger?.from ?? 0) + 1,
        );
        if (!next) return inactive;
        const { items, ...menu } = next;
        return { ...menu, pages: items };
      },
    },
    props: {
      attributes(state): Record<string, string> {
        const menu = pageLinkMenuKey.getState(state);
        if (!menu?.active || menu.pages.length === 0) return {};
        return activeOptionAttributes(listboxId, menu.index);
      },
      handleKeyDown(view, event) {
        const menu = pageLinkMenuKey.getState(view.state);
        return handleSuggestionKey(event, menu, menu?.pages ?? [], {
          move: (index) => view.dispatch(pageLinkMenuMeta(view.state.tr, { type: 'move', index })),
          dismiss: () => view.dispatch(pageLinkMenuMeta(view.state.tr, { type: 'dismiss' })),
          choose: (page, range) => insertPageLink(editor, range, page),
        });
      },
    },
  });
}
