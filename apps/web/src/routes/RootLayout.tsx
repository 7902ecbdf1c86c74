import { Outlet } from 'react-router';
import { SessionProvider } from '../session/SessionProvider';
import { SessionGate } from './SessionGate';

/** The top of every route: session state, and the gate that waits for it. */
export function RootLayout() {
  return (
    <SessionProvider>
      <SessionGate>
        <Outlet />
      </SessionGate>
    </SessionProvider>
  );
}
