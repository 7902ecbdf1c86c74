import type { JSONContent } from '@tiptap/core';
import {
  type ContentMatch,
  Fragment,
  type Mark,
  type MarkType,
  type NodeType,
  type Node as PMNode,
  type Schema,
} from '@tiptap/pm/model';
import { checkAttributeValues } from './checkAttributeValues';
import { setHeadingIds } from './ensureHeadingIds';
import { isCalloutKind } from './extensions/Callout';
import { isMentionLabel, isMentionUserId } from './extensions/Mention';
import { getSchema } from './getSchema';
import { isAnnotationMark } from './isAnnotationMark';
import { isSafeImageSrc } from './isSafeImageSrc';
import { readLimits } from './limits/documentLimits';
import { fitDocumentLimits } from './limits/fitDocumentLimits';

type Attrs = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Attribute names per type: the schema is built once, and this runs for every node. */
const attrNames = new WeakMap<NodeType | MarkType, readonly string[]>();

/** Keeps only the attributes the type declares; the rest is silently dropped. */
function knownAttrs(type: NodeType | MarkType, raw: unknown): Attrs {
  const attrs: Attrs = {};
  if (!isRecord(raw)) return attrs;
  let names = attrNames.get(type);
  if (names === undefined) {
    names = Object.keys(type.spec.attrs ?? {});
    attrNames.set(type, names);
  }
  for (const name of names) {
    if (raw[name] !== undefined) attrs[name] = raw[name];
  }
  return attrs;
}

function buildMarks(schema: Schema, raw: unknown): readonly Mark[] {
  if (!Array.isArray(raw)) return [];
  let marks: readonly Mark[] = [];
  for (const item of raw) {
    if (!isRecord(item) || typeof item.type !== 'string') continue;
    const type = schema.marks[item.type];
    if (type === undefined || isAnnotationMark(type.name)) continue;
    try {
      const mark = type.create(knownAttrs(type, item.attrs));
      if (checkAttributeValues(mark) === null) marks = mark.addToSet(marks);
    } catch {
      // A mark whose attributes cannot be built is dropped; the text stays.
    }
  }
  return marks;
}

/** Where {@link fitContent} is in filling one node: what it kept and what may come next. */
interface Fitting {
  readonly schema: Schema;
  readonly type: NodeType;
  readonly fitted: PMNode[];
  match: ContentMatch;
}

/*
 * The steps of fitContent are module functions over a `Fitting` rather than closures: they run
 * for every node of every document read or written, and named closures made per call are slow
 * under the TypeScript runtime, which wraps each one to keep its name.
 */
function pushFitted(state: Fitting, candidate: PMNode): void {
  const { schema, type, fitted } = state;
  let node = candidate;
  if (node.isInline && type.inlineContent) {
    const marks = node.marks.filter((mark) => type.allowsMarkType(mark.type));
    if (marks.length !== node.marks.length) node = node.mark(marks);
    if (state.match.matchType(node.type) === null && !node.isText) {
      // An inline node this block cannot hold (an image in code): keep what it says.
      const text =
        node.type.name === 'hardBreak' ? '\n' : String(node.attrs.alt ?? node.textContent);
      if (text !== '') pushFitted(state, schema.text(text, marks));
      return;
    }
  }
  const next = state.match.matchType(node.type);
  if (next !== null && type.allowsMarks(node.marks)) {
    fitted.push(node);
    state.match = next;
    return;
  }
  // Required content missing before it (a list item starting with code): fill it in.
  const filler = state.match.fillBefore(Fragment.from(node));
  const afterFill =
    filler === null ? null : state.match.matchFragment(filler)?.matchType(node.type);
  if (filler !== null && afterFill) {
    for (let i = 0; i < filler.childCount; i++) fitted.push(filler.child(i));
    fitted.push(node);
    state.match = afterFill;
    return;
  }
  const wrapping = state.match.findWrapping(node.type);
  if (wrapping !== null && wrapping.length > 0) {
    let wrapped: PMNode | null = node;
    for (let i = wrapping.length - 1; i >= 0 && wrapped !== null; i--) {
      wrapped = wrapping[i]?.createAndFill(null, wrapped) ?? null;
    }
    const afterWrap = wrapped === null ? null : state.match.matchType(wrapped.type);
    if (wrapped !== null && afterWrap !== null) {
      fitted.push(wrapped);
      state.match = afterWrap;
      return;
    }
  }
  if (!node.isInline && type.inlineContent) {
    // A block where text belongs (a paragraph inside a heading): keep its text.
    for (let i = 0; i < node.childCount; i++) pushFitted(state, node.child(i));
    return;
  }
  if (!node.isInline && !node.isTextblock && node.childCount > 0) {
    // A container that does not fit here (a list item outside a list): lift its children.
    for (let i = 0; i < node.childCount; i++) pushFitted(state, node.child(i));
  }
}

/** Inline content found where blocks belong goes into a paragraph of its own. */
function pushParagraph(state: Fitting, inline: readonly PMNode[]): void {
  const { schema } = state;
  const type = schema.nodes.paragraph;
  const paragraph = type ? createFitted(type, null, fitContent(schema, type, inline), []) : null;
  if (paragraph) pushFitted(state, paragraph);
}

/**
 * A node of fitted content, with what its content expression still requires added at the end
 * (`createAndFill` without matching the content again), or null when that cannot be made.
 */
