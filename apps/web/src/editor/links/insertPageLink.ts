import type { Editor, Range } from '@tiptap/core';
import { displayTitle } from '../../spaces/displayTitle';

/** The href of a link to a page: its short id never changes, so renames and moves keep it. */
export function pageLinkHref(shortId: string, anchor?: string): string {
  return `/s/${shortId}${anchor ? `#${anchor}` : ''}`;
}

/** Replaces the typed `[[query` with a link to `page` titled with its title, and a space. */
export function insertPageLink(
  editor: Editor,
  range: Range,
  page: { shortId: string; title: string },
): void {
  editor
    .chain()
    .focus()
    .insertContentAt(range, [
      {
        type: 'text',
        text: displayTitle(page.title),
        marks: [{ type: 'link', attrs: { href: pageLinkHref(page.shortId) } }],
      },
      { type: 'text', text: ' ' },
    ])
    .unsetMark('link')
    .run();
}
