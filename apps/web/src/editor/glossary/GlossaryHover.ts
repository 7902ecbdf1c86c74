import type { GlossaryTerm } from '@lore/api';
import { Extension } from '@tiptap/core';
import { searchApi } from '../../search/searchApi';
import { glossaryPlugin, setGlossaryTerms } from './glossaryPlugin';
import './glossary.css';

export interface GlossaryHoverOptions {
  /** Where the terms come from; the workspace glossary by default. */
  loadTerms(): Promise<readonly GlossaryTerm[]>;
}

const loadWorkspaceGlossary = async () => (await searchApi.listGlossary()).terms;

/**
 * Underlines workspace glossary terms in the page body and shows their meaning on hover, on
 * focus (read-only pages) or with the caret inside. Decorations only: the document is never
 * changed, so collaborators and history see nothing of it. Terms load once the editor exists;
 * a failure leaves the page as it is.
 */
export const GlossaryHover = Extension.create<GlossaryHoverOptions>({
  name: 'glossaryHover',

  addOptions() {
    return { loadTerms: loadWorkspaceGlossary };
  },

  addProseMirrorPlugins() {
    const tooltipId = `glossary-tooltip-${Math.random().toString(36).slice(2, 10)}`;
    // The view does not exist yet, so ask the options; PageBody never toggles editability.
    return [glossaryPlugin({ focusable: this.editor.options.editable === false, tooltipId })];
  },

  onCreate() {
    const editor = this.editor;
    this.options.loadTerms().then(
      (terms) => {
        if (editor.isDestroyed || terms.length === 0) return;
        editor.view.dispatch(setGlossaryTerms(editor.state.tr, terms));
      },
      () => {
        // Without the glossary the page simply shows no underlines.
      },
    );
  },
});
