import type { Nodes, Parents, Root, Text } from 'mdast';

/** Which characters of a paragraph's text need escapes to stay literal. */
export interface TextRisk {
  /** `[`/`![`: only when a `](` could turn text into a link. */
  brackets: boolean;
  /** `~`: only when two runs could pair into a strikethrough. */
  tildes: boolean;
}

/** Escape everything: for text whose surroundings were not assessed. */
export const FULL_RISK: TextRisk = { brackets: true, tildes: true };

const PHRASING_ROOTS = new Set(['paragraph', 'heading', 'tableCell']);

const isSpace = (char: string): boolean => char === '' || /\s/u.test(char);
const isPunctuation = (char: string): boolean => /[\p{P}\p{S}]/u.test(char);

interface Leaf {
  text: Text;
  /** Text is the first/last thing written in its paragraph (a line edge). */
  atStart: boolean;
  atEnd: boolean;
}

/**
 * Whether `~` runs in these texts could form a strikethrough, by the flanking rules of
 * emphasis. (`*` and `_` keep the library's escapes: the handbooks we import escape them too.)
 */
function tildeRisk(leaves: readonly Leaf[], strikethroughPresent: boolean): boolean {
  let openerSeen = false;
  for (const { text, atStart, atEnd } of leaves) {
    for (const match of text.value.matchAll(/~+/g)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // Three or more tildes never form a strikethrough.
      if (match[0].length > 2) continue;
      // Next to other syntax the neighbours are unknown: the run may join the `~~` of a
      // strikethrough, or open or close against another run.
      const unknown = (start === 0 && !atStart) || (end === text.value.length && !atEnd);
      if (unknown && strikethroughPresent) return true;
      const before = text.value.charAt(start - 1);
      const after = text.value.charAt(end);
      const canOpen =
        unknown ||
        (!isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before)));
      const canClose =
        unknown ||
        (!isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after)));
      if ((canOpen || canClose) && strikethroughPresent) return true;
      if (canClose && openerSeen) return true;
      if (canOpen) openerSeen = true;
    }
  }
  return false;
}

function assessPhrasing(root: Parents): { texts: Text[]; risk: TextRisk } {
  const leaves: Leaf[] = [];
  const containers = new Set<string>();
  let joined = '';
  const collect = (node: Nodes, parent: Parents): void => {
    if (node.type === 'text') {
      leaves.push({ text: node, atStart: false, atEnd: false });
      joined += node.value;
      (leaves[leaves.length - 1] as Leaf).atStart = parent === root && parent.children[0] === node;
      (leaves[leaves.length - 1] as Leaf).atEnd =
        parent === root && parent.children[parent.children.length - 1] === node;
    } else if ('children' in node) {
      containers.add(node.type);
      for (const child of node.children) collect(child as Nodes, node);
    } else {
      joined += ' ';
    }
  };
  for (const child of root.children) collect(child as Nodes, root);
  const risk: TextRisk = {
    brackets: joined.includes(']('),
    tildes: tildeRisk(leaves, containers.has('delete')),
  };
  return { texts: leaves.map((leaf) => leaf.text), risk };
}

/**
 * Decides, per paragraph, heading or table cell, which escapes its text needs, looking at all
 * text of it at once. The library escapes every `[` and `~`; most of those escapes are noise
 * in documents that people also read as plain text.
 */
export function assessTextRisks(tree: Root): WeakMap<Text, TextRisk> {
  const risks = new WeakMap<Text, TextRisk>();
  const visit = (node: Nodes): void => {
    if (PHRASING_ROOTS.has(node.type) && 'children' in node) {
      const { texts, risk } = assessPhrasing(node);
      for (const text of texts) risks.set(text, risk);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return risks;
}