function createFitted(
  type: NodeType,
  attrs: Attrs | null,
  fitting: Fitting,
  marks: readonly Mark[],
): PMNode | null {
  const end = fitting.match.fillBefore(Fragment.empty, true);
  if (end === null) return null;
  return type.create(attrs, Fragment.from(fitting.fitted).append(end), marks);
}

/** Fits children into a node type's content expression, repairing what it can. */
function fitContent(schema: Schema, type: NodeType, children: readonly PMNode[]): Fitting {
  const state: Fitting = { schema, type, fitted: [], match: type.contentMatch };
  let pendingInline: PMNode[] = [];
  for (const child of children) {
    if (child.isInline && !type.inlineContent) {
      pendingInline.push(child);
      continue;
    }
    if (pendingInline.length > 0) {
      pushParagraph(state, pendingInline);
      pendingInline = [];
    }
    pushFitted(state, child);
  }
  if (pendingInline.length > 0) pushParagraph(state, pendingInline);
  return state;
}

/** Brings attribute values back within the rules of {@link checkAttributeValues}. */
function repairAttrs(typeName: string, attrs: Attrs): Attrs {
  switch (typeName) {
    case 'heading': {
      const level = Number(attrs.level);
      return { ...attrs, level: Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1 };
    }
    case 'callout':
      return isCalloutKind(attrs.kind) ? attrs : { ...attrs, kind: 'info' };
    case 'taskItem':
      return { ...attrs, checked: attrs.checked === true };
    case 'codeBlock':
      return typeof attrs.language === 'string' ? attrs : { ...attrs, language: null };
    case 'image':
      // An empty description and no description mean the same; keep one spelling.
      return { ...attrs, alt: attrs.alt || null, title: attrs.title || null };
    default:
      return attrs;
  }
}

function buildChildren(schema: Schema, raw: Record<string, unknown>): PMNode[] {
  const children: PMNode[] = [];
  if (Array.isArray(raw.content)) {
    for (const child of raw.content) buildNodes(schema, child, children);
  }
  return children;
}

function pushAll(out: PMNode[], nodes: readonly PMNode[]): void {
  for (const node of nodes) out.push(node);
}

/** Appends to `out` the nodes a JSON node becomes: none, itself, or what it held. */
function buildNodes(schema: Schema, raw: unknown, out: PMNode[]): void {
  if (!isRecord(raw) || typeof raw.type !== 'string') return;
  if (raw.type === 'text') {
    if (typeof raw.text === 'string' && raw.text !== '') {
      out.push(schema.text(raw.text, buildMarks(schema, raw.marks)));
    }
    return;
  }
  const children = buildChildren(schema, raw);
  const type = schema.nodes[raw.type];
  if (type === undefined || type === schema.topNodeType) {
    pushAll(out, children);
    return;
  }
  // A table or row without cells cannot be shown or edited; there is nothing in it to keep.
  if ((type.name === 'table' || type.name === 'tableRow') && children.length === 0) return;
  const attrs = repairAttrs(type.name, knownAttrs(type, raw.attrs));
  const marks = type.isInline ? buildMarks(schema, raw.marks) : [];
  if (type.name === 'image' && !isSafeImageSrc(attrs.src)) {
    // An image that may not be shown still says something: keep its description.
    if (typeof attrs.alt === 'string' && attrs.alt !== '') out.push(schema.text(attrs.alt, marks));
    return;
  }
  if (type.name === 'mention' && !(isMentionUserId(attrs.userId) && isMentionLabel(attrs.label))) {
    // A mention of no one that can be named: keep what it read as.
    if (isMentionLabel(attrs.label)) out.push(schema.text(`@${attrs.label}`, marks));
    return;
  }
  try {
    const node = createFitted(type, attrs, fitContent(schema, type, children), marks);
    if (node !== null) {
      out.push(node);
      return;
    }
  } catch {
    // Attributes of the wrong shape: the node is replaced by its content below.
  }
  pushAll(out, children);
}

/**
 * Coerces any value into a valid page document: unknown nodes are replaced by their content,
 * unknown marks, annotation marks (comment anchors: {@link isAnnotationMark}) and unknown
 * attributes are dropped, disallowed links are unlinked, disallowed images
 * become their alt text, misplaced content is wrapped or lifted where it fits, and headings get
 * unique ids. Text is kept wherever the schema allows it. Content nested past the depth limit
 * is first flattened ({@link fitDocumentLimits}), so nothing here recurses deeper than that
 * limit. The input is not modified.
 */
export function sanitizeJSON(json: unknown): JSONContent {
  return sanitizeWithinDepth(isRecord(json) ? fitDocumentLimits(json, readLimits).json : {});
}

/**
 * {@link sanitizeJSON} for a document already brought within the depth limit (by
 * {@link fitDocumentLimits}), without walking it once more to check.
 */
export function sanitizeWithinDepth(json: unknown): JSONContent {
  const schema = getSchema();
  const raw = isRecord(json) ? json : {};
  const top = schema.topNodeType;
  let children: PMNode[] = [];
  if (Array.isArray(raw.content)) children = buildChildren(schema, raw);
  else buildNodes(schema, raw, children);
  const doc = createFitted(top, null, fitContent(schema, top, children), []) ?? top.createAndFill();
  return setHeadingIds(doc?.toJSON() as JSONContent);
}
