import type {
  PageStore,
  SearchDocument,
  SearchDocumentSource,
  SearchPageFacts,
  SpaceStore,
} from '@lore/core';
import { extractHeadings, jsonToPlainText, pageBodyField, yDocToJSON } from '@lore/schema';
import type * as Y from 'yjs';

export interface PageSearchDocumentsOptions {
  readonly pages: PageStore;
  readonly spaces: SpaceStore;
  readonly facts: SearchPageFacts;
  /** Runs `read` on the page's current document (see `readPageDocument`). */
  readonly readDocument: <T>(pageId: string, read: (doc: Y.Doc) => T) => Promise<T>;
  /** The page's tags. */
  readonly tags: (pageId: string) => string[];
}

/**
 * Search documents built from the page's Yjs document (the source of truth for its content)
 * and its metadata: title, heading texts, plain-text body, tags, the space and ancestor titles
 * as its path, everyone who edited it, its views. Pages in the trash, or below one, give null.
 */
export class PageSearchDocuments implements SearchDocumentSource {
  readonly #options: PageSearchDocumentsOptions;

  constructor(options: PageSearchDocumentsOptions) {
    this.#options = options;
  }

  async load(pageId: string): Promise<SearchDocument | null> {
    const { pages, spaces, facts } = this.#options;
    const page = pages.findPageById(pageId);
    if (!page) return null;
    const lineage = facts.lineage(pageId);
    if (lineage.length === 0 || lineage.some((entry) => entry.deletedAt !== null)) return null;
    const space = spaces.findSpaceById(page.spaceId);
    if (!space) return null;
    const json = await this.#options.readDocument(pageId, (doc) => yDocToJSON(doc, pageBodyField));
    return {
      pageId: page.id,
      shortId: page.shortId,
      spaceId: page.spaceId,
      title: page.title,
      headings: extractHeadings(json).map((heading) => heading.text),
      body: jsonToPlainText(json),
      tags: this.#options.tags(pageId),
      path: [
        space.name,
        ...lineage
          .slice(1)
          .map((entry) => entry.title)
          .reverse(),
      ],
      authors: facts.authors(pageId),
      updatedAt: page.updatedAt,
      views: facts.views(pageId),
    };
  }

  searchablePageIds(): string[] {
    return this.#options.facts.searchablePageIds();
  }
}
