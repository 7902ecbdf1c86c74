import { isNotificationKind, type NotificationService, type UnsubscribeTarget } from '@lore/core';

/**
 * What an email's unsubscribe link does: turns the email channel off in the person's
 * notification settings, for the kind the link was made for or for every kind (`all`). A scope
 * that names no kind (a link from a newer or older Lore) changes nothing.
 */
export function emailUnsubscribeTarget(
  notifications: Pick<NotificationService, 'unsubscribeEmail'>,
): UnsubscribeTarget {
  return {
    unsubscribe: (userId, scope) => {
      if (scope === 'all' || isNotificationKind(scope))
        notifications.unsubscribeEmail(userId, scope);
    },
  };
}
