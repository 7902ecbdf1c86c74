import { canonicalJson, diffSequences, type JsonValue } from '@lore/core';
import {
  fitDocumentLimits,
  getSchema,
  type JSONContent,
  jsonToHTML,
  readLimits,
} from '@lore/schema';

/** Counts of what a diff inserted and deleted, in words (a block without text counts as one). */
export interface DiffStats {
  insertedWords: number;
  deletedWords: number;
}

/**
 * Marks for inserted and deleted runs, written into the text before rendering and turned into
 * elements after. They are private-use characters, so no schema rule touches them, and content
 * that happens to hold them has them replaced first.
 */
const mark = { insOpen: '\uE000', insClose: '\uE001', delOpen: '\uE002', delClose: '\uE003' };
const markPattern = /[\uE000-\uE003]/g;
const markTags: Record<string, string> = {
  [mark.insOpen]: '<ins class="lore-diff-ins">',
  [mark.insClose]: '</ins>',
  [mark.delOpen]: '<del class="lore-diff-del">',
  [mark.delClose]: '</del>',
};

type Change = 'ins' | 'del';
type Status = 'equal' | 'changed' | 'inserted' | 'deleted';

interface BlockDiff {
  readonly status: Status;
  readonly node: JSONContent;
}

interface Token {
  /** Equal keys mean equal tokens: text with its marks, or an inline node as a whole. */
  readonly key: string;
  readonly node: JSONContent;
  readonly word: boolean;
}

const wordPattern = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
const keyOf = (value: unknown) => canonicalJson(value as JsonValue);
const isTextblock = (type: string | undefined) =>
  type !== undefined && getSchema().nodes[type]?.isTextblock === true;

/**
 * A page body diff as sanitized HTML: top-level blocks that were added or removed are wrapped in
 * `<ins class="lore-diff-ins lore-diff-block">` / `<del class="lore-diff-del lore-diff-block">`;
 * inside changed blocks (also inside lists, tables, quotes) inserted and deleted text is wrapped
 * in `<ins class="lore-diff-ins">` / `<del class="lore-diff-del">`. Every block is rendered by
 * the page schema's own renderer, which escapes all content; the only markup added is these
 * fixed elements.
 */
export function richDiffHtml(
  from: JSONContent,
  to: JSONContent,
): { html: string; stats: DiffStats } {
  const stats: DiffStats = { insertedWords: 0, deletedWords: 0 };
  // Both sides within the depth limit first: everything below recurses over the tree.
  const [fromBody, toBody] = [from, to].map((side) =>
    scrub(fitDocumentLimits(side, readLimits).json),
  );
  const blocks = diffBlocks(
    childrenOf(fromBody as JSONContent),
    childrenOf(toBody as JSONContent),
    stats,
  );
  const html = blocks
    .map(({ status, node }) => {
      const rendered = renderBlocks([node]);
      if (status === 'inserted')
        return `<ins class="lore-diff-ins lore-diff-block">${rendered}</ins>`;
      if (status === 'deleted')
        return `<del class="lore-diff-del lore-diff-block">${rendered}</del>`;
      return rendered;
    })
    .join('');
  return { html, stats };
}

/** Two strings (e.g. titles) as inline HTML with inserted and deleted words marked. */
export function inlineDiffHtml(from: string, to: string): string {
  const paragraph = (text: string): JSONContent =>
    text === ''
      ? { type: 'paragraph' }
      : {
          type: 'paragraph',
          content: [{ type: 'text', text: text.replace(markPattern, '\uFFFD') }],
        };
  const merged = diffTextblock(paragraph(from), paragraph(to), {
    insertedWords: 0,
    deletedWords: 0,
  });
  return renderBlocks([merged]).replace(/^<p>|<\/p>$/g, '');
}

