import {
  type EventConsumer,
  isPageLive,
  type NotificationService,
  type NotificationStore,
  type PageStore,
  pageChangeRecipients,
  type WatchStore,
} from '@lore/core';
import type { PageChangeReader } from './PageChangeReader';

export interface PageChangedConsumerOptions {
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly watches: Pick<WatchStore, 'listPageWatchers'>;
  readonly store: Pick<NotificationStore, 'lastNotifiedAt'>;
  readonly notifications: Pick<NotificationService, 'notify'>;
  readonly changes: Pick<PageChangeReader, 'editors' | 'changedCharacters'>;
  /** A watcher hears of a page's changes at most once in this time. */
  readonly windowMs: number;
  /** Smaller changes (since the page's last revision) tell no one. */
  readonly minChangeChars: number;
}

/**
 * Tells a page's watchers (of the page or its space) that it changed: only for a change someone
 * made, of some size (never one that leaves the text as it was, nor the server's own comment
 * marks), at most once per watcher and page per window, never its own editors, and not those who
 * opened the page since. Idempotent: the notification is keyed by the event, and a watcher told
 * within the window is not told again.
 */
export function pageChangedConsumer(options: PageChangedConsumerOptions): EventConsumer {
  return {
    name: 'notifications-page-changed',
    types: ['page.content_changed'],
    handle: async (event) => {
      if (event.type !== 'page.content_changed' || event.pageId === null) return;
      const page = options.pages.findPageById(event.pageId);
      if (!page || !isPageLive(options.pages, page)) return;
      const watchers = options.watches.listPageWatchers(page.id, page.spaceId);
      if (watchers.length === 0) return;
      const editors = options.changes.editors(event);
      // Nobody made it: only the server's own annotations (comment marks) changed the document.
      if (editors.length === 0) return;
      const listening = watchers.filter((watcher) => !editors.includes(watcher.userId));
      if (listening.length === 0) return;
      // A change that leaves the text as it was (formatting, comment marks) tells no one.
      const changed = await options.changes.changedCharacters(event);
      if (changed === 0 || changed < options.minChangeChars) return;
      const recipients = pageChangeRecipients({
        watchers: listening,
        lastNotifiedAt: options.store.lastNotifiedAt(
          page.id,
          'page_changed',
          listening.map((watcher) => watcher.userId),
        ),
        editors: new Set(editors),
        changedAt: event.data.lastChangeAt,
        at: event.at,
        windowMs: options.windowMs,
      });
      if (recipients.length === 0) return;
      await options.notifications.notify({
        kind: 'page_changed',
        pageId: page.id,
        actorId: event.actorId ?? editors[0] ?? null,
        at: event.at,
        dedupeKey: `page_changed:${event.seq}`,
        recipients,
      });
    },
  };
}
