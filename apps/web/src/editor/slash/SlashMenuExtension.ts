import { Extension } from '@tiptap/core';
import { slashMenuPlugin } from './slashMenuPlugin';

export interface SlashMenuOptions {
  /** Id of the listbox the menu renders; set it to the id the `SlashMenu` component uses. */
  listboxId: string;
}

/** Typing `/` opens a menu of blocks to insert (see `slashMenuPlugin`). Editor-only. */
export const SlashMenuExtension = Extension.create<SlashMenuOptions>({
  name: 'slashMenu',

  addOptions() {
    return { listboxId: 'slash-menu' };
  },

  addProseMirrorPlugins() {
    return [slashMenuPlugin({ editor: this.editor, listboxId: this.options.listboxId })];
  },
});
