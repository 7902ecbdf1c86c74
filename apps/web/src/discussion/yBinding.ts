import type { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** What the collaboration plugin binds: the Y.Doc, the body fragment and the node mapping. */
export interface YBinding {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  // biome-ignore lint/suspicious/noExplicitAny: y-prosemirror types its mapping loosely.
  readonly mapping: any;
}

/** The editor's Yjs binding, or null before the collaboration plugin has set up. */
export function yBindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: unknown } | null }
    | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}
