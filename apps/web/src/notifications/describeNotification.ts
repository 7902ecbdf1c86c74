import type { NotificationJson } from '@lore/api';

/** One line saying what a notification is about, for lists and screen readers. */
export function describeNotification(notification: NotificationJson): string {
  const who = notification.actor?.displayName ?? 'Someone';
  const page = notification.page?.title.trim() || 'Untitled';
  switch (notification.kind) {
    case 'mentioned':
      return `${who} mentioned you on ${page}`;
    case 'thread_reply':
      return `${who} replied in a thread on ${page}`;
    case 'page_comment':
      return `${who} commented on ${page}`;
    case 'page_changed':
      return `${who} changed ${page}`;
    case 'page_shared':
      return notification.page
        ? `${who} gave you access to ${page}`
        : `${who} added you to ${notification.space.name}`;
    case 'thread_resolved':
      return `${who} resolved a thread on ${page}`;
  }
}

/** Where opening the notification leads: its page, or else its space. */
export function notificationHref(notification: NotificationJson): string {
  if (!notification.page) return `/spaces/${encodeURIComponent(notification.space.slug)}`;
  // About a comment: the page opens with that thread chosen in the comments sidebar.
  return notification.threadId
    ? `${notification.page.url}?thread=${encodeURIComponent(notification.threadId)}`
    : notification.page.url;
}
