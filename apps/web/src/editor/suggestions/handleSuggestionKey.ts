import type { SuggestionMenuState } from './SuggestionMenuState';

/** What the keyboard asks of an open menu of suggestions. */
export interface SuggestionKeyActions<Item> {
  /** Highlights the suggestion at `index` (wrapped by the plugin's state). */
  move(index: number): void;
  dismiss(): void;
  choose(item: Item, range: { from: number; to: number }): void;
}

/**
 * The keys of a menu opened by typing, while the editor keeps the focus: Escape closes it; with
 * suggestions on offer, arrows move, Enter or Tab take the highlighted one. Returns whether the
 * key was the menu's (and so must not reach the text).
 */
export function handleSuggestionKey<Item>(
  event: KeyboardEvent,
  menu: SuggestionMenuState | undefined,
  items: readonly Item[],
  actions: SuggestionKeyActions<Item>,
): boolean {
  if (!menu?.active || event.isComposing) return false;
  if (event.key === 'Escape') {
    actions.dismiss();
    return true;
  }
  if (items.length === 0) return false;
  switch (event.key) {
    case 'ArrowDown':
      actions.move(menu.index + 1);
      return true;
    case 'ArrowUp':
      actions.move(menu.index - 1);
      return true;
    case 'Enter':
    case 'Tab': {
      if (event.shiftKey && event.key === 'Tab') return false;
      const item = items[menu.index];
      if (item === undefined) return false;
      actions.choose(item, { from: menu.from, to: menu.to });
      return true;
    }
    default:
      return false;
  }
}
