import { getSchema as buildSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { createExtensions } from './createExtensions';

let cached: Schema | undefined;

/**
 * The ProseMirror schema of a Lore page, built once from {@link createExtensions}. Building it
 * needs no DOM, so the server uses the same schema as the editor.
 */
export function getSchema(): Schema {
  cached ??= buildSchema(createExtensions());
  return cached;
}
