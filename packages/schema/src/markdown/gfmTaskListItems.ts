import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';

/**
 * `[ ]`, `[x]` or `[X]` opening the first paragraph of a list item, followed by a line ending
 * or by whitespace and more text. The line ending, or else one space, after the box is part of
 * the marker.
 */
const TASK_MARKER = /^\[([ \t\nxX])\](?:[ \t]*\n[ \t]*|[ \t](?=[ \t]*[^ \t]))/;

/** What {@link gfmTaskListItems} leaves in the `meta` of a task's `list_item_open` token. */
export interface TaskListItemMeta {
  checked: boolean;
}

function markTaskListItems(state: StateCore): void {
  const tokens = state.tokens;
  for (let index = 0; index + 2 < tokens.length; index++) {
    if (tokens[index]?.type !== 'list_item_open') continue;
    const paragraph = tokens[index + 1];
    const inline = tokens[index + 2];
    if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    // Only a box on the item's first line makes a task: `-` alone, then `[ ]` below, is text.
    if (paragraph.map?.[0] !== tokens[index]?.map?.[0]) continue;
    const marker = TASK_MARKER.exec(inline.content);
    if (!marker) continue;
    const item = tokens[index] as NonNullable<(typeof tokens)[number]>;
    item.meta = { checked: marker[1] === 'x' || marker[1] === 'X' } satisfies TaskListItemMeta;
    inline.content = inline.content.slice(marker[0].length);
  }
}

/**
 * GitHub task list items: removes the box before inline parsing, so that `[x]` is never read
 * as a link, and records its state on the list item.
 */
export function gfmTaskListItems(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'gfm_task_list_items', markTaskListItems);
}
