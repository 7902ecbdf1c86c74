import type {
  DomainEventType,
  EventConsumer,
  PageStore,
  SpaceActivityKind,
  SpaceActivityStore,
} from '@lore/core';
import type { PageChangeReader } from '../notifications/PageChangeReader';

export interface SpaceActivityConsumerOptions {
  readonly store: SpaceActivityStore;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly changes: Pick<PageChangeReader, 'editors'>;
}

const kindOf: Partial<Record<DomainEventType, SpaceActivityKind>> = {
  'page.created': 'created',
  'page.renamed': 'renamed',
  'page.moved': 'moved',
  'page.trashed': 'deleted',
  'page.restored': 'restored',
  'comment.thread_created': 'commented',
  'comment.replied': 'commented',
};

const hourMs = 3_600_000;

/**
 * Writes each space's activity from the events that change its pages. Edits are one row per
 * page, person and hour (the row moves on to the latest edit). Idempotent: rows are keyed by
 * event, or by page, person and hour.
 */
export function spaceActivityConsumer(options: SpaceActivityConsumerOptions): EventConsumer {
  return {
    name: 'home-space-activity',
    types: [...(Object.keys(kindOf) as DomainEventType[]), 'page.content_changed'],
    handle: (event) => {
      if (event.pageId === null) return;
      const page = options.pages.findPageById(event.pageId);
      if (!page) return;
      const spaceId = event.spaceId ?? page.spaceId;
      if (event.type === 'page.content_changed') {
        const at = event.data.lastChangeAt;
        const hour = Math.floor(at / hourMs);
        // Content written by no one in particular (a new page's first text) is not an edit.
        for (const actorId of options.changes.editors(event)) {
          options.store.record({
            spaceId,
            pageId: page.id,
            actorId,
            kind: 'edited',
            at,
            dedupeKey: `edit:${page.id}:${actorId}:${hour}`,
          });
        }
        return;
      }
      const kind = kindOf[event.type];
      if (!kind) return;
      options.store.record({
        spaceId,
        pageId: page.id,
        actorId: event.actorId,
        kind,
        at: event.at,
        dedupeKey: `event:${event.seq}`,
      });
    },
  };
}
