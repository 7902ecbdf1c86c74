import type { NotificationJson } from '@lore/api';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format/formatDateTime';
import { describeNotification, notificationHref } from './describeNotification';
import { notificationsApi } from './notificationsApi';
import './notifications.css';

type Filter = 'unread' | 'all';

/** The inbox: notifications newest first; opening one marks it read and goes to its page. */
export function InboxPage() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('unread');
  const [error, setError] = useState<string | null>(null);
  const inbox = useApiQuery(['notifications', 'inbox'], () => notificationsApi.list());
  const items = (inbox.data?.notifications ?? []).filter(
    (notification) => filter === 'all' || !notification.read,
  );

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work. Try again.');
    } finally {
      inbox.reload();
    }
  };
  const open = async (notification: NotificationJson) => {
    setError(null);
    try {
      if (!notification.read) await notificationsApi.markRead(notification.id);
      navigate(notificationHref(notification));
    } catch (failure) {
      setError(
        failure instanceof Error ? failure.message : 'The notification could not be opened.',
      );
    }
  };

  return (
    <div className="page">
      <title>Inbox · Lore</title>
      <h1 className="page__title">Inbox</h1>
      <div className="inbox__toolbar">
        <fieldset className="inbox__filter">
          <legend className="visually-hidden">Show</legend>
          {(['unread', 'all'] as const).map((value) => (
            <label key={value} className="inbox__filter-option">
              <input
                type="radio"
                name="inbox-filter"
                value={value}
                checked={filter === value}
                onChange={() => setFilter(value)}
              />{' '}
              {value === 'unread' ? 'Unread' : 'All'}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!inbox.data || inbox.data.unread === 0}
          onClick={() => act(() => notificationsApi.markAllRead())}
        >
          Mark all read
        </button>
        <Link to="/settings/notifications" className="button button--secondary button--small">
          Notification settings
        </Link>
      </div>
      <FormError message={error ?? inbox.error?.message ?? null} />
      {inbox.data === null && !inbox.error && <p className="muted">Loading…</p>}
      {inbox.data !== null && items.length === 0 && (
        <p className="muted">
          {filter === 'unread'
            ? 'Nothing unread. Mentions, replies and changes to pages you watch will show up here.'
            : 'No notifications yet. Watch pages and spaces to hear of their changes.'}
        </p>
      )}
      {items.length > 0 && (
        <ul className="inbox__list" aria-label="Notifications">
          {items.map((notification) => (
            <li
              key={notification.id}
              className={`inbox__item${notification.read ? '' : ' inbox__item--unread'}`}
            >
              <span
                className={`inbox__dot${notification.read ? ' inbox__dot--read' : ''}`}
                aria-hidden="true"
              />
              <button type="button" className="inbox__open" onClick={() => open(notification)}>
                {describeNotification(notification)}
                {!notification.read && <span className="visually-hidden"> (unread)</span>}
                <span className="inbox__meta">
                  {notification.space.name} · {formatDateTime(notification.createdAt)}
                </span>
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`Archive: ${describeNotification(notification)}`}
                onClick={() => act(() => notificationsApi.archive(notification.id))}
              >
                Archive
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
