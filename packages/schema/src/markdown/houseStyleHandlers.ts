import type { Link, Nodes, Parents, Root, Text } from 'mdast';
import { defaultHandlers, type Handle, type Handlers, type Unsafe } from 'mdast-util-to-markdown';
import { assessTextRisks, FULL_RISK, type TextRisk } from './assessTextRisks';
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
  // A definition-like start is escaped, except `[^note]: text`: that reads back as a footnote,
  // which becomes that same text again.
  {
    atBreak: true,
    character: '[',
    after: String.raw`(?!\^[^\s\]\\]+\]: \S)(?:[^\]\\]|\\.)*\]:`,
  },
  { atBreak: true, character: '[', after: '[ xX]\\](?:[ \\t]|$)' },
];

function isInPhrasing(rule: Unsafe): boolean {
  const scope = rule.inConstruct;
  return scope === 'phrasing' || (Array.isArray(scope) && scope.includes('phrasing'));
}

/** Rules for `[`/`![` in text: needed only where a `](` could turn text into a link. */
function isBracketRule(rule: Unsafe): boolean {
  return (rule.character === '[' || rule.character === '!') && isInPhrasing(rule);
}

/** Rule for `~` in text: needed only where a second `~` could close a strikethrough. */
function isTildeRule(rule: Unsafe): boolean {
  return rule.character === '~' && isInPhrasing(rule);
}

/** Parentheses in a raw link destination need escapes only when unbalanced. */
function isDestinationParenRule(rule: Unsafe): boolean {
  return (
    (rule.character === '(' || rule.character === ')') && rule.inConstruct === 'destinationRaw'
  );
}

/**
 * `\@` does not keep an address from becoming a link: the GFM reader (mdast) finds addresses in
 * the text after escapes are resolved. The escape would only be noise, so `@` is written as is.
 */
function isEmailRule(rule: Unsafe): boolean {
  return rule.character === '@';
}

function isReplacedRule(rule: Unsafe): boolean {
  return (
    rule.character === '&' ||
    isEmailRule(rule) ||
    (rule.atBreak === true &&
      (rule.character === '#' || rule.character === '~' || rule.character === '[')) ||
    isBracketRule(rule) ||
    isTildeRule(rule)
  );
}

const PHRASING_ROOTS = new Set(['paragraph', 'heading', 'tableCell']);

/** What closes a phrasing container in the output, with the styles jsonToMarkdown uses. */
const CLOSERS: Record<string, string> = { strong: '**', emphasis: '_', delete: '~~' };

/** Stands for output that cannot be known up front; never ends a bare URL cleanly. */
const UNKNOWN = '\u0000';

function parentMap(tree: Root): WeakMap<Nodes, Parents> {
  const parents = new WeakMap<Nodes, Parents>();
  const visit = (node: Parents): void => {
    for (const child of node.children) {
      parents.set(child, node);
      if ('children' in child) visit(child);
    }
  };
  visit(tree);
  return parents;
}

/** The text that follows a node in the output, as far as it is certain. */
function following(node: Nodes, parents: WeakMap<Nodes, Parents>): string {
  const parent = parents.get(node);
  if (parent === undefined) return UNKNOWN;
  const index = parent.children.indexOf(node as never);
  const next = parent.children[index + 1];
  if (next === undefined) {
    if (PHRASING_ROOTS.has(parent.type)) return '\n';
    const closer = CLOSERS[parent.type];
    return closer === undefined ? UNKNOWN : closer + following(parent, parents);
  }
  if (next.type === 'text') {
    return /\s/.test(next.value) ? next.value : next.value + following(next, parents);
  }
  if (next.type === 'html' && next.value.startsWith('<')) return '<';
  return UNKNOWN;
}

function hasBalancedParens(url: string): boolean {
  let depth = 0;
  for (const char of url) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Handlers that write Markdown the way people usually do: bare URLs for autolinks and no
 * escapes where none is needed, while staying exact (what is written reads back the same).
 * Created per document because the root handler assesses that document's paragraphs.
 */
export function houseStyleHandlers(): Partial<Handlers> {
  let risks = new WeakMap<Text, TextRisk>();
  let parents = new WeakMap<Nodes, Parents>();
  let base: Unsafe[] = [];
  let conditional: Record<keyof TextRisk, Unsafe[]> | undefined;
  const lists = new Map<string, Unsafe[]>();
  let destinationParens: Unsafe[] = [];

  const root: Handle = (node: Root, parent, state, info) => {
    risks = assessTextRisks(node);
    parents = parentMap(node);
    base = [...state.unsafe.filter((rule) => !isReplacedRule(rule)), ...PRECISE_RULES];
    destinationParens = base.filter(isDestinationParenRule);
    conditional = {
      brackets: state.unsafe.filter(isBracketRule),
      tildes: state.unsafe.filter(isTildeRule),
    };
    lists.clear();
    state.unsafe = base;
    return defaultHandlers.root(node, parent, state, info);
  };

  const rulesFor = (risk: TextRisk): Unsafe[] => {
    const names = (Object.keys(risk) as (keyof TextRisk)[]).filter((name) => risk[name]);
    const key = names.join(',');
    let rules = lists.get(key);
    if (rules === undefined) {
      rules = [...base, ...names.flatMap((name) => conditional?.[name] ?? [])];
      lists.set(key, rules);
    }
    return rules;
  };

  const text: Handle = (node: Text, parent, state, info) => {
    const previous = state.unsafe;
    if (conditional) state.unsafe = rulesFor(risks.get(node) ?? FULL_RISK);
    try {
      return defaultHandlers.text(node, parent, state, info);
    } finally {
      state.unsafe = previous;
    }
  };

  const link: Handle = (node: Link, parent, state, info) => {
    const bare = linkAsBareURL(node, info.before, following(node, parents));
    if (bare !== null) return bare;
    if (!hasBalancedParens(node.url)) return defaultHandlers.link(node, parent, state, info);
    const previous = state.unsafe;
    state.unsafe = previous.filter((rule) => !destinationParens.includes(rule));
    try {
      return defaultHandlers.link(node, parent, state, info);
    } finally {
      state.unsafe = previous;
    }
  };

  return { root, text, link };
}
