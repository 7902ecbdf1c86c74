import type { GlossaryTerm } from '@lore/api';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { GlossaryMatcher } from '../../search/GlossaryMatcher';

/** The class on every underlined term; the tooltip finds terms by it. */
export const glossaryTermClass = 'glossary-term';

export interface GlossaryDecorationOptions {
  /** Read-only pages make terms focusable, so keyboard users can reach the tooltip. */
  focusable: boolean;
  /** The tooltip element's id, which focusable terms name as their description. */
  tooltipId: string;
}

/** Decorations for the glossary terms in the textblocks of `doc` between `from` and `to`. */
export function glossaryDecorations(
  doc: ProseMirrorNode,
  matcher: GlossaryMatcher<GlossaryTerm>,
  options: GlossaryDecorationOptions,
  from = 0,
  to = doc.content.size,
): Decoration[] {
  if (matcher.empty) return [];
  const decorations: Decoration[] = [];
  const codeMark = doc.type.schema.marks.code;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    if (node.type.spec.code) return false;
    // One character per inline leaf, so string indexes are offsets into the block.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    for (const match of matcher.find(text)) {
      const start = pos + 1 + match.from;
      const end = pos + 1 + match.to;
      if (codeMark && doc.rangeHasMark(start, end, codeMark)) continue;
      decorations.push(
        Decoration.inline(
          start,
          end,
          {
            class: glossaryTermClass,
            'data-glossary-id': match.entry.id,
            ...(options.focusable ? { tabindex: '0', 'aria-describedby': options.tooltipId } : {}),
          },
          { glossaryId: match.entry.id },
        ),
      );
    }
    return false;
  });
  return decorations;
}

/** The whole document's glossary decorations. */
export function glossaryDecorationSet(
  doc: ProseMirrorNode,
  matcher: GlossaryMatcher<GlossaryTerm>,
  options: GlossaryDecorationOptions,
): DecorationSet {
  return DecorationSet.create(doc, glossaryDecorations(doc, matcher, options));
}
