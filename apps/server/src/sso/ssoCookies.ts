import type { Request, Response } from 'express';
import type { Config } from '../config';

/** Holds the id of this browser's sign-in under way (see `OidcSignInAttempts`). */
const attemptCookie = 'lore_oidc_attempt';
/** Says the session began at the provider, so signing out also leaves the provider. */
const ssoSessionCookie = 'lore_sso';

function secure(req: Request, config: Config): boolean {
  return req.secure || config.publicUrl?.protocol === 'https:';
}

function read(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index !== -1 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return value.length > 0 && value.length < 200 ? value : null;
    }
  }
  return null;
}

export function readAttemptCookie(req: Request): string | null {
  return read(req, attemptCookie);
}

export function setAttemptCookie(req: Request, res: Response, config: Config, id: string): void {
  // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
  res.cookie(attemptCookie, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req, config),
    path: '/auth/oidc',
    maxAge: 10 * 60_000,
  });
}

export function clearAttemptCookie(req: Request, res: Response, config: Config): void {
  res.clearCookie(attemptCookie, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req, config),
    path: '/auth/oidc',
  });
}

export function hasSsoSessionCookie(req: Request): boolean {
  return read(req, ssoSessionCookie) === 'oidc';
}

export function setSsoSessionCookie(req: Request, res: Response, config: Config): void {
  res.cookie(ssoSessionCookie, 'oidc', {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req, config),
    path: '/',
    maxAge: config.sessionTtlMs,
  });
}

export function clearSsoSessionCookie(req: Request, res: Response, config: Config): void {
  res.clearCookie(ssoSessionCookie, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req, config),
    path: '/',
  });
}
