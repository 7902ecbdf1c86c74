import type { CollabServer } from '@lore/collab';
import type { DocumentStore, PageContent, RenderedPage } from '@lore/core';
import {
  applyJSONToYDoc,
  type DocumentExcess,
  jsonToHTML,
  jsonToMarkdown,
  jsonToPlainText,
  markdownToJSON,
  pageBodyField,
  pageTitleField,
  yDocToJSON,
} from '@lore/schema';
import * as Y from 'yjs';
import { readPageDocument } from './readPageDocument';

/** Told when a stored page nests past the depth limit and was flattened to be rendered. */
export type ExcessListener = (pageId: string, excess: readonly DocumentExcess[]) => void;

/** Page documents held in the live collaboration rooms, converted with the one page schema. */
export class YjsPageContent implements PageContent {
  readonly #collab: CollabServer<unknown>;
  readonly #store: DocumentStore;
  readonly #onExcess: ExcessListener;

  /** `store` is the collaboration server's own: reads of pages it holds encoded go there. */
  constructor(collab: CollabServer<unknown>, store: DocumentStore, onExcess: ExcessListener) {
    this.#collab = collab;
    this.#store = store;
    this.#onExcess = onExcess;
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
    const json = await this.#read(pageId, (doc) =>
      yDocToJSON(doc, pageBodyField, { onExcess: (excess) => this.#onExcess(pageId, excess) }),
    );
    return { markdown: jsonToMarkdown(json), html: jsonToHTML(json), text: jsonToPlainText(json) };
  }

  async readTitle(pageId: string): Promise<string> {
    return this.#read(pageId, (doc) => doc.getText(pageTitleField).toString());
  }

  #read<T>(pageId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return readPageDocument(this.#collab, this.#store, pageId, read);
  }

  async disconnect(pageId: string, code: number, reason: string): Promise<void> {
    await this.#collab.closeDocument(pageId, code, reason);
  }
}
