import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/useSession';

/** Renders its child routes for a signed-in user and sends anyone else to the login page. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'ready' && state.user) return <Outlet />;
  const back = `${location.pathname}${location.search}`;
  const next = back === '/' ? '' : `?next=${encodeURIComponent(back)}`;
  return <Navigate to={`/login${next}`} replace />;
}
