import type { Link, Nodes, Parents, Root, Text } from 'mdast';
import { defaultHandlers, type Handle, type Handlers, type Unsafe } from 'mdast-util-to-markdown';
import { linkAsBareURL } from './linkAsBareURL';

/** Constructs where `&` would start a character reference (same list as the default rule). */
const REFERENCE_CONSTRUCTS: Unsafe['inConstruct'] = [
  'codeFencedLangGraveAccent',
  'codeFencedLangTilde',
  'codeFencedMetaGraveAccent',
  'codeFencedMetaTilde',
  'destinationLiteral',
  'destinationRaw',
  'phrasing',
  'titleApostrophe',
  'titleQuote',
];

/**
 * Escapes only where the character would really start something, instead of the library's
 * blanket rules: `&` only before what reads as a character reference, `#` at a line start
 * only when it would open a heading, `~` at a line start only as a fence, `[` at a line start
 * only when it would open a definition.
 */
const PRECISE_RULES: Unsafe[] = [
  {
    character: '&',
    after: '(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});',
    inConstruct: REFERENCE_CONSTRUCTS,
  },
  { atBreak: true, character: '#', after: '#{0,5}(?:[ \\t\\r\\n]|$)' },
  { atBreak: true, character: '~', after: '~~' },
  { atBreak: true, character: '[', after: '(?:[^\\]\\\\]|\\\\.)*\\]:' },
  { atBreak: true, character: '[', after: '[ xX]\\](?:[ \\t]|$)' },
];

function isInPhrasing(rule: Unsafe): boolean {
  return rule.inConstruct === 'phrasing';
}

/** Rules for `[`/`![` in text: needed only where a `](` could turn text into a link. */
function isBracketRule(rule: Unsafe): boolean {
  return (rule.character === '[' || rule.character === '!') && isInPhrasing(rule);
}

/** Rule for `~` in text: needed only where a second `~` could close a strikethrough. */
function isTildeRule(rule: Unsafe): boolean {
  return rule.character === '~' && isInPhrasing(rule);
}

function isReplacedRule(rule: Unsafe): boolean {
  return (
    rule.character === '&' ||
    (rule.atBreak === true &&
      (rule.character === '#' || rule.character === '~' || rule.character === '[')) ||
    isBracketRule(rule) ||
    isTildeRule(rule)
  );
}

interface TextRisk {
  brackets: boolean;
  tildes: boolean;
}

const PHRASING_ROOTS = new Set(['paragraph', 'heading', 'tableCell']);

/** Decides, per paragraph, which escapes its text needs, from all text of that paragraph. */
function assessTextRisks(tree: Root): WeakMap<Text, TextRisk> {
  const risks = new WeakMap<Text, TextRisk>();
  const visit = (node: Nodes): void => {
    if (PHRASING_ROOTS.has(node.type)) {
      const texts: Text[] = [];
      let joined = '';
      const collect = (child: Nodes): void => {
        if (child.type === 'text') {
          texts.push(child);
          joined += child.value;
        } else if ('children' in child) {
          for (const grandchild of child.children) collect(grandchild as Nodes);
        } else {
          joined += ' ';
        }
      };
      collect(node);
      const risk = { brackets: /\]\s*[([]/.test(joined), tildes: /~[\s\S]*~/.test(joined) };
      for (const text of texts) risks.set(text, risk);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return risks;
}

/** The characters that follow a node in the output, as far as they can be known up front. */
function textAfter(node: Nodes, parent: Parents | undefined, fallback: string): string {
  if (parent === undefined) return fallback;
  const index = parent.children.indexOf(node as never);
  const next = parent.children[index + 1];
  if (next === undefined) return PHRASING_ROOTS.has(parent.type) ? '\n' : fallback;
  if (next.type !== 'text') return fallback;
  const rest = parent.children[index + 2];
  return next.value + (rest === undefined && PHRASING_ROOTS.has(parent.type) ? '\n' : '');
}

/**
 * Handlers that write Markdown the way people usually do: bare URLs for autolinks and no
 * escapes where none is needed, while staying exact (what is written reads back the same).
 * Created per document because the root handler assesses that document's paragraphs.
 */
export function houseStyleHandlers(): Partial<Handlers> {
  let risks = new WeakMap<Text, TextRisk>();
  let lists: Record<'base' | 'brackets' | 'tildes' | 'both', Unsafe[]> | undefined;

  const root: Handle = (node: Root, parent, state, info) => {
    risks = assessTextRisks(node);
    const base = [...state.unsafe.filter((rule) => !isReplacedRule(rule)), ...PRECISE_RULES];
    const brackets = state.unsafe.filter(isBracketRule);
    const tildes = state.unsafe.filter(isTildeRule);
    lists = {
      base,
      brackets: [...base, ...brackets],
      tildes: [...base, ...tildes],
      both: [...base, ...brackets, ...tildes],
    };
    state.unsafe = base;
    return defaultHandlers.root(node, parent, state, info);
  };

  const text: Handle = (node: Text, parent, state, info) => {
    const risk = risks.get(node) ?? { brackets: true, tildes: true };
    const previous = state.unsafe;
    if (lists) {
      const key = risk.brackets ? (risk.tildes ? 'both' : 'brackets') : risk.tildes ? 'tildes' : 'base';
      state.unsafe = lists[key];
    }
    try {
      return defaultHandlers.text(node, parent, state, info);
    } finally {
      state.unsafe = previous;
    }
  };

  const link: Handle = (node: Link, parent, state, info) => {
    const bare = linkAsBareURL(node, info.before, textAfter(node, parent, info.after));
    return bare ?? defaultHandlers.link(node, parent, state, info);
  };

  return { root, text, link };
}
