import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { discussionApi, type MentionablePerson } from '../../discussion/discussionApi';
import { SuggestionList } from '../suggestions/SuggestionList';
import { useSuggestionMenu } from '../suggestions/useSuggestionMenu';
import { insertMention, mentionMenuKey, mentionMenuMeta } from './mentionMenuPlugin';

interface MentionMenuProps {
  editor: Editor;
  pageId: string;
  /** Must be the `listboxId` the editor's `MentionsExtension` was configured with. */
  listboxId: string;
  onMentioned(person: MentionablePerson): void;
}

/** How long typing must pause before the server is asked. */
const askAfterMs = 120;

/**
 * The people the `@` menu offers beside the caret, those who can read the page first; the
 * editor keeps the keyboard focus.
 */
export function MentionMenu({ editor, pageId, listboxId, onMentioned }: MentionMenuProps) {
  const menu = useSuggestionMenu(editor, mentionMenuKey);
  const query = menu?.query ?? null;
  useEffect(() => {
    if (query === null) return;
    let current = true;
    const timer = setTimeout(() => {
      discussionApi.mentionable(pageId, query).then(
        (answer) => {
          const state = mentionMenuKey.getState(editor.state);
          if (!current || !state?.active || state.query !== query) return;
          editor.view.dispatch(
            mentionMenuMeta(editor.state.tr, { type: 'results', query, people: answer.people }),
          );
        },
        // Offline: nobody to offer; the typed text stays as it is.
        () => undefined,
      );
    }, askAfterMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [editor, pageId, query]);

  if (!menu || menu.people.length === 0) return null;
  return (
    <SuggestionList
      editor={editor}
      listboxId={listboxId}
      label="Mention someone"
      className="slash-menu mention-menu"
      menu={menu}
      items={menu.people}
      width={320}
      height={280}
      itemKey={(person) => person.id}
      view={(person) => ({
        glyph: '@',
        label: person.name,
        description: person.canRead ? person.email : `${person.email} · cannot read this page`,
      })}
      onHighlight={(index) =>
        editor.view.dispatch(mentionMenuMeta(editor.state.tr, { type: 'move', index }))
      }
      onChoose={(person) => {
        insertMention(editor, { from: menu.from, to: menu.to }, person);
        onMentioned(person);
      }}
    />
  );
}
