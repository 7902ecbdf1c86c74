import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { CenteredMessage } from '../components/CenteredMessage';
import { useSession } from '../session/useSession';

/**
 * Holds every route back until the session is known, and sends everyone to `/setup` while the
 * server has no user yet.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { state, reload } = useSession();
  const { pathname } = useLocation();

  if (state.status === 'loading') {
    return (
      <div className="delayed-appearance">
        <CenteredMessage title="Loading Lore…" />
      </div>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <CenteredMessage title="Lore is not responding">
        <title>Not responding · Lore</title>
        <p>{state.error.message}</p>
        <button type="button" className="button button--primary" onClick={reload}>
          Try again
        </button>
      </CenteredMessage>
    );
  }
  if (state.needsSetup && pathname !== '/setup') return <Navigate to="/setup" replace />;
  return children;
}
