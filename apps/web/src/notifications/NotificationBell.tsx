import { NavLink } from 'react-router';
import { useUnreadCount } from './useUnreadCount';
import './notifications.css';

/** The header's way to the inbox, with the unread count kept live. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const label =
    unread === null || unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <NavLink to="/inbox" className="bell" aria-label={label} title={label}>
      <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.38l-1.2 2.1A.75.75 0 0 0 2.95 11.6h10.1a.75.75 0 0 0 .65-1.12l-1.2-2.1V6A4.5 4.5 0 0 0 8 1.5Zm-1.75 11.5a1.75 1.75 0 0 0 3.5 0Z"
        />
      </svg>
      {unread !== null && unread > 0 && (
        <span className="bell__count" data-testid="unread-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
