import type { SetupInput, User } from '@lore/api';
import { type ReactNode, useCallback, useMemo } from 'react';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { claimOfflinePages } from '../offline/claimOfflinePages';
import { forgetOfflinePages } from '../offline/forgetOfflinePages';
import { cachedUser } from './cachedUser';
import { type Session, SessionContext, type SessionState } from './SessionContext';

async function askServer(): Promise<SessionState> {
  const { needsSetup } = await api.setupStatus();
  if (needsSetup) return { status: 'ready', needsSetup, user: null };
  try {
    const { user } = await api.me();
    return { status: 'ready', needsSetup, user };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return { status: 'ready', needsSetup, user: null };
    }
    throw error;
  }
}

/**
 * Who is signed in. When the server cannot be reached at all, the user last seen on this device
 * is assumed, so pages kept offline still open; the server checks the session again as soon as
 * the editor reconnects.
 */
async function loadSession(): Promise<SessionState> {
  try {
    const state = await askServer();
    if (state.status === 'ready') {
      if (state.user) {
        await claimOfflinePages(state.user.id);
        cachedUser.write(state.user);
      } else {
        cachedUser.clear();
      }
    }
    return state;
  } catch (error) {
    const remembered = cachedUser.read();
    if (error instanceof ApiError && error.status === 0 && remembered) {
      return { status: 'ready', needsSetup: false, user: remembered };
    }
    throw error;
  }
}

/** Loads the session once at start and keeps it current across setup, login and logout. */
export function SessionProvider({ children }: { children: ReactNode }) {
  // Anything but an API failure is thrown to the route error boundary by the hook.
  const { data, error, setData: setState, reload } = useApiQuery(queryKeys.session, loadSession);
  const state = useMemo<SessionState>(
    () => (error ? { status: 'unreachable', error } : (data ?? { status: 'loading' })),
    [data, error],
  );

  const signedIn = useCallback(
    (user: User) => {
      void claimOfflinePages(user.id);
      cachedUser.write(user);
      setState({ status: 'ready', needsSetup: false, user });
      return user;
    },
    [setState],
  );

  const signOut = useCallback(
    async (call: () => Promise<unknown>) => {
      let answer: unknown;
      try {
        answer = await call();
      } catch (error) {
        // A session that already expired is as logged out as it gets.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      cachedUser.clear();
      await forgetOfflinePages();
      setState({ status: 'ready', needsSetup: false, user: null });
      // A single sign-on session ends at the identity provider too, which sends the browser back.
      const leaveAt =
        typeof answer === 'object' && answer !== null && 'redirectTo' in answer
          ? answer.redirectTo
          : null;
      if (typeof leaveAt === 'string') window.location.assign(leaveAt);
    },
    [setState],
  );

  const session = useMemo<Session>(
    () => ({
      state,
      setup: (input: SetupInput) => api.setup(input).then(({ user }) => signedIn(user)),
      login: (email, password) => api.login(email, password).then(({ user }) => signedIn(user)),
      logout: () => signOut(api.logout),
      logoutEverywhere: () => signOut(api.logoutEverywhere),
      signedIn,
      reload,
    }),
    [state, signedIn, signOut, reload],
  );

  return <SessionContext value={session}>{children}</SessionContext>;
}
