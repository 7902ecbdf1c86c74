import { Extension } from '@tiptap/core';
import { pageLinkMenuPlugin } from './pageLinkMenuPlugin';

export interface PageLinksOptions {
  /** Id of the listbox the `[[` menu renders; set it to the id `PageLinks` uses. */
  listboxId: string;
}

/** Typing `[[` opens a menu of pages to link to (see `pageLinkMenuPlugin`). Editor-only. */
export const PageLinksExtension = Extension.create<PageLinksOptions>({
  name: 'pageLinks',

  addOptions() {
    return { listboxId: 'page-link-menu' };
  },

  addProseMirrorPlugins() {
    return [pageLinkMenuPlugin({ editor: this.editor, listboxId: this.options.listboxId })];
  },
});
