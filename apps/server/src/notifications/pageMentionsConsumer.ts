import {
  type EventConsumer,
  isPageLive,
  type NotificationService,
  type PageStore,
} from '@lore/core';
import { extractMentions, type JSONContent } from '@lore/schema';
import type { PageChangeReader } from './PageChangeReader';

export interface PageMentionsConsumerOptions {
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly notifications: Pick<NotificationService, 'notify'>;
  readonly changes: Pick<PageChangeReader, 'editors' | 'states'>;
}

/**
 * Tells people newly mentioned in a page's text (`mentioned`): those the page mentions now and
 * did not at its last revision before the change, never the change's own editors. `notify`
 * checks at send time that each can read the page. Idempotent and told once: the notification
 * is keyed by the page, the person and that revision, so saving the page again with the same
 * mention tells no one again, and once a revision holds the mention it is no longer new.
 */
export function pageMentionsConsumer(options: PageMentionsConsumerOptions): EventConsumer {
  return {
    name: 'notifications-page-mentions',
    types: ['page.content_changed'],
    handle: async (event) => {
      if (event.type !== 'page.content_changed' || event.pageId === null) return;
      const page = options.pages.findPageById(event.pageId);
      if (!page || !isPageLive(options.pages, page)) return;
      const { before, beforeHash, after } = await options.changes.states(event);
      const known = new Set(before ? extractMentions(before.body as JSONContent) : []);
      const editors = options.changes.editors(event);
      const added = extractMentions(after.body as JSONContent).filter(
        (userId) => !known.has(userId) && !editors.includes(userId),
      );
      const since = beforeHash ?? 'new';
      for (const userId of added) {
        await options.notifications.notify({
          kind: 'mentioned',
          pageId: page.id,
          actorId: event.actorId ?? editors[0] ?? null,
          at: event.at,
          dedupeKey: `page_mentioned:${page.id}:${since}:${userId}`,
          recipients: [userId],
        });
      }
    },
  };
}
