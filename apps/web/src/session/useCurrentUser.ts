import type { User } from '@lore/api';
import { useSession } from './useSession';

/** The signed-in user, for components that only render behind `RequireSession`. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'ready' || !state.user) {
    throw new Error('useCurrentUser must be used behind RequireSession');
  }
  return state.user;
}
