import type { NotificationJson, Watching as WatchingJson } from '@lore/api';
import type { ListedNotification, Watching } from '@lore/core';
import { presentPageRef, presentSpaceRef } from './presentPage';

const iso = (ms: number) => new Date(ms).toISOString();

/** A notification as its recipient sees it: the page's title and address as they are now. */
export function presentNotification(listed: ListedNotification): NotificationJson {
  const { notification, page, space, actor } = listed;
  return {
    id: notification.id,
    kind: notification.kind,
    page: page ? presentPageRef(page, space) : null,
    space: presentSpaceRef(space),
    actor,
    threadId: notification.threadId,
    commentId: notification.commentId,
    createdAt: iso(notification.createdAt),
    read: notification.readAt !== null,
    readAt: notification.readAt === null ? null : iso(notification.readAt),
    archivedAt: notification.archivedAt === null ? null : iso(notification.archivedAt),
  };
}

export function presentWatching(watching: Watching): WatchingJson {
  return {
    pages: watching.pages.map(({ page, space, since }) => ({
      page: presentPageRef(page, space),
      space: presentSpaceRef(space),
      since: iso(since),
    })),
    spaces: watching.spaces.map(({ space, since }) => ({
      space: presentSpaceRef(space),
      since: iso(since),
    })),
  };
}
