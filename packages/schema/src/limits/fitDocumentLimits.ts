import type { JSONContent } from '@tiptap/core';
import { type DocumentLimits, documentLimits } from './documentLimits';
import {
  attributeLength,
  type DocumentExcess,
  findDocumentExcess,
  isTextblockType,
} from './findDocumentExcess';

/** A document brought within the limits, and what it passed before (empty when untouched). */
export interface FittedDocument {
  readonly json: JSONContent;
  readonly excess: readonly DocumentExcess[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the rebuild shares: the limits and how many nodes it has written. */
interface Budget {
  readonly limits: DocumentLimits;
  nodes: number;
}

function fitsAttribute(value: unknown, limits: DocumentLimits): boolean {
  return attributeLength(value) <= limits.maxAttributeLength;
}

/** A copy of a node without its content; oversized attributes and marks carrying one dropped. */
function shallowCopy(node: Json, limits: DocumentLimits): Json {
  const copy: Json = { ...node };
  delete copy.content;
  if (isRecord(node.attrs)) {
    const attrs: Json = {};
    for (const [name, value] of Object.entries(node.attrs)) {
      if (fitsAttribute(value, limits)) attrs[name] = value;
    }
    copy.attrs = attrs;
  }
  if (Array.isArray(node.marks)) {
    copy.marks = node.marks.filter(
      (mark) =>
        !isRecord(mark) ||
        !isRecord(mark.attrs) ||
        Object.values(mark.attrs).every((value) => fitsAttribute(value, limits)),
    );
  }
  return copy;
}

/** A text block's inline content, its text cut at the length limit and the node budget. */
function fitInline(content: unknown[], budget: Budget): Json[] {
  const out: Json[] = [];
  let room = budget.limits.maxTextLength;
  for (const child of content) {
    if (!isRecord(child) || budget.nodes >= budget.limits.maxNodes) continue;
    const copy = shallowCopy(child, budget.limits);
    if (typeof child.text === 'string') {
      if (room <= 0) continue;
      copy.text = child.text.slice(0, room);
      room -= (copy.text as string).length;
    }
    if (child.type !== 'text') budget.nodes += 1;
    out.push(copy);
  }
  return out;
}

function fitTextblock(node: Json, budget: Budget): Json {
  const copy = shallowCopy(node, budget.limits);
  budget.nodes += 1;
  if (Array.isArray(node.content)) copy.content = fitInline(node.content, budget);
  return copy;
}

/**
 * The blocks of a subtree in document order with the containers around them removed: text
 * blocks and leaf blocks as they are, loose inline content gathered into paragraphs.
 */
function flattenedBlocks(node: Json, budget: Budget): Json[] {
  const out: Json[] = [];
  let loose: Json[] | null = null;
  const endOfContainer = Symbol('end of container');
  const stack: (unknown | typeof endOfContainer)[] = [];
  const pushChildren = (parent: Json) => {
    if (!Array.isArray(parent.content)) return;
    stack.push(endOfContainer);
    for (let index = parent.content.length - 1; index >= 0; index--) {
      stack.push(parent.content[index]);
    }
  };
  pushChildren(node);
  while (stack.length > 0 && budget.nodes < budget.limits.maxNodes) {
    const item = stack.pop();
    if (item === endOfContainer) {
      loose = null;
      continue;
    }
    if (!isRecord(item)) continue;
    if (isTextblockType(item.type)) {
      out.push(fitTextblock(item, budget));
      loose = null;
    } else if (Array.isArray(item.content)) {
      loose = null;
      pushChildren(item);
    } else if (
      typeof item.text === 'string' ||
      item.type === 'image' ||
      item.type === 'hardBreak'
    ) {
      if (loose === null) {
        const paragraph: Json = { type: 'paragraph', content: [] };
        budget.nodes += 1;
        out.push(paragraph);
        loose = paragraph.content as Json[];
      }
      loose.push(...fitInline([item], budget));
    } else {
      budget.nodes += 1;
      out.push(shallowCopy(item, budget.limits));
      loose = null;
    }
  }
  return out;
}

/**
 * Brings any document within the structure limits, for reading what was stored before they
 * existed (or written around them): containers that nest too deep have their content
 * flattened into the blocks it holds, long text is cut, oversized attributes are dropped,
 * tables lose the rows and cells past the limits, and nodes past the node limit are left out.
 * Runs without recursion. A document within the limits is returned as it is, not copied.
 */
export function fitDocumentLimits(
  json: JSONContent,
  limits: DocumentLimits = documentLimits,
): FittedDocument {
  const excess = findDocumentExcess(json, limits);
  if (excess.length === 0 || !isRecord(json)) return { json, excess: [] };
  const flatten = excess.some((item) => item.limit === 'maxDepth');
  // A container from this depth down holds at most two wrappers (a row and a cell), a text
  // block and its text.
  const flattenFrom = Math.max(0, limits.maxDepth - 4);
  const budget: Budget = { limits, nodes: 1 };
  const root = shallowCopy(json, limits);
  root.content = [];
  const stack: { node: Json; depth: number; into: Json[] }[] = [];
  const pushChildren = (node: Json, depth: number, into: Json[]) => {
    if (!Array.isArray(node.content)) return;
    let children = node.content;
    if (node.type === 'table') children = children.slice(0, limits.maxTableRows);
    if (node.type === 'tableRow') children = children.slice(0, limits.maxTableColumns);
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (isRecord(child)) stack.push({ node: child, depth, into });
    }
  };
  pushChildren(json, 1, root.content as Json[]);
  while (stack.length > 0 && budget.nodes < limits.maxNodes) {
    const { node, depth, into } = stack.pop() as { node: Json; depth: number; into: Json[] };
    if (isTextblockType(node.type)) {
      into.push(fitTextblock(node, budget));
      continue;
    }
    const copy = shallowCopy(node, limits);
    if (node.type !== 'text') budget.nodes += 1;
    into.push(copy);
    if (typeof copy.text === 'string') copy.text = copy.text.slice(0, limits.maxTextLength);
    if (!Array.isArray(node.content)) continue;
    if (flatten && depth >= flattenFrom) {
      copy.content = flattenedBlocks(node, budget);
      continue;
    }
    copy.content = [];
    pushChildren(node, depth + 1, copy.content as Json[]);
  }
  return { json: root as JSONContent, excess };
}
