import type {
  NotificationList,
  NotificationSettingsChange,
  NotificationSettingsJson,
  PageWatch,
  Watching,
} from '@lore/api';
import { request } from '../api/client';

const at = (id: string) => encodeURIComponent(id);

/** The inbox, settings and watches of the signed-in person. */
export const notificationsApi = {
  list: (options: { archived?: boolean; before?: string } = {}) => {
    const query = new URLSearchParams({ archived: options.archived ? 'true' : 'false' });
    if (options.before) query.set('before', options.before);
    return request<NotificationList>('GET', `/api/notifications?${query}`);
  },
  unreadCount: () => request<{ unread: number }>('GET', '/api/notifications/unread-count'),
  markRead: (id: string) => request<void>('POST', `/api/notifications/${at(id)}/read`),
  markAllRead: () => request<void>('POST', '/api/notifications/read-all'),
  archive: (id: string) => request<void>('POST', `/api/notifications/${at(id)}/archive`),
  settings: () => request<NotificationSettingsJson>('GET', '/api/notifications/settings'),
  updateSettings: (change: NotificationSettingsChange) =>
    request<NotificationSettingsJson>('PUT', '/api/notifications/settings', change),
  pageWatch: (pageId: string) => request<PageWatch>('GET', `/api/pages/${at(pageId)}/watch`),
  watchPage: (pageId: string) => request<PageWatch>('POST', `/api/pages/${at(pageId)}/watch`),
  unwatchPage: (pageId: string) => request<PageWatch>('DELETE', `/api/pages/${at(pageId)}/watch`),
  watching: () => request<Watching>('GET', '/api/watching'),
  watchSpace: (space: string) =>
    request<{ spaceId: string; watching: boolean }>('POST', `/api/spaces/${at(space)}/watch`),
  unwatchSpace: (space: string) =>
    request<{ spaceId: string; watching: boolean }>('DELETE', `/api/spaces/${at(space)}/watch`),
};
