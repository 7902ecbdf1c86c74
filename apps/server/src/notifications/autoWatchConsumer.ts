import type { EventConsumer, WatchService } from '@lore/core';
import type { PageChangeReader } from './PageChangeReader';

export interface AutoWatchConsumerOptions {
  readonly watches: Pick<WatchService, 'autoWatch'>;
  readonly changes: Pick<PageChangeReader, 'editors'>;
}

/**
 * People watch the pages they create and edit (unless their settings say otherwise).
 * Idempotent: watching again changes nothing.
 */
export function autoWatchConsumer(options: AutoWatchConsumerOptions): EventConsumer {
  return {
    name: 'notifications-auto-watch',
    types: ['page.created', 'page.content_changed'],
    handle: (event) => {
      if (event.pageId === null) return;
      if (event.type === 'page.created') {
        if (event.actorId !== null)
          options.watches.autoWatch([event.actorId], event.pageId, event.at);
        return;
      }
      if (event.type === 'page.content_changed') {
        options.watches.autoWatch(options.changes.editors(event), event.pageId, event.at);
      }
    },
  };
}