function renderBlocks(nodes: JSONContent[]): string {
  return (
    jsonToHTML({ type: 'doc', content: nodes })
      // Marks become tags only in text; inside a tag (an attribute value) one is inert text.
      .replace(/<[^>]*>|[^<]+/g, (piece) =>
        piece.startsWith('<')
          ? piece.replace(markPattern, '\uFFFD')
          : piece.replace(markPattern, (char) => markTags[char] ?? ''),
      )
      // Neighbouring runs of one kind read as one.
      .replaceAll(`</ins>${markTags[mark.insOpen]}`, '')
      .replaceAll(`</del>${markTags[mark.delOpen]}`, '')
      // Both sides' headings appear; their anchors would clash and mean nothing here.
      .replace(/(<h[1-6]) id="[^"]*"/g, '$1')
  );
}

const childrenOf = (node: JSONContent): JSONContent[] => node.content ?? [];

const scrubText = (value: string) => value.replace(markPattern, '\uFFFD');

/** String attribute values with the marks' characters replaced (they are never turned into tags there). */
function scrubAttrs(
  attrs: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (attrs === undefined) return undefined;
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    copy[name] = typeof value === 'string' ? scrubText(value) : value;
  }
  return copy;
}

/**
 * A copy whose text and attribute values (of nodes and marks) hold none of the diff's mark
 * characters: only those the diff itself writes into text become `<ins>`/`<del>`.
 */
function scrub(node: JSONContent): JSONContent {
  const copy: JSONContent = { ...node };
  if (typeof node.text === 'string') copy.text = scrubText(node.text);
  if (node.attrs) copy.attrs = scrubAttrs(node.attrs);
  if (node.marks)
    copy.marks = node.marks.map((mark) => ({ ...mark, attrs: scrubAttrs(mark.attrs) }));
  if (node.content) copy.content = node.content.map(scrub);
  return copy;
}

/** Blocks matched by identity, then changed neighbours paired and compared inside. */
function diffBlocks(from: JSONContent[], to: JSONContent[], stats: DiffStats): BlockDiff[] {
  const runs = diffSequences(from.map(keyOf), to.map(keyOf));
  const out: BlockDiff[] = [];
  let index = 0;
  while (index < runs.length) {
    const run = runs[index];
    if (run?.kind === 'equal') {
      for (let offset = 0; offset < run.length; offset++) {
        out.push({ status: 'equal', node: to[run.toIndex + offset] as JSONContent });
      }
      index++;
      continue;
    }
    const deleted: JSONContent[] = [];
    const inserted: JSONContent[] = [];
    while (index < runs.length && runs[index]?.kind !== 'equal') {
      const change = runs[index];
      if (change?.kind === 'delete') {
        deleted.push(...from.slice(change.fromIndex, change.fromIndex + change.length));
      } else if (change?.kind === 'insert') {
        inserted.push(...to.slice(change.toIndex, change.toIndex + change.length));
      }
      index++;
    }
    out.push(...pairChanged(deleted, inserted, stats));
  }
  return out;
}

/**
 * Within a stretch of removed and added blocks, a removed block and a later added one of the
 * same kind are shown as one changed block (an edited paragraph, a list with an item added);
 * the rest as removed and added, in document order.
 */
function pairChanged(
  deleted: readonly JSONContent[],
  inserted: readonly JSONContent[],
  stats: DiffStats,
): BlockDiff[] {
  const out: BlockDiff[] = [];
  let next = 0;
  for (const before of deleted) {
    let match = -1;
    for (let candidate = next; candidate < inserted.length; candidate++) {
      if (comparable(before, inserted[candidate] as JSONContent)) {
        match = candidate;
        break;
      }
    }
    if (match < 0) {
      stats.deletedWords += wordCount(before);
      out.push({ status: 'deleted', node: before });
      continue;
    }
    for (const added of inserted.slice(next, match)) {
      stats.insertedWords += wordCount(added);
      out.push({ status: 'inserted', node: added });
    }
    out.push({
      status: 'changed',
      node: mergeBlock(before, inserted[match] as JSONContent, stats),
    });
    next = match + 1;
  }
  for (const added of inserted.slice(next)) {
    stats.insertedWords += wordCount(added);
    out.push({ status: 'inserted', node: added });
  }
  return out;
}

