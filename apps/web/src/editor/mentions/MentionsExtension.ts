import { Extension } from '@tiptap/core';
import type { MentionablePerson } from '../../discussion/discussionApi';
import { insertMention, mentionMenuPlugin } from './mentionMenuPlugin';

export interface MentionsOptions {
  /** Id of the listbox the `@` menu renders; set it to the id `MentionMenu` uses. */
  listboxId: string;
  /** Told after a person was mentioned (the menu warns when they cannot read the page). */
  onMentioned(person: MentionablePerson): void;
}

/** Typing `@` opens a menu of people to mention (see `mentionMenuPlugin`). Editor-only. */
export const MentionsExtension = Extension.create<MentionsOptions>({
  name: 'pageMentions',

  addOptions() {
    return { listboxId: 'mention-menu', onMentioned: () => {} };
  },

  addProseMirrorPlugins() {
    return [
      mentionMenuPlugin({
        listboxId: this.options.listboxId,
        choose: (person, range) => {
          insertMention(this.editor, range, person);
          this.options.onMentioned(person);
        },
      }),
    ];
  },
});
