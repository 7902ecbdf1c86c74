import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

function decorate(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'codeBlock') return true;
    const language = node.attrs.language;
    if (typeof language === 'string' && language !== '') {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-language': language }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Puts a code block's language on its `<pre>` as `data-language`, so the stylesheet can label
 * the block. Display only: nothing is stored.
 */
export const CodeBlockLanguageLabel = Extension.create({
  name: 'codeBlockLanguageLabel',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('codeBlockLanguageLabel'),
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc) : previous),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});
