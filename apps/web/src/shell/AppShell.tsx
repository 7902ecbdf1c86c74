import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { SpacesProvider } from '../spaces/SpacesProvider';
import { Header } from './Header';
import { Sidebar } from './Sidebar';
import './AppShell.css';

const sidebarId = 'app-sidebar';

/** The frame around every signed-in page: sidebar, header and the page itself. */
export function AppShell() {
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const location = useLocation();
  const sidebar = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // On narrow screens the sidebar is an overlay; following a link should put it away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose.
  useEffect(() => {
    setSidebarOpen(false);
  }, [location.key]);

  // The overlay takes focus when it opens, as a dialog would.
  useEffect(() => {
    if (sidebarOpen) sidebar.current?.querySelector<HTMLElement>('a[href]')?.focus();
  }, [sidebarOpen]);

  const closeSidebar = () => {
    if (!sidebarOpen) return;
    setSidebarOpen(false);
    toggle.current?.focus();
  };

  return (
    <SpacesProvider>
      <div className="shell" data-sidebar-open={sidebarOpen || undefined}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Sidebar id={sidebarId} ref={sidebar} onClose={closeSidebar} />
        {sidebarOpen && (
          <button
            type="button"
            className="shell__backdrop"
            tabIndex={-1}
            aria-hidden="true"
            onClick={closeSidebar}
          />
        )}
        <div className="shell__main">
          <Header
            sidebarId={sidebarId}
            toggleRef={toggle}
            sidebarOpen={sidebarOpen}
            onToggleSidebar={() => setSidebarOpen((open) => !open)}
          />
          <main id="main" className="shell__content" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </SpacesProvider>
  );
}
