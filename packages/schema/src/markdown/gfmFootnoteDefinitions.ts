import type MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';

/** `[^label]:`; the label has no whitespace and no unescaped brackets. */
const LABEL = /^\[\^((?:\\[[\]\\]|[^\s[\]])+)\]:/;
const MAX_LABEL_LENGTH = 999;

/** What {@link gfmFootnoteDefinitions} leaves in the `meta` of `footnote_definition_open`. */
export interface FootnoteDefinitionMeta {
  label: string;
}

function footnoteDefinition(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  const sCount = state.sCount[startLine] ?? 0;
  const bMark = state.bMarks[startLine] ?? 0;
  const tShift = state.tShift[startLine] ?? 0;
  if (sCount - state.blkIndent >= 4) return false;
  const start = bMark + tShift;
  if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e) {
    return false;
  }
  const match = LABEL.exec(state.src.slice(start, state.eMarks[startLine]));
  const label = match?.[1];
  if (!match || label === undefined || label.length > MAX_LABEL_LENGTH) return false;
  if (silent) return true;

  const open = state.push('footnote_definition_open', '', 1);
  open.meta = { label } satisfies FootnoteDefinitionMeta;

  // The definition's content starts after the colon and its spaces, and continues on lines
  // indented by four columns, like a list item's.
  const afterColon = start + match[0].length;
  const columnAfterColon = sCount + match[0].length;
  let pos = afterColon;
  let column = columnAfterColon;
  while (pos < (state.eMarks[startLine] ?? 0)) {
    const code = state.src.charCodeAt(pos);
    if (code === 0x09) column += 4 - (column % 4);
    else if (code === 0x20) column++;
    else break;
    pos++;
  }
  state.bMarks[startLine] = afterColon;
  state.tShift[startLine] = pos - afterColon;
  state.sCount[startLine] = column - columnAfterColon;
  state.blkIndent += 4;
  if ((state.sCount[startLine] ?? 0) < state.blkIndent) {
    state.sCount[startLine] = (state.sCount[startLine] ?? 0) + state.blkIndent;
  }
  state.md.block.tokenize(state, startLine, endLine);
  state.blkIndent -= 4;
  state.bMarks[startLine] = bMark;
  state.tShift[startLine] = tShift;
  state.sCount[startLine] = sCount;

  state.push('footnote_definition_close', '', -1);
  return true;
}

/**
 * GitHub footnote definitions (`[^label]: text`, continued by indented lines) as
 * `footnote_definition_open`/`_close` around their blocks, where they are written. References
 * (`[^label]`) stay text: that is how the page shows them.
 */
export function gfmFootnoteDefinitions(md: MarkdownIt): void {
  md.block.ruler.before('reference', 'gfm_footnote_definition', footnoteDefinition, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
