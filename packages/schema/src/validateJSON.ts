import type { JSONContent } from '@tiptap/core';
import { validateNode } from './validateNode';

/**
 * Checks that a value is a page document fitting the schema and its URL rules, and returns
 * it as normalized JSON (attributes completed with defaults).
 *
 * @throws {InvalidDocumentError} when it does not fit.
 */
export function validateJSON(json: unknown): JSONContent {
  return validateNode(json).toJSON() as JSONContent;
}
