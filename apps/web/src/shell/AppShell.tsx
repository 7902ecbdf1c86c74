import { useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Header } from './Header';
import { Sidebar } from './Sidebar';
import './AppShell.css';

const sidebarId = 'app-sidebar';

/** The frame around every signed-in page: sidebar, header and the page itself. */
export function AppShell() {
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const location = useLocation();

  // On narrow screens the sidebar is an overlay; following a link should put it away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose.
  useEffect(() => {
    setSidebarOpen(false);
  }, [location.key]);

  return (
    <div className="shell" data-sidebar-open={sidebarOpen || undefined}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar id={sidebarId} onClose={() => setSidebarOpen(false)} />
      <div className="shell__main">
        <Header
          sidebarId={sidebarId}
          sidebarOpen={sidebarOpen}
          onToggleSidebar={() => setSidebarOpen((open) => !open)}
        />
        <main id="main" className="shell__content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