function comparable(before: JSONContent, after: JSONContent): boolean {
  if (before.type !== after.type) return false;
  const { id: _beforeId, ...beforeAttrs } = before.attrs ?? {};
  const { id: _afterId, ...afterAttrs } = after.attrs ?? {};
  if (keyOf(beforeAttrs) !== keyOf(afterAttrs)) return false;
  if (!isTextblock(before.type)) return Boolean(before.content && after.content);
  const a = words(before);
  const b = words(after);
  // Short blocks (a cell, a one-word line) are best shown as edited in place.
  if (Math.min(a.length, b.length) <= 3) return true;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(word, count - 1);
    }
  }
  // Unrelated paragraphs read better as one removed and one added than as a word salad.
  return (2 * shared) / (a.length + b.length) >= 0.4;
}

function mergeBlock(before: JSONContent, after: JSONContent, stats: DiffStats): JSONContent {
  if (isTextblock(after.type)) return diffTextblock(before, after, stats);
  const children = diffBlocks(childrenOf(before), childrenOf(after), stats).flatMap(
    ({ status, node }) =>
      status === 'inserted'
        ? [markAll(node, 'ins')]
        : status === 'deleted'
          ? [markAll(node, 'del')]
          : [node],
  );
  return { ...after, content: children };
}

function diffTextblock(before: JSONContent, after: JSONContent, stats: DiffStats): JSONContent {
  const a = tokens(before);
  const b = tokens(after);
  const runs = diffSequences(a, b, { equals: (x, y) => x.key === y.key });
  const content: JSONContent[] = [];
  for (const run of runs) {
    if (run.kind === 'equal') {
      for (const token of b.slice(run.toIndex, run.toIndex + run.length)) content.push(token.node);
    } else if (run.kind === 'delete') {
      const removed = a.slice(run.fromIndex, run.fromIndex + run.length);
      stats.deletedWords += removed.filter((token) => token.word).length;
      for (const token of removed) content.push(...wrapInline(token.node, 'del'));
    } else {
      const added = b.slice(run.toIndex, run.toIndex + run.length);
      stats.insertedWords += added.filter((token) => token.word).length;
      for (const token of added) content.push(...wrapInline(token.node, 'ins'));
    }
  }
  const merged: JSONContent = { ...after };
  if (content.length > 0) merged.content = content;
  else delete merged.content;
  return merged;
}

function tokens(block: JSONContent): Token[] {
  const out: Token[] = [];
  for (const node of childrenOf(block)) {
    if (node.type !== 'text' || typeof node.text !== 'string') {
      out.push({ key: keyOf(node), node, word: true });
      continue;
    }
    const marks = keyOf(node.marks ?? []);
    for (const piece of node.text.match(wordPattern) ?? []) {
      out.push({
        key: `${marks}\u0000${piece}`,
        node: { ...node, text: piece },
        word: /[\p{L}\p{N}_]/u.test(piece),
      });
    }
  }
  return out;
}

/** An inline node inside change marks, which stay within its marks so elements nest. */
function wrapInline(node: JSONContent, change: Change): JSONContent[] {
  const open = change === 'ins' ? mark.insOpen : mark.delOpen;
  const close = change === 'ins' ? mark.insClose : mark.delClose;
  if (node.type === 'text' && typeof node.text === 'string') {
    return [{ ...node, text: `${open}${node.text}${close}` }];
  }
  const marks = node.marks ? { marks: node.marks } : {};
  return [{ type: 'text', text: open, ...marks }, node, { type: 'text', text: close, ...marks }];
}

/** A whole block added or removed inside a changed one: all its text is marked. */
function markAll(node: JSONContent, change: Change): JSONContent {
  if (!node.content) return node;
  if (isTextblock(node.type)) {
    return { ...node, content: node.content.flatMap((child) => wrapInline(child, change)) };
  }
  return { ...node, content: node.content.map((child) => markAll(child, change)) };
}

function words(node: JSONContent): string[] {
  if (node.type === 'text') return (node.text ?? '').match(/[\p{L}\p{N}_]+/gu) ?? [];
  return childrenOf(node).flatMap(words);
}

function wordCount(node: JSONContent): number {
  return Math.max(1, words(node).length);
}
