import type { CollabServer } from '@lore/collab';
import type { PageContent, RenderedPage } from '@lore/core';
import {
  applyJSONToYDoc,
  jsonToHTML,
  jsonToMarkdown,
  jsonToPlainText,
  markdownToJSON,
  yDocToJSON,
} from '@lore/schema';
import * as Y from 'yjs';
import { pageBodyField, pageTitleField } from './pageDocumentFields';

/** Page documents held in the live collaboration rooms, converted with the one page schema. */
export class YjsPageContent implements PageContent {
  readonly #collab: CollabServer<unknown>;

  constructor(collab: CollabServer<unknown>) {
    this.#collab = collab;
  }

  async create(pageId: string, title: string, markdown: string): Promise<void> {
    const doc = new Y.Doc({ guid: pageId });
    try {
      doc.transact(() => {
        doc.getText(pageTitleField).insert(0, title);
        if (markdown.trim().length > 0)
          applyJSONToYDoc(doc, markdownToJSON(markdown), pageBodyField);
      });
      await this.#collab.applyServerUpdate(pageId, Y.encodeStateAsUpdate(doc));
    } finally {
      doc.destroy();
    }
  }

  async setTitle(pageId: string, title: string): Promise<void> {
    await this.#collab.editDocument(pageId, (doc) => {
      const text = doc.getText(pageTitleField);
      if (text.toString() === title) return;
      text.delete(0, text.length);
      text.insert(0, title);
    });
  }

  async render(pageId: string): Promise<RenderedPage> {
    const doc = await this.#collab.getDocument(pageId);
    const json = yDocToJSON(doc, pageBodyField);
    return { markdown: jsonToMarkdown(json), html: jsonToHTML(json), text: jsonToPlainText(json) };
  }

  async readTitle(pageId: string): Promise<string> {
    return (await this.#collab.getDocument(pageId)).getText(pageTitleField).toString();
  }

  async disconnect(pageId: string, code: number, reason: string): Promise<void> {
    await this.#collab.closeDocument(pageId, code, reason);
  }
}
