import type { Editor } from '@tiptap/core';
import type { PluginKey } from '@tiptap/pm/state';
import { useEffect, useState } from 'react';
import type { SuggestionMenuState } from './SuggestionMenuState';

/**
 * The state of the menu plugin under `key`, kept up to date with the editor; null when the menu
 * is not active or the editor does not have the focus.
 */
export function useSuggestionMenu<State extends SuggestionMenuState>(
  editor: Editor,
  key: PluginKey<State>,
): State | null {
  const [menu, setMenu] = useState<State | null>(null);

  useEffect(() => {
    const update = () => {
      const state = key.getState(editor.state);
      setMenu(state?.active && editor.view.hasFocus() ? state : null);
    };
    update();
    editor.on('transaction', update);
    editor.on('focus', update);
    editor.on('blur', update);
    return () => {
      editor.off('transaction', update);
      editor.off('focus', update);
      editor.off('blur', update);
    };
  }, [editor, key]);

  return menu;
}
