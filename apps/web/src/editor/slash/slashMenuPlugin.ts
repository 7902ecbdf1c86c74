import type { Editor } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { activeOptionAttributes } from '../suggestions/activeOptionAttributes';
import { insertedAt } from '../suggestions/insertedAt';
import { isRemoteChange } from '../suggestions/isRemoteChange';
import type { SuggestionMenuState } from '../suggestions/SuggestionMenuState';
import { wrapIndex } from '../suggestions/wrapIndex';
import { filterSlashCommands } from './slashCommands';

/**
 * What the slash menu is doing: where the typed `/query` is and which of the commands matching
 * `query` is highlighted.
 */
export type SlashMenuState = SuggestionMenuState;

type SlashMenuMeta = { type: 'move'; index: number } | { type: 'dismiss' };

export const slashMenuKey = new PluginKey<SlashMenuState>('slashMenu');

const inactive: SlashMenuState = { active: false, from: 0, to: 0, query: '', index: 0 };

/** The slash and query right before the caret: at the start of a paragraph or after a space. */
function findTrigger(state: EditorState): { from: number; to: number; query: string } | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $pos = selection.$from;
  if ($pos.parent.type.name !== 'paragraph') return null;
  if ($pos.marks().some((mark) => mark.type.name === 'code')) return null;
  const before = $pos.parent.textBetween(0, $pos.parentOffset, undefined, '\ufffc');
  const match = /(?:^|\s)\/([^\s/]{0,24})$/.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { from: $pos.pos - query.length - 1, to: $pos.pos, query };
}

/** Sends an instruction to the slash menu's state. */
export function slashMenuMeta(tr: Transaction, meta: SlashMenuMeta): Transaction {
  return tr.setMeta(slashMenuKey, meta);
}

interface SlashMenuPluginOptions {
  editor: Editor;
  /** Id of the listbox element, for `aria-controls`; options are `${listboxId}-<index>`. */
  listboxId: string;
}

/**
 * Follows a `/` typed at the start of a paragraph or after a space and the word typed after
 * it, and drives the menu from the keyboard: arrows move, Enter or Tab insert, Escape closes.
 * The editable element points at the listbox and the highlighted option, so screen readers
 * announce the choice while focus stays in the text.
 */
export function slashMenuPlugin({ editor, listboxId }: SlashMenuPluginOptions): Plugin {
  return new Plugin<SlashMenuState>({
    key: slashMenuKey,
    state: {
      init: () => inactive,
      apply(tr, previous, _oldState, newState) {
        const trigger = findTrigger(newState);
        if (!trigger) return inactive;
        const meta = tr.getMeta(slashMenuKey) as SlashMenuMeta | undefined;
        if (meta?.type === 'dismiss') return inactive;
        const continued =
          previous.active && (isRemoteChange(tr) || tr.mapping.map(previous.from) === trigger.from);
        // Opens only when the slash itself was just typed, not next to an old one.
        if (!continued && !(trigger.query === '' && insertedAt(tr, trigger.from))) return inactive;
        let index = continued && previous.query === trigger.query ? previous.index : 0;
        if (meta?.type === 'move') index = meta.index;
        index = wrapIndex(index, filterSlashCommands(trigger.query).length);
        return { active: true, ...trigger, index };
      },
    },
    props: {
      attributes(state): Record<string, string> {
        const menu = slashMenuKey.getState(state);
        if (!menu?.active || filterSlashCommands(menu.query).length === 0) return {};
        return activeOptionAttributes(listboxId, menu.index);
      },
      handleKeyDown(view, event) {
        const menu = slashMenuKey.getState(view.state);
        if (!menu?.active || event.isComposing) return false;
        const commands = filterSlashCommands(menu.query);
        if (commands.length === 0) return false;
        const move = (index: number) => {
          view.dispatch(slashMenuMeta(view.state.tr, { type: 'move', index }));
          return true;
        };
        switch (event.key) {
          case 'ArrowDown':
            return move(menu.index + 1);
          case 'ArrowUp':
            return move(menu.index - 1);
          case 'Home':
            return move(0);
          case 'End':
            return move(commands.length - 1);
          case 'Escape':
            view.dispatch(slashMenuMeta(view.state.tr, { type: 'dismiss' }));
            return true;
          case 'Enter':
          case 'Tab': {
            if (event.shiftKey && event.key === 'Tab') return false;
            commands[menu.index]?.run(editor, { from: menu.from, to: menu.to });
            return true;
          }
          default:
            return false;
        }
      },
    },
  });
}
