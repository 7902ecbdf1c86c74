import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { checkAttributeValues } from './checkAttributeValues';
import { getSchema } from './getSchema';
import { InvalidDocumentError } from './InvalidDocumentError';

function checkValues(doc: PMNode): void {
  doc.descendants((node, pos) => {
    const problems = [node, ...node.marks].map(checkAttributeValues).filter((p) => p !== null);
    if (problems.length > 0) {
      throw new InvalidDocumentError(`${problems[0]} (at position ${pos})`);
    }
  });
}

/**
 * Checks that a value is a page document fitting the schema and its URL rules, and returns
 * it as normalized JSON (attributes completed with defaults).
 *
 * @throws {InvalidDocumentError} when it does not fit.
 */
export function validateJSON(json: unknown): JSONContent {
  if (typeof json !== 'object' || json === null || (json as JSONContent).type !== 'doc') {
    throw new InvalidDocumentError('a page document must be an object of type "doc"');
  }
  let node: PMNode;
  try {
    node = getSchema().nodeFromJSON(json);
    node.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidDocumentError(`document does not fit the schema: ${reason}`, {
      cause: error,
    });
  }
  checkValues(node);
  return node.toJSON() as JSONContent;
}
