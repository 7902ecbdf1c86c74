import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { GroupsPage } from './access/GroupsPage';
import { SpaceSettingsPage } from './access/SpaceSettingsPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { SpaceActivityPage } from './home/SpaceActivityPage';
import { InboxPage } from './notifications/InboxPage';
import { NotificationSettingsPage } from './notifications/NotificationSettingsPage';
import { ErrorPage } from './pages/ErrorPage';
import { HomePage } from './pages/HomePage';
import { InvitePage } from './pages/InvitePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SearchPage } from './pages/SearchPage';
import { SetupPage } from './pages/SetupPage';
import { SpacePage } from './pages/SpacePage';
import { TrashPage } from './pages/TrashPage';
import { RequireSession } from './routes/RequireSession';
import { RootLayout } from './routes/RootLayout';
import { GlossaryPage } from './search/GlossaryPage';
import { SearchAnalyticsPage } from './search/SearchAnalyticsPage';
import { SettingsPage } from './settings/SettingsPage';
import { AppShell } from './shell/AppShell';
import { BrokenLinksPage } from './spaces/BrokenLinksPage';

// The editor (Tiptap, Yjs, ProseMirror) is most of the code; login and setup never load it.
const EditorPage = lazy(() =>
  import('./editor/EditorPage').then((module) => ({ default: module.EditorPage })),
);

const editorFallback = <div className="page delayed-appearance muted">Opening the editor…</div>;

/**
 * Every address of the web app. Pages inside the shell have their own error boundary, so a crash
 * in one page leaves the sidebar and header usable.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <ErrorPage fullPage />,
      children: [
        { path: 'setup', element: <SetupPage /> },
        { path: 'login', element: <LoginPage /> },
        { path: 'invite/:token', element: <InvitePage /> },
        { path: 'reset-password/:token', element: <ResetPasswordPage /> },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppShell />,
              children: [
                {
                  errorElement: <ErrorPage />,
                  children: [
                    { index: true, element: <HomePage /> },
                    { path: 'search', element: <SearchPage /> },
                    { path: 'glossary', element: <GlossaryPage /> },
                    { path: 'admin/search-analytics', element: <SearchAnalyticsPage /> },
                    { path: 'admin/audit', element: <AuditLogPage /> },
                    { path: 'settings', element: <SettingsPage /> },
                    { path: 'settings/notifications', element: <NotificationSettingsPage /> },
                    { path: 'inbox', element: <InboxPage /> },
                    { path: 'spaces/:slug/activity', element: <SpaceActivityPage /> },
                    { path: 'spaces/:slug', element: <SpacePage /> },
                    { path: 'spaces/:slug/trash', element: <TrashPage /> },
                    { path: 'spaces/:slug/settings', element: <SpaceSettingsPage /> },
                    { path: 'admin/groups', element: <GroupsPage /> },
                    {
                      path: 'pages/:pageId',
                      element: (
                        <Suspense fallback={editorFallback}>
                          <EditorPage />
                        </Suspense>
                      ),
                    },
                    {
                      path: 's/:pageId',
                      element: (
                        <Suspense fallback={editorFallback}>
                          <EditorPage />
                        </Suspense>
                      ),
                    },
                    { path: 'spaces/:slug/broken-links', element: <BrokenLinksPage /> },
                    {
                      // A page's canonical address, `/<space-slug>/<title-slug>-<shortId>`.
                      path: ':spaceSlug/:pageSlug',
                      element: (
                        <Suspense fallback={editorFallback}>
                          <EditorPage />
                        </Suspense>
                      ),
                    },
                    { path: '*', element: <NotFoundPage /> },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
