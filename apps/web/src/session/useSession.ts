import { useContext } from 'react';
import { type Session, SessionContext } from './SessionContext';

/** The current session and the actions that change it. Needs a `SessionProvider` above. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a SessionProvider');
  return session;
}
