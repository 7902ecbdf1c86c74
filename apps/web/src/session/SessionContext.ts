import type { SetupInput, User } from '@lore/api';
import { createContext } from 'react';
import type { ApiError } from '../api/ApiError';

/** What the app knows about who is using it. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'ready'; needsSetup: boolean; user: User | null };

export interface Session {
  state: SessionState;
  /** Creates the first admin and signs them in. */
  setup(input: SetupInput): Promise<User>;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  /** Ends every session of the signed-in user, on every device, this one included. */
  logoutEverywhere(): Promise<void>;
  /** Adopts a user the server just signed in some other way (invite, password reset, profile). */
  signedIn(user: User): User;
  /** Asks the server again who is signed in (after a failed start, or when a call answered 401). */
  reload(): void;
}

export const SessionContext = createContext<Session | null>(null);
