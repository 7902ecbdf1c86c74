import type { DomainEvent, EventConsumer, PageStore, SearchOutbox } from '@lore/core';

export interface SearchConsumerOptions {
  readonly outbox: Pick<SearchOutbox, 'mark' | 'markSpace'>;
  readonly pages: Pick<PageStore, 'findPageById'>;
  /** Records that someone created or changed a page, for the author filter. */
  addAuthor(pageId: string, userId: string): void;
}

/** Changes that move a page in the tree or out of it change the paths of the pages below. */
const cascading = new Set<DomainEvent['type']>([
  'page.renamed',
  'page.moved',
  'page.trashed',
  'page.restored',
]);

/**
 * Feeds search's queue from the domain-event outbox: every page change queues its page (and the
 * pages below it when its path or visibility changed), a changed space queues its pages, an
 * import queues every page it wrote. It runs after `page-titles`, so the index sees the title a
 * content change brought. Marking twice is harmless: idempotent.
 */
export function searchConsumer(options: SearchConsumerOptions): EventConsumer {
  return {
    name: 'search',
    types: [
      'page.created',
      'page.renamed',
      'page.moved',
      'page.trashed',
      'page.restored',
      'page.icon_changed',
      'page.content_changed',
      'page.tags_changed',
      'space.changed',
      'import.finished',
    ],
    after: ['page-titles'],
    handle: (event) => {
      if (event.type === 'space.changed') {
        if (event.spaceId !== null) options.outbox.markSpace(event.spaceId);
        return;
      }
      if (event.type === 'import.finished') {
        options.outbox.mark(event.data.pageIds, { urgent: true, cascade: false });
        return;
      }
      if (event.pageId === null) return;
      // The content event is already debounced: the index catches up at once.
      options.outbox.mark([event.pageId], { urgent: true, cascade: cascading.has(event.type) });
      const author = event.actorId ?? options.pages.findPageById(event.pageId)?.updatedBy ?? '';
      if (author !== '') options.addAuthor(event.pageId, author);
    },
  };
}
