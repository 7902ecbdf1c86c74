import type { JSONContent } from '@tiptap/core';
import type { MarkType, NodeType, Node as PMNode, Schema } from '@tiptap/pm/model';
import { checkAttributeValues } from './checkAttributeValues';
import { getSchema } from './getSchema';
import { InvalidDocumentError } from './InvalidDocumentError';
import { checkDocumentLimits } from './limits/checkDocumentLimits';

function declaredAttrs(type: NodeType | MarkType | undefined): Record<string, unknown> {
  return (type?.spec.attrs ?? {}) as Record<string, unknown>;
}

function checkDeclared(
  kind: string,
  name: string | undefined,
  attrs: unknown,
  allowed: object,
): void {
  if (attrs === undefined || attrs === null) return;
  for (const key of Object.keys(attrs)) {
    if (!(key in allowed)) {
      throw new InvalidDocumentError(`unknown attribute "${key}" on ${kind} "${String(name)}"`);
    }
  }
}

/** ProseMirror silently drops attributes a type does not declare; a write must not. */
function checkKnownAttributes(node: JSONContent, schema: Schema): void {
  checkDeclared('node', node.type, node.attrs, declaredAttrs(schema.nodes[node.type ?? '']));
  for (const mark of node.marks ?? []) {
    checkDeclared('mark', mark.type, mark.attrs, declaredAttrs(schema.marks[mark.type]));
  }
  for (const child of node.content ?? []) checkKnownAttributes(child, schema);
}

function checkValues(doc: PMNode): void {
  doc.descendants((node, pos) => {
    const problems = [node, ...node.marks].map(checkAttributeValues).filter((p) => p !== null);
    if (problems.length > 0) {
      throw new InvalidDocumentError(`${problems[0]} (at position ${pos})`);
    }
  });
}

/**
 * Checks that a value is a page document fitting the schema and its URL rules, and returns its
 * node, so a caller that needs the node does not build it a second time from the JSON.
 *
 * @throws {InvalidDocumentError} when it does not fit (`DocumentLimitError` when it passes
 * a structure limit, checked first and without recursion).
 */
export function validateNode(json: unknown): PMNode {
  if (typeof json !== 'object' || json === null || (json as JSONContent).type !== 'doc') {
    throw new InvalidDocumentError('a page document must be an object of type "doc"');
  }
  checkDocumentLimits(json);
  const schema = getSchema();
  let node: PMNode;
  try {
    node = schema.nodeFromJSON(json);
    node.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidDocumentError(`document does not fit the schema: ${reason}`, {
      cause: error,
    });
  }
  checkKnownAttributes(json as JSONContent, schema);
  checkValues(node);
  return node;
}
