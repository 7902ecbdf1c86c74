import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Avatar } from '../components/Avatar';
import { useCurrentUser } from '../session/useCurrentUser';
import { useSession } from '../session/useSession';
import './UserMenu.css';

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
}

/** Which item to focus when the menu opens, or `null` while it is closed. */
type OpenState = { focus: 'first' | 'last' } | null;

/**
 * The signed-in user's avatar and name, opening a menu with Settings and Log out.
 * Keyboard behaviour follows the WAI-ARIA menu button pattern.
 */
export function UserMenu() {
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const menuId = useId();
  const [open, setOpen] = useState<OpenState>(null);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const list = menuItems(menu.current);
    (open.focus === 'first' ? list[0] : list[list.length - 1])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(null);
    button.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    // Enter and Space arrive as a click, which opens the menu on its first item.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen({ focus: event.key === 'ArrowDown' ? 'first' : 'last' });
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const list = menuItems(menu.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => list[(next + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(list.length - 1);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab':
        setOpen(null);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  const openSettings = () => {
    close();
    navigate('/settings');
  };

  const logOut = async () => {
    setOpen(null);
    setLogoutError(null);
    try {
      await logout();
    } catch (error) {
      setLogoutError(error instanceof Error ? error.message : 'Logging out failed.');
      button.current?.focus();
    }
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(null) : setOpen({ focus: 'first' }))}
        onKeyDown={onButtonKeyDown}
      >
        <Avatar name={user.displayName} color={user.color} />
        <span className="user-menu__name">{user.displayName}</span>
        <svg
          className="user-menu__chevron"
          viewBox="0 0 16 16"
          width="14"
          height="14"
          aria-hidden="true"
          focusable="false"
        >
          <path
            fill="currentColor"
            d="M3.2 5.7a.75.75 0 0 1 1.06 0L8 9.44l3.74-3.74a.75.75 0 1 1 1.06 1.06L8.53 11.03a.75.75 0 0 1-1.06 0L3.2 6.76a.75.75 0 0 1 0-1.06Z"
          />
        </svg>
      </button>
      {open && (
        <div className="user-menu__popover">
          <div className="user-menu__identity">
            <span className="user-menu__identity-name">{user.displayName}</span>
            <span className="user-menu__identity-email">{user.email}</span>
          </div>
          <div
            ref={menu}
            id={menuId}
            role="menu"
            aria-label="Account"
            tabIndex={-1}
            className="user-menu__items"
            onKeyDown={onMenuKeyDown}
          >
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="user-menu__item"
              onClick={openSettings}
            >
              Settings
            </button>
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="user-menu__item"
              onClick={logOut}
            >
              Log out
            </button>
          </div>
        </div>
      )}
      <div className="user-menu__status" aria-live="assertive">
        {logoutError && <p className="form-error__message">{logoutError}</p>}
      </div>
    </div>
  );
}
