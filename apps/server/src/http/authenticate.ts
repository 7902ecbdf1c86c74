import type { Authenticated } from '@lore/core';
import type { Request } from 'express';
import type { Services } from '../Services';
import { readSessionCookie } from './sessionCookie';

/**
 * Reads `Authorization: Bearer <token>` or the session cookie; null when neither is valid. The
 * answer says which credential it was (a token's scope limits what the request may do).
 */
export function authenticate(req: Request, services: Services): Authenticated | null {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match?.[1] ? services.accounts.authenticateToken(match[1]) : null;
  }
  const secret = readSessionCookie(req);
  return secret ? services.accounts.authenticateSession(secret) : null;
}
