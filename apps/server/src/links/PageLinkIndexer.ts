import type { CollabServer } from '@lore/collab';
import {
  type DocumentStore,
  type PageLink,
  type PageLinkService,
  type PageStore,
  parsePageHref,
  type SpaceStore,
} from '@lore/core';
import { readPageDocument } from '@lore/page-document';
import { extractLinks, type JSONContent, pageBodyField, yDocToJSON } from '@lore/schema';

type PageLinkInput = Omit<PageLink, 'sourcePageId'>;

export interface PageLinkIndexerOptions {
  readonly links: PageLinkService;
  /** Live rooms: a document being edited is read from memory rather than from the log. */
  readonly collab: CollabServer<unknown>;
  readonly documents: DocumentStore;
  /** For rebuilding the whole index. */
  readonly pages: PageStore;
  readonly spaces: SpaceStore;
  /** This wiki's public origin; absolute links to it count as internal. */
  readonly origin: string | null;
}

/**
 * Keeps the links index in step with the documents: reads a page's document, finds its links to
 * wiki pages (`/s/<shortId>`, canonical paths, absolute URLs on this wiki) and records them.
 * Runs as the `page-links` consumer of the event outbox (see `pageLinksConsumer`).
 */
export class PageLinkIndexer {
  readonly #options: PageLinkIndexerOptions;

  constructor(options: PageLinkIndexerOptions) {
    this.#options = options;
  }

  /** Re-derives the page's outgoing links from its current document; returns how many. */
  async reindexPage(pageId: string): Promise<number> {
    const found = this.#wikiLinks(await this.#readBody(pageId));
    this.#options.links.recordLinks(pageId, found);
    return found.length;
  }

  async #readBody(pageId: string): Promise<JSONContent> {
    const { collab, documents } = this.#options;
    return readPageDocument(collab, documents, pageId, (doc) => yDocToJSON(doc, pageBodyField));
  }

  #wikiLinks(body: JSONContent): PageLinkInput[] {
    const { origin } = this.#options;
    return extractLinks(body).flatMap((link) => {
      const target = parsePageHref(link.href, { origin });
      return target
        ? [
            {
              targetShortId: target.shortId,
              anchor: target.anchor,
              href: link.href,
              text: link.text,
            },
          ]
        : [];
    });
  }

  /** Rebuilds the index for every page (trashed ones too, so restoring them needs nothing). */
  async reindexAll(): Promise<{ pages: number; links: number }> {
    let pages = 0;
    let links = 0;
    for (const space of this.#options.spaces.listSpaces()) {
      for (const page of this.#options.pages.listPagesInSpace(space.id)) {
        links += await this.reindexPage(page.id);
        pages += 1;
      }
    }
    return { pages, links };
  }
}
