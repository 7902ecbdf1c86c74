import { useEffect, useState } from 'react';
import { followUnreadCount } from './followUnreadCount';
import { notificationsApi } from './notificationsApi';

/** The signed-in person's unread notification count, kept live; null until it is known. */
export function useUnreadCount(): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(
    () =>
      followUnreadCount({
        onCount: setUnread,
        openStream:
          typeof EventSource === 'undefined'
            ? null
            : (url) => new EventSource(url, { withCredentials: true }),
        fetchCount: async () => (await notificationsApi.unreadCount()).unread,
      }),
    [],
  );
  return unread;
}
