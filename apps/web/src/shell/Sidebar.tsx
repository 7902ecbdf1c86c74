import type { Ref } from 'react';
import { NavLink } from 'react-router';
import { LoreMark } from '../components/LoreMark';
import { SpaceList } from './SpaceList';
import './Sidebar.css';

interface SidebarProps {
  id: string;
  ref?: Ref<HTMLElement>;
  /** Closes the sidebar where it is an overlay (narrow screens). */
  onClose(): void;
}

/** Workspace navigation: home, settings, and the spaces with their page trees. */
export function Sidebar({ id, ref, onClose }: SidebarProps) {
  return (
    <aside
      id={id}
      ref={ref}
      className="sidebar"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="sidebar__inner">
        <div className="sidebar__brand">
          <LoreMark />
          <span className="sidebar__workspace">Lore</span>
        </div>
        <nav className="sidebar__nav" aria-label="Workspace">
          <ul className="sidebar__links">
            <li>
              <NavLink to="/" end className="sidebar__link">
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path
                    fill="currentColor"
                    d="M7.3 1.7a1 1 0 0 1 1.4 0l5.6 5.1a.75.75 0 0 1-1 1.1l-.3-.3V13a1.5 1.5 0 0 1-1.5 1.5H10a.75.75 0 0 1-.75-.75V10.5h-2.5v3.25A.75.75 0 0 1 6 14.5H4.5A1.5 1.5 0 0 1 3 13V7.6l-.3.3a.75.75 0 0 1-1-1.1Z"
                  />
                </svg>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings" className="sidebar__link">
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path
                    fill="currentColor"
                    d="M6.6 1.3A.75.75 0 0 1 7.3.75h1.4a.75.75 0 0 1 .73.55l.3 1.1c.3.12.6.29.86.48l1.1-.3a.75.75 0 0 1 .84.35l.7 1.2a.75.75 0 0 1-.12.9l-.8.8a4.8 4.8 0 0 1 0 1l.8.8a.75.75 0 0 1 .12.9l-.7 1.2a.75.75 0 0 1-.84.35l-1.1-.3c-.27.2-.56.36-.86.48l-.3 1.1a.75.75 0 0 1-.73.55H7.3a.75.75 0 0 1-.73-.55l-.3-1.1a4.3 4.3 0 0 1-.86-.48l-1.1.3a.75.75 0 0 1-.84-.35l-.7-1.2a.75.75 0 0 1 .12-.9l.8-.8a4.8 4.8 0 0 1 0-1l-.8-.8a.75.75 0 0 1-.12-.9l.7-1.2a.75.75 0 0 1 .84-.35l1.1.3c.27-.2.56-.36.86-.48ZM8 5.75a2.25 2.25 0 1 0 0 4.5 2.25 2.25 0 0 0 0-4.5Z"
                  />
                </svg>
                Settings
              </NavLink>
            </li>
          </ul>
          <section className="sidebar__section" aria-labelledby={`${id}-spaces`}>
            <SpaceList headingId={`${id}-spaces`} />
          </section>
        </nav>
      </div>
    </aside>
  );
}
