import type { EventConsumer, PageService } from '@lore/core';

export interface PageTitleConsumerOptions {
  readonly pages: Pick<PageService, 'recordDocumentChange'>;
  /** The title as the page's document holds it now. */
  readTitle(pageId: string): Promise<string>;
  /** Who last edited the page, if known (taken: asked once per change). */
  lastEditor(pageId: string): string | undefined;
}

/**
 * Mirrors a page's title from its document into the page list once its edits pause, and records
 * who changed it when: idempotent (the current title is read each time), and a new title is
 * itself an event (`page.renamed`) for search and others.
 */
export function pageTitleConsumer(options: PageTitleConsumerOptions): EventConsumer {
  return {
    name: 'page-titles',
    types: ['page.content_changed'],
    handle: async (event) => {
      if (event.pageId === null) return;
      const title = await options.readTitle(event.pageId);
      options.pages.recordDocumentChange(event.pageId, title, options.lastEditor(event.pageId));
    },
  };
}
