import type { JsonObject, PageState } from '@lore/core';
import { pageBodyField, pageTitleField, yDocToJSON } from '@lore/schema';
import type * as Y from 'yjs';

/** The page's title and body as a state, converted with the one page schema. */
export function readPageState(doc: Y.Doc): PageState {
  return {
    title: doc.getText(pageTitleField).toString(),
    body: yDocToJSON(doc, pageBodyField) as JsonObject,
  };
}
