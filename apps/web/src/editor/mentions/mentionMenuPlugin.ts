import type { Editor } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { MentionablePerson } from '../../discussion/discussionApi';
import { activeOptionAttributes } from '../suggestions/activeOptionAttributes';
import { followTrigger } from '../suggestions/followTrigger';
import { handleSuggestionKey } from '../suggestions/handleSuggestionKey';
import type { SuggestionMenuState } from '../suggestions/SuggestionMenuState';

/** What the `@` menu is doing: where the typed `@query` is, the people offered, the choice. */
export interface MentionMenuState extends SuggestionMenuState {
  /** The people offered for `query` (filled in by the menu component). */
  people: readonly MentionablePerson[];
}

type MentionMenuMeta =
  | { type: 'move'; index: number }
  | { type: 'dismiss' }
  | { type: 'results'; query: string; people: readonly MentionablePerson[] };

export const mentionMenuKey = new PluginKey<MentionMenuState>('mentionMenu');

const inactive: MentionMenuState = {
  active: false,
  from: 0,
  to: 0,
  query: '',
  people: [],
  index: 0,
};

/** The `@` and name right before the caret: at the start of a text block or after a space. */
export function findMentionTrigger(
  state: EditorState,
): { from: number; to: number; query: string } | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $pos = selection.$from;
  if (!$pos.parent.isTextblock || $pos.parent.type.spec.code) return null;
  if ($pos.marks().some((mark) => mark.type.name === 'code')) return null;
  const before = $pos.parent.textBetween(0, $pos.parentOffset, undefined, '\ufffc');
  // A name may hold one space ("Ada Lo"), so first and last names both narrow the list.
  const match = /(?:^|\s)@([^\s@\ufffc]{0,30}(?: [^\s@\ufffc]{0,30})?)$/.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { from: $pos.pos - query.length - 1, to: $pos.pos, query };
}

/** Sends an instruction to the `@` menu's state. */
export function mentionMenuMeta(tr: Transaction, meta: MentionMenuMeta): Transaction {
  return tr.setMeta(mentionMenuKey, meta);
}

/** Replaces the typed `@query` with a mention of `person`, and a space. */
export function insertMention(
  editor: Editor,
  range: { from: number; to: number },
  person: Pick<MentionablePerson, 'id' | 'name'>,
): void {
  editor
    .chain()
    .focus()
    .insertContentAt(range, [
      { type: 'mention', attrs: { userId: person.id, label: person.name } },
      { type: 'text', text: ' ' },
    ])
    .run();
}

interface MentionMenuPluginOptions {
  /** Id of the listbox element, for `aria-controls`; options are `${listboxId}-<index>`. */
  listboxId: string;
  /** Inserts the mention of the chosen person (the component also checks who can read). */
  choose(person: MentionablePerson, range: { from: number; to: number }): void;
}

/**
 * Follows an `@` typed at the start of a text block or after a space and the name typed after
 * it, and drives the people menu from the keyboard: arrows move, Enter or Tab mention the
 * person, Escape closes. The people are looked up by the `MentionMenu` component.
 */
export function mentionMenuPlugin({ listboxId, choose }: MentionMenuPluginOptions): Plugin {
  return new Plugin<MentionMenuState>({
    key: mentionMenuKey,
    state: {
      init: () => inactive,
      apply(tr, previous, _oldState, newState) {
        const trigger = findMentionTrigger(newState);
        const meta = tr.getMeta(mentionMenuKey) as MentionMenuMeta | undefined;
        // Opens only when the `@` itself was just typed, not next to an old one.
        const next = followTrigger(
          tr,
          previous,
          previous.people,
          trigger,
          meta?.type === 'results' ? { ...meta, items: meta.people } : meta,
          (trigger?.from ?? 0) + 0,
        );
        if (!next) return inactive;
        const { items, ...menu } = next;
        return { ...menu, people: items };
      },
    },
    props: {
      attributes(state): Record<string, string> {
        const menu = mentionMenuKey.getState(state);
        if (!menu?.active || menu.people.length === 0) return {};
        return activeOptionAttributes(listboxId, menu.index);
      },
      handleKeyDown(view, event) {
        const menu = mentionMenuKey.getState(view.state);
        return handleSuggestionKey(event, menu, menu?.people ?? [], {
          move: (index) => view.dispatch(mentionMenuMeta(view.state.tr, { type: 'move', index })),
          dismiss: () => view.dispatch(mentionMenuMeta(view.state.tr, { type: 'dismiss' })),
          choose,
        });
      },
    },
  });
}
