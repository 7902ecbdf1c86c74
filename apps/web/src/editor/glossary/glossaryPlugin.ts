import type { GlossaryTerm } from '@lore/api';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { GlossaryMatcher } from '../../search/GlossaryMatcher';
import { GlossaryTooltip } from './GlossaryTooltip';
import {
  type GlossaryDecorationOptions,
  glossaryDecorationSet,
  glossaryDecorations,
} from './glossaryDecorations';

export interface GlossaryPluginState {
  matcher: GlossaryMatcher<GlossaryTerm>;
  terms: ReadonlyMap<string, GlossaryTerm>;
  decorations: DecorationSet;
}

export const glossaryPluginKey = new PluginKey<GlossaryPluginState>('glossary');

/** Hands the plugin a new glossary (it starts with none). */
export function setGlossaryTerms(tr: Transaction, terms: readonly GlossaryTerm[]): Transaction {
  return tr.setMeta(glossaryPluginKey, { terms }).setMeta('addToHistory', false);
}

/** The document range a transaction's changes cover, in the new document. */
function changedRange(tr: Transaction): { from: number; to: number } | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, rest.map(newStart, -1));
      to = Math.max(to, rest.map(newEnd, 1));
    });
  });
  return from <= to ? { from, to } : null;
}

/**
 * Underlines glossary terms with decorations (the document never changes) and explains them in
 * a tooltip on hover, on keyboard focus (read-only pages) or when the caret is in one. Edits
 * re-scan only the textblocks they touched.
 */
export function glossaryPlugin(options: GlossaryDecorationOptions): Plugin<GlossaryPluginState> {
  return new Plugin<GlossaryPluginState>({
    key: glossaryPluginKey,
    state: {
      init: (_config, state) => {
        const matcher = new GlossaryMatcher<GlossaryTerm>([]);
        return {
          matcher,
          terms: new Map(),
          decorations: glossaryDecorationSet(state.doc, matcher, options),
        };
      },
      apply(tr, value) {
        const meta = tr.getMeta(glossaryPluginKey) as { terms: GlossaryTerm[] } | undefined;
        if (meta) {
          const matcher = new GlossaryMatcher(meta.terms);
          return {
            matcher,
            terms: new Map(meta.terms.map((term) => [term.id, term])),
            decorations: glossaryDecorationSet(tr.doc, matcher, options),
          };
        }
        if (!tr.docChanged) return value;
        const range = changedRange(tr);
        let decorations = value.decorations.map(tr.mapping, tr.doc);
        if (range) {
          // Widen to whole textblocks: a term may start before the edit and end after it.
          const start = tr.doc.resolve(Math.max(0, Math.min(range.from, tr.doc.content.size)));
          const end = tr.doc.resolve(Math.max(0, Math.min(range.to, tr.doc.content.size)));
          const from = start.depth > 0 ? start.before(1) : start.pos;
          const to = end.depth > 0 ? end.after(1) : end.pos;
          decorations = decorations
            .remove(decorations.find(from, to))
            .add(tr.doc, glossaryDecorations(tr.doc, value.matcher, options, from, to));
        }
        return { ...value, decorations };
      },
    },
    props: {
      decorations: (state) => glossaryPluginKey.getState(state)?.decorations,
    },
    view: (view) =>
      new GlossaryTooltip(view, options.tooltipId, {
        term: (id) => glossaryPluginKey.getState(view.state)?.terms.get(id),
        decorations: () => glossaryPluginKey.getState(view.state)?.decorations,
      }),
  });
}
