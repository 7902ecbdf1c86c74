import type { Ref } from 'react';
import { NotificationBell } from '../notifications/NotificationBell';
import { SearchBox } from './SearchBox';
import { UserMenu } from './UserMenu';
import './Header.css';

interface HeaderProps {
  sidebarId: string;
  toggleRef: Ref<HTMLButtonElement>;
  sidebarOpen: boolean;
  onToggleSidebar(): void;
}

/** The bar above every page: search and the user menu. */
export function Header({ sidebarId, toggleRef, sidebarOpen, onToggleSidebar }: HeaderProps) {
  return (
    <header className="header">
      <button
        ref={toggleRef}
        type="button"
        className="header__menu-button"
        aria-controls={sidebarId}
        aria-expanded={sidebarOpen}
        onClick={onToggleSidebar}
      >
        <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M2 3.75A.75.75 0 0 1 2.75 3h10.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 3.75Zm0 4.25a.75.75 0 0 1 .75-.75h10.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 8Zm.75 3.5a.75.75 0 0 0 0 1.5h10.5a.75.75 0 0 0 0-1.5Z"
          />
        </svg>
        <span className="visually-hidden">Navigation</span>
      </button>
      <SearchBox />
      <NotificationBell />
      <UserMenu />
    </header>
  );
}
