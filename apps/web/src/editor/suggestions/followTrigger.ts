import type { Transaction } from '@tiptap/pm/state';
import { insertedAt } from './insertedAt';
import { isRemoteChange } from './isRemoteChange';
import type { SuggestionMenuState } from './SuggestionMenuState';
import { wrapIndex } from './wrapIndex';

/** Instructions to a menu whose suggestions are looked up elsewhere and handed in as `results`. */
export type LookedUpSuggestionMeta<Item> =
  | { type: 'move'; index: number }
  | { type: 'dismiss' }
  | { type: 'results'; query: string; items: readonly Item[] };

/**
 * The next state of a menu that follows a typed trigger and the query after it, with
 * suggestions looked up elsewhere: null when the menu is closed. It opens only when the
 * trigger's character at `openedAt` was just typed (not next to an old trigger), keeps its
 * suggestions while the query is typed on until new `results` for that query arrive, and moves
 * the highlight as asked.
 */
export function followTrigger<Item>(
  tr: Transaction,
  previous: SuggestionMenuState,
  previousItems: readonly Item[],
  trigger: { from: number; to: number; query: string } | null,
  meta: LookedUpSuggestionMeta<Item> | undefined,
  openedAt: number,
): (SuggestionMenuState & { items: readonly Item[] }) | null {
  if (!trigger || meta?.type === 'dismiss') return null;
  const continued =
    previous.active && (isRemoteChange(tr) || tr.mapping.map(previous.from) === trigger.from);
  if (!continued && !(trigger.query === '' && insertedAt(tr, openedAt))) return null;
  let items = continued ? previousItems : [];
  let index = continued && previous.query === trigger.query ? previous.index : 0;
  if (meta?.type === 'results' && meta.query === trigger.query) {
    items = meta.items;
    index = 0;
  }
  if (meta?.type === 'move') index = meta.index;
  return { active: true, ...trigger, items, index: wrapIndex(index, items.length) };
}
