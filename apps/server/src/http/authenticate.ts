import type { User } from '@lore/core';
import type { Request } from 'express';
import type { Services } from '../Services';
import { readSessionCookie } from './sessionCookie';

export type AuthMethod = 'session' | 'token';

export interface Authentication {
  readonly user: User;
  readonly method: AuthMethod;
}

/** Reads `Authorization: Bearer <token>` or the session cookie; null when neither is valid. */
export function authenticate(req: Request, services: Services): Authentication | null {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match?.[1] ? services.accounts.authenticateToken(match[1]) : null;
    return user ? { user, method: 'token' } : null;
  }
  const secret = readSessionCookie(req);
  const user = secret ? services.accounts.authenticateSession(secret) : null;
  return user ? { user, method: 'session' } : null;
}
