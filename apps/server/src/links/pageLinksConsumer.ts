import type { EventConsumer } from '@lore/core';
import type { PageLinkIndexer } from './PageLinkIndexer';

/**
 * Keeps the links index in step with page documents: a page's outgoing links are re-derived
 * from its current document when it is created, its content changes, or an import wrote it.
 * Re-deriving is idempotent, so a redelivered event changes nothing.
 */
export function pageLinksConsumer(indexer: Pick<PageLinkIndexer, 'reindexPage'>): EventConsumer {
  return {
    name: 'page-links',
    types: ['page.created', 'page.content_changed', 'import.finished'],
    handle: async (event) => {
      if (event.type === 'import.finished') {
        for (const pageId of event.data.pageIds) await indexer.reindexPage(pageId);
        return;
      }
      if (event.pageId !== null) await indexer.reindexPage(event.pageId);
    },
  };
}
