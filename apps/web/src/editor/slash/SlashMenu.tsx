import type { Editor } from '@tiptap/core';
import { SuggestionList } from '../suggestions/SuggestionList';
import { useSuggestionMenu } from '../suggestions/useSuggestionMenu';
import { filterSlashCommands } from './slashCommands';
import { slashMenuKey, slashMenuMeta } from './slashMenuPlugin';

interface SlashMenuProps {
  editor: Editor;
  /** Must be the `listboxId` the editor's `SlashMenuExtension` was configured with. */
  listboxId: string;
}

/** The list the slash menu shows beside the caret; the editor keeps the keyboard focus. */
export function SlashMenu({ editor, listboxId }: SlashMenuProps) {
  const menu = useSuggestionMenu(editor, slashMenuKey);
  const commands = menu ? filterSlashCommands(menu.query) : [];
  if (!menu || commands.length === 0) return null;

  return (
    <SuggestionList
      editor={editor}
      listboxId={listboxId}
      label="Insert a block"
      className="slash-menu"
      menu={menu}
      items={commands}
      width={300}
      height={320}
      itemKey={(command) => command.id}
      view={(command) => ({
        glyph: command.glyph,
        label: command.label,
        description: command.description,
      })}
      onHighlight={(index) =>
        editor.view.dispatch(slashMenuMeta(editor.state.tr, { type: 'move', index }))
      }
      onChoose={(command) => command.run(editor, { from: menu.from, to: menu.to })}
    />
  );
}
