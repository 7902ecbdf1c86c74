import { getSchema } from '../getSchema';
import type { DocumentLimitName, DocumentLimits } from './documentLimits';

/** One way a document passes a limit, in words a person can act on. */
export interface DocumentExcess {
  readonly limit: DocumentLimitName;
  readonly message: string;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Characters an attribute value takes: a string's length, a structure's JSON length. */
export function attributeLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value === null || value === undefined || typeof value !== 'object') return 0;
  try {
    return JSON.stringify(value).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The name of an attribute (of a node, or of one of its marks) longer than the limit, or null. */
export function oversizedAttribute(node: Json, limits: DocumentLimits): string | null {
  if (isRecord(node.attrs)) {
    for (const [name, value] of Object.entries(node.attrs)) {
      if (attributeLength(value) > limits.maxAttributeLength) return name;
    }
  }
  if (Array.isArray(node.marks)) {
    for (const mark of node.marks) {
      if (!isRecord(mark) || !isRecord(mark.attrs)) continue;
      for (const [name, value] of Object.entries(mark.attrs)) {
        if (attributeLength(value) > limits.maxAttributeLength)
          return `${String(mark.type)}.${name}`;
      }
    }
  }
  return null;
}

/** Characters of text directly inside a node (a text block's own text). */
export function ownTextLength(node: Json): number {
  if (!Array.isArray(node.content)) return 0;
  let length = 0;
  for (const child of node.content) {
    if (isRecord(child) && typeof child.text === 'string') length += child.text.length;
  }
  return length;
}

/** True for node types whose content is inline (paragraph, heading, code block). */
export function isTextblockType(type: unknown): boolean {
  return typeof type === 'string' && getSchema().nodes[type]?.isTextblock === true;
}

/**
 * Walks a document (ProseMirror JSON, possibly hostile or stored before the limits existed)
 * without recursion and lists the limits it passes, each once, in the order met. With
 * `firstOnly` it stops at the first.
 */
export function findDocumentExcess(
  json: unknown,
  limits: DocumentLimits,
  firstOnly = false,
): DocumentExcess[] {
  const found = new Map<DocumentLimitName, DocumentExcess>();
  const note = (limit: DocumentLimitName, message: string): boolean => {
    if (!found.has(limit)) found.set(limit, { limit, message });
    return firstOnly;
  };
  if (!isRecord(json)) return [];
  const stack: [Json, number][] = [[json, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Json, number];
    if (node.type !== 'text') nodes += 1;
    if (nodes === limits.maxNodes + 1) {
      if (note('maxNodes', `the document has more than ${limits.maxNodes} nodes`)) break;
    }
    if (depth > limits.maxDepth) {
      if (note('maxDepth', `the document nests deeper than ${limits.maxDepth} levels`)) break;
    }
    const attribute = oversizedAttribute(node, limits);
    if (attribute !== null) {
      const message = `the attribute "${attribute}" is longer than ${limits.maxAttributeLength} characters`;
      if (note('maxAttributeLength', message)) break;
    }
    if (!Array.isArray(node.content)) continue;
    if (ownTextLength(node) > limits.maxTextLength) {
      const message = `a text block is longer than ${limits.maxTextLength} characters`;
      if (note('maxTextLength', message)) break;
    }
    if (node.type === 'table' && node.content.length > limits.maxTableRows) {
      if (note('maxTableRows', `a table has more than ${limits.maxTableRows} rows`)) break;
    }
    if (node.type === 'tableRow' && node.content.length > limits.maxTableColumns) {
      const message = `a table row has more than ${limits.maxTableColumns} cells`;
      if (note('maxTableColumns', message)) break;
    }
    for (let index = node.content.length - 1; index >= 0; index--) {
      const child = node.content[index];
      if (isRecord(child)) stack.push([child, depth + 1]);
    }
  }
  return [...found.values()];
}
